import { AmplifyError } from 'amplify-cli-core';

/** A running local cloud: where it listens and the instance key pair it verifies every signature against. */
export interface LocalCloudAccess {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** The embedded local cloud as this provider needs it: a running endpoint, started on demand. */
export interface LocalCloudLauncher {
  ensure(): Promise<LocalCloudAccess>;
}

interface LocalCloudModule {
  ensureLocalCloud(options?: { port?: number; dataDir?: string }): Promise<LocalCloudAccess>;
}

function isLocalCloudModule(value: unknown): value is LocalCloudModule {
  return typeof value === 'object' && value !== null && typeof (value as { ensureLocalCloud?: unknown }).ensureLocalCloud === 'function';
}

/**
 * Starts (or finds) the background local cloud through the `amplify-local-cloud` package. Required lazily: its
 * SQLite binding and CloudFormation engine are far too heavy for commands that never deploy.
 */
export const defaultLocalCloudLauncher: LocalCloudLauncher = {
  async ensure() {
    const loaded: unknown = require('amplify-local-cloud');
    if (!isLocalCloudModule(loaded)) {
      throw new AmplifyError('LocalCloudUnavailable', 'The installed amplify-local-cloud package cannot start the local cloud.', {
        resolution: 'Reinstall the Amplify CLI so that amplify-local-cloud matches it, or choose AWS credentials with "amplify configure project".',
      });
    }
    return loaded.ensureLocalCloud();
  },
};

/** A launcher for a local cloud that is already running (tests, or one the user started by hand). */
export function fixedLocalCloud(access: LocalCloudAccess): LocalCloudLauncher {
  return { ensure: async () => access };
}
