import * as fs from 'fs';
import * as path from 'path';
import { makeTempDir, removeDir } from './temp-dir';

/** Writes a project file (JSON unless `data` is a string), creating its folders. */
export function writeProjectFile(root: string, relative: string, data: unknown): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
}

export function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function readProjectFile<T = Record<string, unknown>>(root: string, relative: string): T {
  return readJson<T>(path.join(root, relative));
}

export interface FixtureProjectOptions {
  projectConfig?: object;
  meta?: object;
  currentMeta?: object;
  backendConfig?: object;
  teamProviderInfo?: object;
  localEnvInfo?: object;
  /** Files relative to `amplify/`, e.g. `backend/auth/a1/template.json`. */
  files?: Record<string, string>;
}

/**
 * Writes a project in a new temp folder as `amplify init` and later commands would leave it, and returns its root;
 * only the files given are written, besides project-config.json. Removed by `cleanupTempDirs()`.
 */
export function createFixtureProject(options: FixtureProjectOptions = {}): string {
  const root = makeTempDir('amplify-project-');
  writeProjectFile(
    root,
    'amplify/.config/project-config.json',
    options.projectConfig ?? { projectName: 'fixture', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] },
  );
  const optional: Array<[string, object | undefined]> = [
    ['amplify/.config/local-env-info.json', options.localEnvInfo],
    ['amplify/team-provider-info.json', options.teamProviderInfo],
    ['amplify/backend/amplify-meta.json', options.meta],
    ['amplify/backend/backend-config.json', options.backendConfig],
    ['amplify/#current-cloud-backend/amplify-meta.json', options.currentMeta],
  ];
  for (const [relative, data] of optional) {
    if (data !== undefined) writeProjectFile(root, relative, data);
  }
  for (const [relative, content] of Object.entries(options.files ?? {})) {
    writeProjectFile(root, path.join('amplify', relative), content);
  }
  return root;
}

/**
 * A minimal initialised project (`shop`, env `dev`, pushed once) holding the resources of `meta` in amplify-meta.json
 * and backend-config.json; `remove()` deletes it.
 */
export function createTempProject(meta: Record<string, unknown> = {}): { root: string; remove: () => void } {
  const providers = { awscloudformation: { Region: 'us-east-1', StackName: 'amplify-shop-dev-12345', DeploymentBucketName: 'amplify-shop-dev-12345-deployment' } };
  const root = createFixtureProject({
    projectConfig: { projectName: 'shop', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] },
    teamProviderInfo: { dev: providers },
    meta: { providers, ...meta },
    backendConfig: { ...meta },
  });
  writeProjectFile(root, 'amplify/.config/local-env-info.json', { envName: 'dev', projectPath: root, defaultEditor: 'code' });
  return { root, remove: () => removeDir(root) };
}

/** Writes a storage DynamoDB table's cli-inputs.json as the storage category does. */
export function writeTableInputs(root: string, resourceName: string, inputs: Record<string, unknown>): void {
  writeProjectFile(root, path.join('amplify', 'backend', 'storage', resourceName, 'cli-inputs.json'), JSON.stringify(inputs));
}
