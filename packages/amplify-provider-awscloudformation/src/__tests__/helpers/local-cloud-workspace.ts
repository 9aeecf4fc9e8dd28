import * as path from 'path';
import { startLocalCloud, type LocalCloud } from 'amplify-local-cloud';
import { makeTempDir, removeDir, writeProjectFile } from 'amplify-test-support';
import { AwsClientFactory } from '../../aws/client-factory';
import { resolveAwsTarget } from '../../aws/credentials';
import { fixedLocalCloud } from '../../aws/local-cloud-launcher';
import { ignoreProgress } from '../../deploy/progress-event';
import { createEnvironment } from '../../env/create-env';
import type { RootStackOutputs } from '../../project/project-types';

/**
 * A temp folder holding an in-process local cloud's data, the Amplify home and the AWS config files (so nothing of
 * this machine's configuration is read or written), and the project folder `app/`, with a client factory on the cloud.
 */
export interface LocalCloudWorkspace {
  tmp: string;
  cloud: LocalCloud;
  factory: AwsClientFactory;
  projectRoot: string;
  /** Stops the cloud, restores the environment and removes the folder. */
  dispose(): Promise<void>;
}

const ISOLATED_ENV = ['AMPLIFY_HOME', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE'] as const;

export async function startLocalCloudWorkspace(prefix: string): Promise<LocalCloudWorkspace> {
  const tmp = makeTempDir(prefix);
  const saved = ISOLATED_ENV.map((key) => [key, process.env[key]] as const);
  const cleanUp = () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    removeDir(tmp);
  };
  process.env.AMPLIFY_HOME = path.join(tmp, 'amplify-home');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(tmp, 'aws', 'credentials');
  process.env.AWS_CONFIG_FILE = path.join(tmp, 'aws', 'config');
  let cloud: LocalCloud | undefined;
  try {
    cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'cloud') });
    const started = cloud;
    const factory = new AwsClientFactory(await resolveAwsTarget({ configLevel: 'local' }, { localCloud: fixedLocalCloud(started), env: process.env }), process.env);
    return {
      tmp,
      cloud: started,
      factory,
      projectRoot: path.join(tmp, 'app'),
      async dispose() {
        factory.destroy();
        await started.close();
        cleanUp();
      },
    };
  } catch (error) {
    await cloud?.close();
    cleanUp();
    throw error;
  }
}

/** `amplify init` of the workspace's project on its cloud, env `dev`: the project files and the root stack. */
export async function initLocalProject(workspace: LocalCloudWorkspace, projectName: string, maxPollIntervalMs: number): Promise<RootStackOutputs> {
  const { projectRoot, factory } = workspace;
  writeProjectFile(projectRoot, 'amplify/.config/project-config.json', { projectName, version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  writeProjectFile(projectRoot, 'amplify/.config/local-env-info.json', { envName: 'dev' });
  return createEnvironment({ projectRoot, projectName, envName: 'dev', awsConfig: { configLevel: 'local' }, factory, onProgress: ignoreProgress, maxPollIntervalMs });
}
