import {
  AmplifyContext,
  AmplifyError,
  AmplifyEvent,
  AmplifyMeta,
  CategoryPlugin,
  FrontendPlugin,
  getResourceOutputs,
  getResourceStatus,
  hasChanges,
  PlatformToolkit,
  PluginInfo,
  PluginModule,
  PluginType,
  ProviderPlugin,
  ResourceRef,
  stateManager,
} from 'amplify-cli-core';
import { describePlugin, runPluginCode } from '../execution/plugin-loader';
import type { PluginRegistry } from '../platform/plugin-registry';
import type { Printer } from '../output/printer';
import { printStatus } from '../output/status-view';

export interface PlatformToolkitOptions {
  registry: PluginRegistry;
  printer: Printer;
  /** The project root, or undefined outside a project. */
  projectRoot: () => string | undefined;
  /** The root, or the core's "not initialized" error. */
  requireProjectRoot: () => string;
}

/** Short name -> package folder for one plugin type; the first plugin of a name wins, as in the original. */
function pluginDirectories(registry: PluginRegistry, type: PluginType): Record<string, string> {
  const directories: Record<string, string> = {};
  for (const info of registry.ofType(type)) {
    directories[info.manifest.name] ??= info.packageLocation;
  }
  return directories;
}

/** The `context.amplify` functions that need the plugin platform (the rest come from the core's toolkit). */
export function createPlatformToolkit(options: PlatformToolkitOptions): PlatformToolkit {
  const { registry, printer } = options;

  const instance = (pluginName: string): { info: PluginInfo; module: PluginModule | undefined } | undefined => {
    const info = registry.find(pluginName)[0];
    return info ? { info, module: registry.load(info) } : undefined;
  };

  const raiseEvent = async (context: AmplifyContext, event: AmplifyEvent, data?: unknown): Promise<void> => {
    for (const info of registry.all().filter((plugin) => plugin.manifest.eventHandlers?.includes(event))) {
      // A failing handler must not stop the command that raised the event (the original swallowed them too),
      // but unlike the original it is reported.
      try {
        const handler = registry.load(info)?.handleAmplifyEvent;
        if (typeof handler !== 'function') {
          printer.warning(`${describePlugin(info)} lists ${event} in eventHandlers but exports no handleAmplifyEvent`);
          continue;
        }
        await runPluginCode(info, `handleAmplifyEvent(${event})`, () => handler(context, { event, data }));
      } catch (error) {
        printer.warning(`${error instanceof Error ? error.message : String(error)} (event ${event} ignored)`);
      }
    }
  };

  return {
    getPluginInstance: (_context, pluginName) => instance(pluginName)?.module,
    getCategoryPlugins: () => pluginDirectories(registry, 'category'),
    getProviderPlugins: () => pluginDirectories(registry, 'provider'),
    getFrontendPlugins: () => pluginDirectories(registry, 'frontend'),

    async executeProviderUtils(context, providerName, utilName, utilOptions) {
      const provider = instance(providerName);
      if (!provider) {
        throw new AmplifyError('ProviderNotFound', `No provider plugin named "${providerName}" is installed`, {
          resolution: 'Install the provider plugin, then run "amplify plugin scan"',
        });
      }
      const util = (provider.module as Partial<ProviderPlugin> | undefined)?.providerUtils?.[utilName];
      if (typeof util !== 'function') {
        throw new AmplifyError('ProviderUtilNotFound', `${describePlugin(provider.info)} has no provider util "${utilName}"`, {
          resolution: 'Update the provider plugin to a version that offers it',
        });
      }
      return runPluginCode(provider.info, `providerUtils.${utilName}`, () => util(context, utilOptions));
    },

    raiseEvent,

    async onCategoryOutputsChange(context, cloudMeta?: AmplifyMeta, localMeta?: AmplifyMeta) {
      const projectRoot = options.requireProjectRoot();
      const meta = localMeta ?? stateManager.getMeta(projectRoot);
      const frontendName = stateManager.getProjectConfig(projectRoot).frontend;
      const frontend = instance(frontendName);
      const createConfigs = (frontend?.module as Partial<FrontendPlugin> | undefined)?.createFrontendConfigs;
      if (frontend && typeof createConfigs === 'function') {
        const cloudOutputs = cloudMeta ? getResourceOutputs(cloudMeta).outputsForFrontend : undefined;
        await runPluginCode(frontend.info, 'createFrontendConfigs', () =>
          createConfigs(context, getResourceOutputs(meta).outputsForFrontend, cloudOutputs),
        );
      }
      for (const info of registry.ofType('category')) {
        const onChange = (registry.load(info) as CategoryPlugin | undefined)?.onAmplifyCategoryOutputChange;
        if (typeof onChange === 'function') {
          await runPluginCode(info, 'onAmplifyCategoryOutputChange', () => onChange(context, cloudMeta));
        }
      }
    },

    async showResourceTable(category?: string, resourceName?: string, filteredResources?: ResourceRef[]) {
      const projectRoot = options.requireProjectRoot();
      const status = getResourceStatus(projectRoot, { category, resourceName, filteredResources });
      const envName = stateManager.getLocalEnvInfo(projectRoot, { throwIfNotExist: false })?.envName;
      printStatus(printer, status, envName);
      return hasChanges(status);
    },

    // The push flow belongs to the lifecycle commands; it is loaded only when a plugin asks for a push.
    async pushResources(context, category?: string, resourceName?: string, filteredResources?: ResourceRef[]) {
      const { pushFromPlugin } = await import('../lifecycle/push/push-from-plugin');
      return pushFromPlugin(context, category, resourceName, filteredResources);
    },
  };
}
