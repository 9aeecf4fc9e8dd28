import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject, makeTempDir, readJson } from 'amplify-test-support';
import { writeResource } from '../resource-writer';

afterEach(cleanupTempDirs);

function project(): string {
  return createFixtureProject({
    meta: { providers: { awscloudformation: { Region: 'us-east-1' } } },
    backendConfig: {},
    localEnvInfo: { envName: 'dev' },
    teamProviderInfo: { dev: { awscloudformation: {} } },
  });
}

describe('writeResource', () => {
  it('writes files, rendered templates, env parameters and the meta entry of a new resource', async () => {
    const root = project();
    const templates = makeTempDir();
    fs.writeFileSync(path.join(templates, 'readme.md.ejs'), 'Bucket <%= bucket %>');
    const dir = await writeResource({
      projectRoot: root,
      category: 'storage',
      resourceName: 's3files',
      mode: 'add',
      jsonFiles: { 'cli-inputs.json': { bucket: 'b1' }, 'build/parameters.json': { bucketName: 'b1' } },
      rendered: [{ dir: templates, template: 'readme.md.ejs', target: 'README.md' }],
      props: { bucket: 'b1' },
      meta: { service: 'S3', providerPlugin: 'awscloudformation' },
      envParameters: { secret: 'x' },
    });
    expect(dir).toBe(path.join(root, 'amplify', 'backend', 'storage', 's3files'));
    expect(readJson(path.join(dir, 'build', 'parameters.json'))).toEqual({ bucketName: 'b1' });
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('Bucket b1');
    expect(readJson(path.join(root, 'amplify', 'backend', 'amplify-meta.json'))).toHaveProperty('storage.s3files.service', 'S3');
    expect(readJson(path.join(root, 'amplify', 'backend', 'backend-config.json'))).toHaveProperty('storage.s3files.service', 'S3');
    expect(readJson(path.join(root, 'amplify', 'team-provider-info.json'))).toHaveProperty('dev.categories.storage.s3files.secret', 'x');
  });

  it('refuses to add a resource that exists, before writing anything', async () => {
    const root = project();
    const add = (file: string) =>
      writeResource({ projectRoot: root, category: 'auth', resourceName: 'a1', mode: 'add', jsonFiles: { [file]: {} }, meta: { service: 'Cognito', providerPlugin: 'awscloudformation' } });
    await add('one.json');
    await expect(add('two.json')).rejects.toMatchObject({ code: 'ResourceAlreadyExists' });
    expect(fs.existsSync(path.join(root, 'amplify', 'backend', 'auth', 'a1', 'two.json'))).toBe(false);
  });

  it('updates the files and merges meta attributes of an existing resource, and refuses an unknown one', async () => {
    const root = project();
    await writeResource({ projectRoot: root, category: 'auth', resourceName: 'a1', mode: 'add', jsonFiles: { 'x.json': { v: 1 } }, meta: { service: 'Cognito', providerPlugin: 'awscloudformation', frontendAuthConfig: { a: 1 } } });
    await writeResource({ projectRoot: root, category: 'auth', resourceName: 'a1', mode: 'update', jsonFiles: { 'x.json': { v: 2 } }, meta: { frontendAuthConfig: { b: 2 } } });
    expect(readJson(path.join(root, 'amplify', 'backend', 'auth', 'a1', 'x.json'))).toEqual({ v: 2 });
    expect(readJson(path.join(root, 'amplify', 'backend', 'amplify-meta.json'))).toHaveProperty('auth.a1.frontendAuthConfig', { a: 1, b: 2 });
    await expect(writeResource({ projectRoot: root, category: 'auth', resourceName: 'nope', mode: 'update', meta: {} })).rejects.toMatchObject({ code: 'ResourceNotFound' });
  });
});
