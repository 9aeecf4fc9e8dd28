/**
 * The questions the provider asks, as a structural slice of the core's `Prompter`: the core's prompter (which
 * knows `--yes` and non-TTY rules and names the flag when it cannot ask) satisfies it, and tests can script it.
 */
export interface ProviderPrompter {
  confirm(options: { message: string; flag?: string; default?: boolean }): Promise<boolean>;
  input(options: { message: string; flag?: string; default?: string; validate?: (value: string) => boolean | string }): Promise<string>;
  password(options: { message: string; flag?: string; default?: string; validate?: (value: string) => boolean | string }): Promise<string>;
  pick<T>(options: { message: string; flag?: string; choices: ReadonlyArray<{ name: string; value: T }>; default?: T }): Promise<T>;
}
