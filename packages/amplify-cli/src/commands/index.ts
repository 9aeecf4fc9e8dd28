import type { CoreCommandContext } from '../cli-session';

/**
 * The core's commands: one small file each, `src/commands/<name>.ts` or `src/commands/<group>/<verb>.ts`,
 * exporting `export const run = async (context: CoreCommandContext): Promise<void> => { ... }`.
 *
 * To add a command: write its file, add one line below (the key is the words that invoke it, `"env add"` for
 * `amplify env add`), give it a line of help in `command-help.ts`, and make sure its first word is listed in
 * `amplify-plugin.json`. A command listed in the manifest without an entry here answers "not available yet".
 * Modules are loaded only when their command runs, so this table costs nothing at start-up.
 *
 * `init`, `push` and `pull` need not raise their Pre/Post events: the dispatcher raises them around the command.
 */
export interface CoreCommandModule {
  run(context: CoreCommandContext): Promise<void>;
}

export const coreCommands: Record<string, () => Promise<CoreCommandModule>> = {
  help: () => import('./help'),
  version: () => import('./version'),
  status: () => import('./status'),
  'plugin help': () => import('./plugin/help'),
  'plugin list': () => import('./plugin/list'),
  'plugin scan': () => import('./plugin/scan'),
  'plugin add': () => import('./plugin/add'),
  'plugin remove': () => import('./plugin/remove'),
  'plugin verify': () => import('./plugin/verify'),
  'plugin new': () => import('./plugin/new'),
  // The original's alias of `plugin new`.
  'plugin init': () => import('./plugin/new'),
  init: () => import('./init'),
  push: () => import('./push'),
  pull: () => import('./pull'),
  publish: () => import('./publish'),
  run: () => import('./run'),
  delete: () => import('./delete'),
  console: () => import('./console'),
  configure: () => import('./configure'),
  'configure project': () => import('./configure/project'),
  'env help': () => import('./env/help'),
  'env add': () => import('./env/add'),
  'env list': () => import('./env/list'),
  'env get': () => import('./env/get'),
  'env checkout': () => import('./env/checkout'),
  'env pull': () => import('./env/pull'),
  'env import': () => import('./env/import'),
  'env remove': () => import('./env/remove'),
};

/** Sub-commands of a command group, e.g. `list`, `scan`, ... for `plugin`. */
export function groupVerbs(group: string): string[] {
  return Object.keys(coreCommands)
    .filter((key) => key.startsWith(`${group} `))
    .map((key) => key.slice(group.length + 1));
}

/** The registry key for `command` + sub-commands: the longest run of words that names a command. */
export function findCoreCommandKey(command: string, subCommands: string[]): string | undefined {
  for (let count = subCommands.length; count >= 0; count--) {
    const key = [command, ...subCommands.slice(0, count)].join(' ');
    if (key in coreCommands) {
      return key;
    }
  }
  return undefined;
}
