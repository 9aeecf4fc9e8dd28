import { AmplifyError, PluginModule } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { findLegacyCommandFile, loadPluginModule } from '../../execution/plugin-loader';
import { inspectPluginPackage } from '../../platform/plugin-package';

/**
 * `amplify plugin verify`: checks the current folder as a plugin package. Beyond what a scan checks (package,
 * manifest, type against name) it loads the plugin's code, because only then can it tell whether declared
 * event handlers and commands are implemented.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const { environment, printer } = context.session;
  const inspection = inspectPluginPackage(environment.cwd);
  if (inspection.kind === 'problem') {
    throw new AmplifyError(inspection.code, `${inspection.packageLocation} is not a valid amplify plugin: ${inspection.reason}`, {
      resolution: 'Fix the package and run "amplify plugin verify" again',
    });
  }
  const { info } = inspection;
  const pluginModule: PluginModule | undefined = loadPluginModule(info);
  if ((info.manifest.eventHandlers ?? []).length > 0 && typeof pluginModule?.handleAmplifyEvent !== 'function') {
    throw new AmplifyError('MissingHandleAmplifyEventMethod', `${info.packageName} lists eventHandlers but its main module exports no handleAmplifyEvent`, {
      resolution: 'Export handleAmplifyEvent(context, { event, data }) or remove eventHandlers from the manifest',
    });
  }
  if (typeof pluginModule?.executeAmplifyCommand !== 'function') {
    const missing = (info.manifest.commands ?? []).filter((command) => !findLegacyCommandFile(info, command, []));
    if (missing.length > 0) {
      throw new AmplifyError('MissingCommandImplementation', `${info.packageName} declares ${missing.map((c) => `"${c}"`).join(', ')} without executeAmplifyCommand or a commands/ file`, {
        resolution: `Export executeAmplifyCommand(context) or add commands/${info.manifest.name}/<command>.js files`,
      });
    }
  }
  printer.success(`✔ ${info.packageLocation} is a valid amplify plugin: "${info.manifest.name}" (${info.manifest.type}, ${info.packageName}@${info.packageVersion})`);
};
