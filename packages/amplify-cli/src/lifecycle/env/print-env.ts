/** An env's provider records as `key: value` lines per provider (`env list --details`, `env get`). */
export function printProviders(line: (text: string) => void, envInfo: Record<string, unknown> | undefined): void {
  for (const [provider, record] of Object.entries(envInfo ?? {})) {
    if (provider === 'categories' || typeof record !== 'object' || record === null) continue;
    line(`--------------\nProvider: ${provider}`);
    for (const [key, value] of Object.entries(record)) line(`${key}: ${String(value)}`);
  }
}
