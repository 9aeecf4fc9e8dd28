import { AmplifyError } from 'amplify-cli-core';
import type { ProviderContext } from '../context/provider-context';

/** A running local cloud: where it listens and the instance key pair it verifies every signature against. */
export interface LocalCloudAccess {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** The embedded local cloud as this provider needs it: a running endpoint, started on demand. */
export interface LocalCloudLauncher {
  ensure(): Promise<LocalCloudAccess>;
}

/** The name the local cloud plugin (package `amplify-local-cloud`) declares in its manifest. */
export const LOCAL_CLOUD_PLUGIN = 'local-cloud';

/** What the provider calls on the local cloud plugin's module: `ensureLocalCloud` of its public entry. */
interface LocalCloudPluginModule {
  ensureLocalCloud(options?: { port?: number; dataDir?: string }): Promise<LocalCloudAccess>;
}

function isLocalCloudPluginModule(value: unknown): value is LocalCloudPluginModule {
  return typeof value === 'object' && value !== null && typeof (value as { ensureLocalCloud?: unknown }).ensureLocalCloud === 'function';
}

/**
 * Starts (or finds) the background local cloud through the local cloud plugin, which the CLI's plugin platform
 * finds and loads (`context.amplify.getPluginInstance`; a context without the platform has no local cloud): plugins reach each other through the core, never by import, so the provider does not depend
 * on the local cloud's package (nor on its native SQLite binding). The plugin loads only when a local target is
 * resolved, never for commands that do not deploy.
 */
export function pluginLocalCloud(context: ProviderContext | undefined): LocalCloudLauncher {
  return {
    async ensure() {
      const loaded = context?.amplify.getPluginInstance?.(context, LOCAL_CLOUD_PLUGIN);
      if (!isLocalCloudPluginModule(loaded)) {
        throw new AmplifyError('LocalCloudUnavailable', `The local cloud plugin (amplify-local-cloud) is ${loaded === undefined ? 'not installed' : 'not one this provider can start'}.`, {
          resolution: 'Reinstall the Amplify CLI (it ships the local cloud) and run "amplify plugin scan", or choose AWS credentials with "amplify configure project".',
        });
      }
      return loaded.ensureLocalCloud();
    },
  };
}

/** A launcher for a local cloud that is already running (tests, or one the user started by hand). */
export function fixedLocalCloud(access: LocalCloudAccess): LocalCloudLauncher {
  return { ensure: async () => access };
}
