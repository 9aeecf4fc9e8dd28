import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createTempProject, thrownAmplifyError, writeProjectFile } from 'amplify-test-support';
import { checkProjectFiles } from '../project-check';

afterEach(cleanupTempDirs);

describe('checkProjectFiles', () => {
  it('passes an initialised project', () => {
    expect(() => checkProjectFiles(createTempProject().root)).not.toThrow();
  });

  it.each([
    ['project-config.json missing', (root: string) => fs.rmSync(path.join(root, 'amplify', '.config', 'project-config.json')), /project-config\.json does not exist/],
    ['no current env', (root: string) => writeProjectFile(root, 'amplify/.config/local-env-info.json', {}), /No current environment in .*local-env-info\.json/],
    ['team-provider-info.json missing', (root: string) => fs.rmSync(path.join(root, 'amplify', 'team-provider-info.json')), /team-provider-info\.json does not exist/],
    ['amplify-meta.json missing', (root: string) => fs.rmSync(path.join(root, 'amplify', 'backend', 'amplify-meta.json')), /amplify-meta\.json does not exist/],
    ['backend-config.json truncated', (root: string) => writeProjectFile(root, 'amplify/backend/backend-config.json', '{"api":'), /backend-config\.json/],
  ])('refuses a project with %s, naming the file', (_how, breakProject, message) => {
    const { root } = createTempProject();
    breakProject(root);
    expect(() => checkProjectFiles(root)).toThrow(message);
  });

  it('names a file where a resource folder belongs', () => {
    const { root } = createTempProject({ storage: { orders: { service: 'DynamoDB', providerPlugin: 'awscloudformation' } } });
    writeProjectFile(root, 'amplify/backend/storage/orders', 'not a folder');
    expect(() => checkProjectFiles(root)).toThrow(`${path.join(root, 'amplify', 'backend', 'storage', 'orders')} is a file where the folder of storage resource orders belongs`);
  });

  it('names a current env that team-provider-info.json does not know, and lists the envs it does', () => {
    const { root } = createTempProject();
    writeProjectFile(root, 'amplify/.config/local-env-info.json', { envName: 'ghost' });
    const error = thrownAmplifyError(() => checkProjectFiles(root));
    expect(error.message).toBe('The current env "ghost" (envName in amplify/.config/local-env-info.json) is not in amplify/team-provider-info.json');
    expect(error.resolution).toBe('Switch to an existing env with "amplify env checkout <name>" (dev)');
  });
});
