import type { CoreCommandContext } from '../../cli-session';

const VERBS: Array<[string, string]> = [
  ['list [--json]', 'Lists the active plugins (name, type, package, version, location), then removed and broken ones.'],
  ['scan', 'Scans the plugin folders again (normally a changed install is noticed by itself).'],
  ['add <path|name>', 'Verifies and adds a plugin folder, or re-enables a removed plugin by name.'],
  ['remove <name>', 'Disables a plugin; scans will not re-add it until "amplify plugin add <name>".'],
  ['verify', 'Checks that the current folder is a valid plugin package.'],
  ['new [name] (alias: init)', 'Scaffolds a new plugin in ./<name>; --yes takes the defaults (a util plugin).'],
];

/** `amplify plugin` / `amplify plugin help`. */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { printer } = context.session;
  printer.info('Usage: amplify plugin <subcommand>\n');
  printer.table([['Subcommand', 'Description'], ...VERBS.map(([verb, text]) => [verb, text])]);
};
