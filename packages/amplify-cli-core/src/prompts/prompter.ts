import { AmplifyError, UserAbort } from '../errors/amplify-error';

/** Returns true when the answer is acceptable, or a message telling what is wrong with it. */
export type PromptValidator<T> = (value: T) => boolean | string | Promise<boolean | string>;

export interface PromptChoice<T> {
  name: string;
  value: T;
  /** Shown beside the choice. */
  description?: string;
  disabled?: boolean;
}

interface PromptBaseOptions {
  message: string;
  /** The command-line flag that supplies this answer, named in errors when it cannot be asked (e.g. `--envName`). */
  flag?: string;
}

export interface ConfirmOptions extends PromptBaseOptions {
  default?: boolean;
}

export interface InputOptions extends PromptBaseOptions {
  default?: string;
  validate?: PromptValidator<string>;
}

export interface PasswordOptions extends PromptBaseOptions {
  default?: string;
  validate?: PromptValidator<string>;
}

// `[T]` keeps the conditional from distributing over a union of string literals.
type Choices<T> = ReadonlyArray<PromptChoice<T>> | ([T] extends [string] ? ReadonlyArray<T> : never);

export interface PickOptions<T> extends PromptBaseOptions {
  choices: Choices<T>;
  multiSelect?: false;
  default?: T;
}

export interface PickManyOptions<T> extends PromptBaseOptions {
  choices: Choices<T>;
  multiSelect: true;
  default?: T[];
  validate?: PromptValidator<T[]>;
}

/** How every command asks questions. Never hangs: without an answer source it fails naming the flag to use. */
export interface Prompter {
  confirm(options: ConfirmOptions): Promise<boolean>;
  input(options: InputOptions): Promise<string>;
  password(options: PasswordOptions): Promise<string>;
  pick<T>(options: PickOptions<T>): Promise<T>;
  pick<T>(options: PickManyOptions<T>): Promise<T[]>;
}

export interface PrompterOptions {
  /** `--yes`: take every default without asking. */
  yes?: boolean;
  /** Whether a person can answer; defaults to "stdin is a TTY", decided at each prompt. */
  isInteractive?: () => boolean;
  /** Streams for the interactive prompts (tests inject their own). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

function normalizeChoices<T>(choices: Choices<T>): Array<PromptChoice<T>> {
  return (choices as ReadonlyArray<PromptChoice<T> | T>).map((choice) =>
    typeof choice === 'string' ? ({ name: choice, value: choice } as PromptChoice<T>) : (choice as PromptChoice<T>),
  );
}

/** The answer, when one is known without asking: under `--yes` the default, or an error naming the flag. */
function resolveWithoutAsking<T>(options: PrompterOptions, message: string, flag: string | undefined, defaultValue: T | undefined): T | undefined {
  if (options.yes) {
    if (defaultValue === undefined) {
      throw new AmplifyError('MissingAnswer', `No default for "${message}" under --yes`, {
        resolution: flag ? `Pass ${flag}` : 'Run the command without --yes in a terminal to answer it',
      });
    }
    return defaultValue;
  }
  const interactive = options.isInteractive ?? (() => process.stdin.isTTY === true);
  if (!interactive()) {
    throw new AmplifyError('NonInteractiveShell', `Cannot ask "${message}" without a terminal`, {
      resolution: !flag
        ? 'Run the command in a terminal, or pass --yes to accept defaults'
        : flag === '--yes'
          ? 'Pass --yes'
          : `Pass ${flag} (or --yes to accept defaults)`,
    });
  }
  return undefined;
}

/** Ctrl-C inside an inquirer prompt rejects with `ExitPromptError`; to the CLI that is the user aborting. */
async function asked<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') {
      throw new UserAbort('Aborted.', { cause: error });
    }
    throw error;
  }
}

type InquirerPrompts = typeof import('@inquirer/prompts');

/** Loaded on the first interactive question only: inquirer costs ~60 ms of start-up. */
function inquirer(): InquirerPrompts {
  return require('@inquirer/prompts') as InquirerPrompts;
}

export function createPrompter(options: PrompterOptions = {}): Prompter {
  const context = { input: options.input, output: options.output };

  async function pick<T>(pickOptions: PickOptions<T> | PickManyOptions<T>): Promise<T | T[]> {
    const choices = normalizeChoices(pickOptions.choices);
    if (choices.length === 0) {
      throw new AmplifyError('NoChoices', `Nothing to choose for "${pickOptions.message}"`, {
        resolution: pickOptions.flag ? `Pass ${pickOptions.flag}` : 'Create what the command expects first',
      });
    }
    if (pickOptions.multiSelect) {
      const known = resolveWithoutAsking(options, pickOptions.message, pickOptions.flag, pickOptions.default);
      if (known !== undefined) return known;
      const selected = new Set(pickOptions.default ?? []);
      const validate = pickOptions.validate;
      return asked(
        inquirer().checkbox<T>(
          {
            message: pickOptions.message,
            choices: choices.map((c) => ({ name: c.name, value: c.value, description: c.description, disabled: c.disabled, checked: selected.has(c.value) })),
            validate: validate ? (items) => validate(items.map((item) => item.value)) : undefined,
          },
          context,
        ),
      );
    }
    const known = resolveWithoutAsking(options, pickOptions.message, pickOptions.flag, pickOptions.default);
    if (known !== undefined) return known;
    return asked(
      inquirer().select<T>(
        {
          message: pickOptions.message,
          choices: choices.map((c) => ({ name: c.name, value: c.value, description: c.description, disabled: c.disabled })),
          default: pickOptions.default,
        },
        context,
      ),
    );
  }

  return {
    async confirm({ message, flag, default: defaultValue }) {
      const known = resolveWithoutAsking(options, message, flag, defaultValue);
      if (known !== undefined) return known;
      return asked(inquirer().confirm({ message, default: defaultValue }, context));
    },
    async input({ message, flag, default: defaultValue, validate }) {
      const known = resolveWithoutAsking(options, message, flag, defaultValue);
      if (known !== undefined) return known;
      return asked(inquirer().input({ message, default: defaultValue, validate }, context));
    },
    async password({ message, flag, default: defaultValue, validate }) {
      const known = resolveWithoutAsking(options, message, flag, defaultValue);
      if (known !== undefined) return known;
      return asked(inquirer().password({ message, mask: '*', validate }, context));
    },
    pick: pick as Prompter['pick'],
  };
}
