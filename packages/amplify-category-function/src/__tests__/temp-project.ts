import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A minimal initialised project (env `dev`, no resources) in a temp folder; `remove()` deletes it. */
export function createTempProject(meta: Record<string, unknown> = {}): { root: string; remove: () => void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-function-test-')));
  const write = (relative: string, data: unknown): void => {
    const file = path.join(root, 'amplify', relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(data, null, 2));
  };
  const providers = { awscloudformation: { Region: 'us-east-1', StackName: 'amplify-shop-dev-12345', DeploymentBucketName: 'amplify-shop-dev-12345-deployment' } };
  write('.config/project-config.json', { projectName: 'shop', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write('.config/local-env-info.json', { envName: 'dev', projectPath: root, defaultEditor: 'code' });
  write('team-provider-info.json', { dev: providers });
  write('backend/amplify-meta.json', { providers, ...meta });
  write('backend/backend-config.json', Object.fromEntries(Object.entries(meta)));
  return { root, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Writes a storage DynamoDB table's cli-inputs.json as the storage category does. */
export function writeTableInputs(root: string, resourceName: string, inputs: Record<string, unknown>): void {
  const dir = path.join(root, 'amplify', 'backend', 'storage', resourceName);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cli-inputs.json'), JSON.stringify(inputs));
}
