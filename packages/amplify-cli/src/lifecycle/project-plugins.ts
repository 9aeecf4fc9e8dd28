import { AmplifyError, CategoryPlugin, FrontendPlugin, PluginInfo, PluginType, ProviderPlugin } from 'amplify-cli-core';
import type { CoreCommandContext } from '../cli-session';
import { describePlugin, runPluginCode } from '../execution/plugin-loader';

/**
 * The provider functions the lifecycle calls. The E4 additions (`storeCurrentCloudBackend`, `attachBackend`,
 * `configureNewUser`) are optional so that providers written against the older contract still load.
 */
export interface LifecycleProvider extends Partial<ProviderPlugin> {
  storeCurrentCloudBackend?(context: CoreCommandContext): Promise<unknown>;
  attachBackend?(context: CoreCommandContext): Promise<unknown>;
  resolveAppBackend?(context: CoreCommandContext, request: { appId: string; envName?: string }): Promise<unknown>;
  configureNewUser?(context: CoreCommandContext): Promise<unknown>;
}

/** A plugin's manifest entry and its loaded main module. */
export interface LoadedPlugin<T> {
  info: PluginInfo;
  module: T;
}

type PluginFunction = (...args: unknown[]) => unknown;

function load<T>(context: CoreCommandContext, info: PluginInfo): LoadedPlugin<T> {
  // A package without a main module exports nothing; every function lookup below then names what is missing.
  const module = (context.session.registry.load(info) ?? {}) as T;
  return { info, module };
}

/** The first installed plugin of `type` named `name` (or one of its aliases). */
function findPlugin<T>(context: CoreCommandContext, type: PluginType, name: string): LoadedPlugin<T> | undefined {
  const info = context.session.registry.find(name).find((candidate) => candidate.manifest.type === type);
  return info ? load<T>(context, info) : undefined;
}

/** The installed plugins of one type, one per name: the first plugin of a name wins, as in the original's lookups. */
export function installedPlugins(context: CoreCommandContext, type: PluginType): PluginInfo[] {
  const byName = new Map<string, PluginInfo>();
  for (const info of context.session.registry.ofType(type)) {
    if (!byName.has(info.manifest.name)) byName.set(info.manifest.name, info);
  }
  return [...byName.values()];
}

export function providerPlugin(context: CoreCommandContext, name: string): LoadedPlugin<LifecycleProvider> {
  const plugin = findPlugin<LifecycleProvider>(context, 'provider', name);
  if (!plugin) {
    throw new AmplifyError('ProviderNotFound', `The provider plugin "${name}" that this project uses is not installed`, {
      resolution: 'Install it (e.g. amplify-provider-awscloudformation), then run "amplify plugin scan"',
    });
  }
  return plugin;
}

export function frontendPlugin(context: CoreCommandContext, name: string): LoadedPlugin<Partial<FrontendPlugin>> {
  const plugin = findPlugin<Partial<FrontendPlugin>>(context, 'frontend', name);
  if (!plugin) {
    throw new AmplifyError('FrontendNotFound', `The frontend plugin "${name}" that this project uses is not installed`, {
      resolution: `Install amplify-frontend-${name}, then run "amplify plugin scan"`,
    });
  }
  return plugin;
}

export function loadPlugins<T>(context: CoreCommandContext, infos: PluginInfo[]): Array<LoadedPlugin<T>> {
  return infos.map((info) => load<T>(context, info));
}

export function categoryPlugins(context: CoreCommandContext): Array<LoadedPlugin<CategoryPlugin>> {
  return loadPlugins<CategoryPlugin>(context, context.session.registry.ofType('category'));
}

/**
 * Calls `plugin.<name>(...args)`, naming the plugin when the function is missing or fails with something other
 * than an AmplifyError.
 */
export async function callPlugin<T extends object, K extends keyof T>(
  plugin: LoadedPlugin<T>,
  name: K,
  ...args: T[K] extends ((...params: infer P) => unknown) | undefined ? P : never
): Promise<unknown> {
  const fn = plugin.module[name];
  if (typeof fn !== 'function') {
    throw new AmplifyError('PluginFunctionMissing', `${describePlugin(plugin.info)} does not export ${String(name)}()`, {
      resolution: 'Update the plugin to a version that implements the amplify plugin contract',
    });
  }
  return runPluginCode(plugin.info, String(name), () => (fn as PluginFunction)(...(args as unknown[])));
}

/** Whether the plugin exports `name` (optional hooks such as a category's initEnv). */
export function hasFunction<T extends object>(plugin: LoadedPlugin<T>, name: keyof T): boolean {
  return typeof plugin.module[name] === 'function';
}
