import * as fs from 'fs';
import * as path from 'path';

/** What global-prefix resolution looks at; injectable so tests never depend on the machine's npm setup. */
export interface GlobalPrefixOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  /** `process.execPath`: node's install prefix is two levels above it. */
  execPath: string;
  platform: NodeJS.Platform;
}

/**
 * Resolves npm's global prefix the way npm itself does, without spawning npm (that costs ~100 ms per run):
 * 1. the `npm_config_prefix` environment variable (any case, as npm reads it), then `PREFIX`;
 * 2. `prefix=` in the user npmrc (`$NPM_CONFIG_USERCONFIG`, else `~/.npmrc`);
 * 3. `prefix=` in the global npmrc (`$NPM_CONFIG_GLOBALCONFIG`, else `<node prefix>/etc/npmrc`);
 * 4. `prefix=` in npm's builtin `npmrc` beside the npm installation;
 * 5. node's install prefix (`dirname(dirname(execPath))` on POSIX, the node folder on Windows), under
 *    `$DESTDIR` when that is set.
 */
export function resolveGlobalPrefix(options: GlobalPrefixOptions): string {
  const { env } = options;
  const expand = (value: string): string => expandNpmrcValue(value, env, options.homeDir);
  const fromEnv = envConfig(env, 'prefix') ?? env.PREFIX;
  if (fromEnv) {
    return path.resolve(expand(fromEnv));
  }
  const nodePrefix = nodeInstallPrefix(options);
  const userConfig = envConfig(env, 'userconfig') ?? path.join(options.homeDir, '.npmrc');
  const globalConfig = envConfig(env, 'globalconfig') ?? path.join(nodePrefix, 'etc', 'npmrc');
  const npmDir =
    options.platform === 'win32'
      ? path.join(nodePrefix, 'node_modules', 'npm')
      : path.join(nodePrefix, 'lib', 'node_modules', 'npm');
  for (const file of [expand(userConfig), expand(globalConfig), path.join(npmDir, 'npmrc')]) {
    const prefix = readNpmrcKey(file, 'prefix');
    if (prefix) {
      return path.resolve(path.dirname(file), expand(prefix));
    }
  }
  return nodePrefix;
}

/** `<prefix>/lib/node_modules` on POSIX, `<prefix>/node_modules` on Windows. */
export function globalNodeModulesDir(prefix: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? path.join(prefix, 'node_modules') : path.join(prefix, 'lib', 'node_modules');
}

function nodeInstallPrefix({ execPath, env, platform }: GlobalPrefixOptions): string {
  const prefix = platform === 'win32' ? path.dirname(execPath) : path.dirname(path.dirname(execPath));
  return env.DESTDIR ? path.join(env.DESTDIR, prefix) : prefix;
}

/** npm reads `npm_config_<key>` case-insensitively; the lower-case spelling wins as it does in npm. */
function envConfig(env: NodeJS.ProcessEnv, key: string): string | undefined {
  const lower = `npm_config_${key}`;
  if (env[lower]) {
    return env[lower];
  }
  const match = Object.keys(env).find((name) => name.toLowerCase() === lower && env[name]);
  return match === undefined ? undefined : env[match];
}

/** The value of `key` in an ini-style npmrc, or undefined when the file or the key is missing. */
export function readNpmrcKey(file: string, key: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let value: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#') || line.startsWith('[')) {
      continue;
    }
    const equals = line.indexOf('=');
    if (equals < 0 || line.slice(0, equals).trim() !== key) {
      continue;
    }
    // Like npm's ini parser, the last assignment wins.
    value = unquote(line.slice(equals + 1).trim());
  }
  return value === '' ? undefined : value;
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) {
    return value.slice(1, -1);
  }
  return value;
}

/** npm substitutes `${VAR}` from the environment in npmrc values and expands a leading `~`. */
function expandNpmrcValue(value: string, env: NodeJS.ProcessEnv, homeDir: string): string {
  const substituted = value.replace(/(\\*)\$\{([^${}]+)\}/g, (whole: string, escapes: string, name: string) =>
    escapes.length % 2 === 1 ? whole.slice(1) : `${escapes}${env[name] ?? ''}`,
  );
  if (substituted === '~' || substituted.startsWith('~/') || substituted.startsWith('~\\')) {
    return path.join(homeDir, substituted.slice(1));
  }
  return substituted;
}
