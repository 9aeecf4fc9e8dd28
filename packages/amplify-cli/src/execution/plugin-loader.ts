import * as fs from 'fs';
import * as path from 'path';
import { AmplifyContext, AmplifyError, isAmplifyError, PluginInfo, PluginModule } from 'amplify-cli-core';

/** `Plugin "api" (amplify-category-api@1.2.0)`: how every message names a plugin. */
export function describePlugin(info: PluginInfo): string {
  return `Plugin "${info.manifest.name}" (${info.packageName}@${info.packageVersion})`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Requires a plugin's main module. Undefined when the package has none (gluegun-style plugins may consist of
 * `commands/` only); a module that throws while loading becomes an error naming the plugin.
 */
export function loadPluginModule(info: PluginInfo): PluginModule | undefined {
  let entry: string;
  try {
    entry = require.resolve(info.packageLocation);
  } catch {
    return undefined;
  }
  try {
    return require(entry) as PluginModule;
  } catch (cause) {
    throw new AmplifyError('PluginLoadFailed', `${describePlugin(info)} failed to load: ${errorMessage(cause)}`, {
      resolution: `Reinstall the plugin, or disable it with "amplify plugin remove ${info.manifest.name}"`,
      cause,
    });
  }
}

/**
 * The `main` a package.json declares when no file answers to it (a package published without its build), else
 * undefined. Not an error by itself: a gluegun-style plugin keeps npm init's `"main": "index.js"` and has only
 * `commands/`; it explains a command that is found nowhere.
 */
export function missingMainModule(info: PluginInfo): string | undefined {
  let main: unknown;
  try {
    main = (JSON.parse(fs.readFileSync(path.join(info.packageLocation, 'package.json'), 'utf8')) as { main?: unknown }).main;
  } catch {
    return undefined;
  }
  if (typeof main !== 'string' || main.trim() === '') return undefined;
  try {
    require.resolve(info.packageLocation);
    return undefined;
  } catch {
    return main;
  }
}

/** Codes of Node's socket and DNS errors that mean "nothing answers there", wherever they sit in the cause chain. */
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH']);

function networkErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code !== undefined && NETWORK_ERROR_CODES.has(code)) return code;
  }
  return undefined;
}

/**
 * Runs plugin code so that a failure names the plugin. The plugin's own AmplifyErrors are its message to the
 * user and pass through unchanged; an endpoint that cannot be reached is the user's to fix, anything else is
 * reported as the plugin's bug.
 */
export async function runPluginCode<T>(info: PluginInfo, what: string, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (cause) {
    if (isAmplifyError(cause)) {
      throw cause;
    }
    const unreachable = networkErrorCode(cause);
    if (unreachable !== undefined) {
      // Not a bug of the plugin: the endpoint is down or unknown (a local cloud that is not running, no network).
      throw new AmplifyError('NetworkUnreachable', `${describePlugin(info)} could not reach the cloud in ${what}: ${errorMessage(cause)}`, {
        resolution:
          'Check the network and AWS_ENDPOINT_URL; for the local cloud, start it with "amplify local-cloud start --detach" and run the command again',
        cause,
      });
    }
    throw new AmplifyError('PluginCommandFailed', `${describePlugin(info)} failed in ${what}: ${errorMessage(cause)}`, {
      resolution: 'Run again with --debug for the stack, and report it to the plugin author',
      cause,
    });
  }
}

/** A gluegun-style command module: `{ name, run(context) }`, possibly behind an ES module `default`. */
interface GluegunCommandModule {
  name?: string;
  run(context: AmplifyContext): unknown;
}

function asCommandModule(value: unknown): GluegunCommandModule | undefined {
  const candidate = (value as { default?: unknown } | undefined)?.default ?? value;
  return typeof (candidate as GluegunCommandModule | undefined)?.run === 'function'
    ? (candidate as GluegunCommandModule)
    : undefined;
}

/**
 * Finds the gluegun-style command file for `command` (+ sub-commands): the longest match among
 * `commands/<plugin>/<command>/<sub>...js`, then `commands/<plugin>.js` for the plugin's own top command, then
 * `commands/<command>.js` (a plain gluegun layout).
 */
export function findLegacyCommandFile(info: PluginInfo, command: string, subCommands: string[]): string | undefined {
  const commandsDir = path.join(info.packageLocation, 'commands');
  const name = info.manifest.name;
  const candidates: string[] = [];
  const words = [command, ...subCommands];
  for (let count = words.length; count >= 1; count--) {
    candidates.push(path.join(commandsDir, name, ...words.slice(0, count)) + '.js');
  }
  if (command === name) {
    candidates.push(path.join(commandsDir, `${name}.js`));
  }
  candidates.push(path.join(commandsDir, `${command}.js`));
  return candidates.find((file) => fs.existsSync(file));
}

export async function runLegacyCommand(info: PluginInfo, file: string, context: AmplifyContext): Promise<void> {
  let commandModule: GluegunCommandModule | undefined;
  try {
    commandModule = asCommandModule(require(file));
  } catch (cause) {
    throw new AmplifyError('PluginLoadFailed', `${describePlugin(info)} failed to load ${file}: ${errorMessage(cause)}`, {
      resolution: `Reinstall the plugin, or disable it with "amplify plugin remove ${info.manifest.name}"`,
      cause,
    });
  }
  if (!commandModule) {
    throw new AmplifyError('InvalidPluginCommand', `${describePlugin(info)}: ${file} does not export a run(context) function`, {
      resolution: 'Export { name, run } from the command file',
    });
  }
  const { run } = commandModule;
  await runPluginCode(info, path.relative(info.packageLocation, file), () => run(context));
}

/** gluegun-era extensions: every `extensions/*.js` module is called with the context before the plugin runs. */
export async function attachExtensions(info: PluginInfo, context: AmplifyContext): Promise<void> {
  const dir = path.join(info.packageLocation, 'extensions');
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((file) => file.endsWith('.js') && !file.endsWith('.test.js'));
  } catch {
    return;
  }
  for (const file of files.sort()) {
    await runPluginCode(info, `extensions/${file}`, () => {
      const loaded = require(path.join(dir, file)) as { default?: unknown } | ((context: AmplifyContext) => unknown);
      const attach = typeof loaded === 'function' ? loaded : loaded.default;
      if (typeof attach === 'function') {
        return (attach as (context: AmplifyContext) => unknown)(context);
      }
      return undefined;
    });
  }
}
