import { AmplifyError, PluginInfo } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { didYouMean } from '../../routing/did-you-mean';

/**
 * `amplify plugin remove <name>`: disables every active package of that plugin name. They are kept in
 * `excluded` so that scans do not bring them back; `amplify plugin add <name>` re-enables them.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { registry, printer } = context.session;
  const name = context.input.subCommands?.[1];
  if (!name) {
    throw new AmplifyError('MissingArgument', '"amplify plugin remove" needs the name of the plugin to remove', {
      resolution: 'Run "amplify plugin list" to see the names, then "amplify plugin remove <name>"',
    });
  }
  const matches = registry.all().filter((info) => info.manifest.name === name);
  if (matches.length === 0) {
    const suggestion = didYouMean(name, registry.all().map((info) => info.manifest.name));
    throw new AmplifyError('PluginNotFound', `No active plugin is named "${name}"${suggestion ? `. Did you mean "${suggestion}"?` : ''}`, {
      resolution: 'Run "amplify plugin list" to see the active plugins',
    });
  }
  const removedLocations = new Set(matches.map((info) => info.packageLocation));
  // Applied to plugin-cache.json as it is when written, so that a concurrent add or remove stays recorded too.
  registry.rescan((choices) => {
    const alreadyExcluded = (choices.excluded[name] ?? []).filter((info) => !removedLocations.has(info.packageLocation));
    const excluded: Record<string, PluginInfo[]> = { ...choices.excluded, [name]: [...alreadyExcluded, ...matches] };
    const userAddedLocations = choices.userAddedLocations.filter((location) => !removedLocations.has(location));
    return { excluded, userAddedLocations };
  });
  printer.success(`✔ Removed plugin "${name}" (${matches.map((info) => `${info.packageName}@${info.packageVersion}`).join(', ')})`);
};
