import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject, readJson, rejectedAmplifyError, thrownAmplifyError } from 'amplify-test-support';
import { UserAbort } from '../errors/amplify-error';
import { createPrompter, type Prompter } from '../prompts/prompter';
import { hashDirectory } from '../status/hash-directory';
import { removeResource } from '../category/remove-resource';
import { updateamplifyMetaAfterPush, updateamplifyMetaAfterResourceDelete } from '../state/cloud-backend-copy';
import { loadEnvResourceParameters, removeResourceParameters, saveEnvResourceParameters } from '../state/env-parameters';
import {
  updateamplifyMetaAfterBuild,
  updateAmplifyMetaAfterPackage,
  updateamplifyMetaAfterResourceAdd,
  updateamplifyMetaAfterResourceUpdate,
  updateBackendConfigAfterResourceAdd,
  updateBackendConfigAfterResourceRemove,
  updateBackendConfigAfterResourceUpdate,
  updateProvideramplifyMeta,
} from '../state/meta-mutations';
import { getResourceOutputs } from '../state/resource-outputs';
import type { AmplifyMeta, BackendConfig, TeamProviderInfo } from '../state/types';

const providers = { awscloudformation: { Region: 'us-east-1', StackName: 'amplify-app-dev-1234' } };
const metaPath = (root: string): string => path.join(root, 'amplify', 'backend', 'amplify-meta.json');
const currentMetaPath = (root: string): string => path.join(root, 'amplify', '#current-cloud-backend', 'amplify-meta.json');
const backendConfigPath = (root: string): string => path.join(root, 'amplify', 'backend', 'backend-config.json');
const tpiPath = (root: string): string => path.join(root, 'amplify', 'team-provider-info.json');

function emptyProject(): string {
  return createFixtureProject({ meta: { providers }, currentMeta: { providers }, backendConfig: {} });
}

afterEach(cleanupTempDirs);

describe('updateamplifyMetaAfterResourceAdd', () => {
  it('adds the entry to meta and mirrors it into backend-config', () => {
    const root = emptyProject();
    updateamplifyMetaAfterResourceAdd(root, 'auth', 'cognito1', { service: 'Cognito', providerPlugin: 'awscloudformation' });
    expect(readJson<AmplifyMeta>(metaPath(root))).toEqual({
      providers,
      auth: { cognito1: { service: 'Cognito', providerPlugin: 'awscloudformation' } },
    });
    expect(readJson<BackendConfig>(backendConfigPath(root))).toEqual({
      auth: { cognito1: { service: 'Cognito', providerPlugin: 'awscloudformation' } },
    });
  });

  it('takes a separate backend-config entry when given', () => {
    const root = emptyProject();
    updateamplifyMetaAfterResourceAdd(
      root,
      'api',
      'api1',
      { service: 'AppSync', providerPlugin: 'awscloudformation', output: { x: 1 } },
      { service: 'AppSync', providerPlugin: 'awscloudformation', output: { authConfig: {} } },
    );
    expect(readJson<BackendConfig>(backendConfigPath(root)).api.api1).toEqual({
      service: 'AppSync',
      providerPlugin: 'awscloudformation',
      output: { authConfig: {} },
    });
  });

  it('keeps meta-only keys out of the mirrored backend-config entry, but not output', () => {
    const root = emptyProject();
    updateamplifyMetaAfterResourceAdd(root, 'function', 'fn1', {
      service: 'Lambda',
      providerPlugin: 'awscloudformation',
      build: true,
      lastBuildTimeStamp: 'x',
      providerMetadata: { logicalId: 'functionfn1' },
      s3Bucket: { deploymentBucketName: 'amplify-app-dev-1234-deployment', s3Key: 'amplify-builds/fn1-abc-build.zip' },
      output: { authConfig: { defaultAuthentication: { authenticationType: 'API_KEY' } } },
    });
    expect(readJson<BackendConfig>(backendConfigPath(root)).function.fn1).toEqual({
      service: 'Lambda',
      providerPlugin: 'awscloudformation',
      build: true,
      output: { authConfig: { defaultAuthentication: { authenticationType: 'API_KEY' } } },
    });
  });

  it('refuses a resource that already exists', () => {
    const root = emptyProject();
    updateamplifyMetaAfterResourceAdd(root, 'auth', 'cognito1', { service: 'Cognito', providerPlugin: 'awscloudformation' });
    const error = thrownAmplifyError(() =>
      updateamplifyMetaAfterResourceAdd(root, 'auth', 'cognito1', { service: 'Cognito', providerPlugin: 'awscloudformation' }),
    );
    expect(error.code).toBe('ResourceAlreadyExists');
    expect(error.message).toBe('Resource auth/cognito1 already exists');
  });

  it('refuses a dependency that closes a cycle and writes nothing', () => {
    const root = createFixtureProject({
      meta: {
        providers,
        function: {
          a: { service: 'Lambda', providerPlugin: 'awscloudformation', dependsOn: [{ category: 'function', resourceName: 'b', attributes: ['Arn'] }] },
          b: { service: 'Lambda', providerPlugin: 'awscloudformation', dependsOn: [{ category: 'api', resourceName: 'c', attributes: ['Url'] }] },
        },
      },
    });
    const before = fs.readFileSync(metaPath(root), 'utf8');
    const error = thrownAmplifyError(() =>
      updateamplifyMetaAfterResourceAdd(root, 'api', 'c', {
        service: 'API Gateway',
        providerPlugin: 'awscloudformation',
        dependsOn: [{ category: 'function', resourceName: 'a', attributes: ['Name'] }],
      }),
    );
    expect(error.code).toBe('CyclicDependency');
    expect(error.message).toBe('Resource api/c would depend on itself: api/c -> function/a -> function/b -> api/c');
    expect(fs.readFileSync(metaPath(root), 'utf8')).toBe(before);
  });

  it('accepts a diamond of dependencies (shared, not cyclic)', () => {
    const root = createFixtureProject({
      meta: {
        providers,
        auth: { u: { service: 'Cognito', providerPlugin: 'awscloudformation' } },
        function: {
          a: { service: 'Lambda', providerPlugin: 'awscloudformation', dependsOn: [{ category: 'auth', resourceName: 'u', attributes: [] }] },
        },
      },
    });
    updateamplifyMetaAfterResourceAdd(root, 'api', 'c', {
      service: 'AppSync',
      providerPlugin: 'awscloudformation',
      dependsOn: [
        { category: 'function', resourceName: 'a', attributes: ['Arn'] },
        { category: 'auth', resourceName: 'u', attributes: ['UserPoolId'] },
      ],
    });
    expect(Object.keys(readJson<AmplifyMeta>(metaPath(root)).api!)).toEqual(['c']);
  });
});

describe('updateamplifyMetaAfterResourceUpdate', () => {
  const base = (): string =>
    createFixtureProject({
      meta: {
        providers,
        api: { api1: { service: 'AppSync', providerPlugin: 'awscloudformation', output: { a: 1, b: 2 } } },
      },
      backendConfig: { api: { api1: { service: 'AppSync', providerPlugin: 'awscloudformation' } } },
    });

  it('merges object values and replaces others, without stamping a push time', () => {
    const root = base();
    const meta = updateamplifyMetaAfterResourceUpdate(root, 'api', 'api1', 'output', { b: 3, c: 4 });
    updateamplifyMetaAfterResourceUpdate(root, 'api', 'api1', 'build', true);
    const onDisk = readJson<AmplifyMeta>(metaPath(root));
    expect(onDisk.api!.api1).toEqual({ service: 'AppSync', providerPlugin: 'awscloudformation', output: { a: 1, b: 3, c: 4 }, build: true });
    expect((meta.api as AmplifyMeta[string])!.api1).toMatchObject({ output: { a: 1, b: 3, c: 4 } });
    // Other attributes do not leak into backend-config.
    expect(readJson<BackendConfig>(backendConfigPath(root)).api.api1).toEqual({ service: 'AppSync', providerPlugin: 'awscloudformation' });
  });

  it('mirrors dependsOn and service into backend-config', () => {
    const root = base();
    const dependsOn = [{ category: 'auth', resourceName: 'u', attributes: ['UserPoolId'] }];
    updateamplifyMetaAfterResourceUpdate(root, 'api', 'api1', 'dependsOn', dependsOn);
    updateamplifyMetaAfterResourceUpdate(root, 'api', 'api1', 'service', 'API Gateway');
    expect(readJson<BackendConfig>(backendConfigPath(root)).api.api1).toEqual({
      service: 'API Gateway',
      providerPlugin: 'awscloudformation',
      dependsOn,
    });
  });

  it('refuses a dependsOn that points back at the resource', () => {
    const root = base();
    const error = thrownAmplifyError(() =>
      updateamplifyMetaAfterResourceUpdate(root, 'api', 'api1', 'dependsOn', [{ category: 'api', resourceName: 'api1', attributes: [] }]),
    );
    expect(error.code).toBe('CyclicDependency');
  });

  it("checks a new dependsOn against the others' current edges, not the resource's old ones", () => {
    const dep = (resourceName: string) => [{ category: 'function', resourceName, attributes: ['Arn'] }];
    const root = createFixtureProject({
      meta: {
        providers,
        function: {
          a: { service: 'Lambda', providerPlugin: 'awscloudformation', dependsOn: dep('b') },
          b: { service: 'Lambda', providerPlugin: 'awscloudformation' },
        },
      },
    });
    expect(thrownAmplifyError(() => updateamplifyMetaAfterResourceUpdate(root, 'function', 'b', 'dependsOn', dep('a'))).message).toBe(
      'Resource function/b would depend on itself: function/b -> function/a -> function/b',
    );
    updateamplifyMetaAfterResourceUpdate(root, 'function', 'a', 'dependsOn', []);
    updateamplifyMetaAfterResourceUpdate(root, 'function', 'b', 'dependsOn', dep('a'));
    expect(readJson<AmplifyMeta>(metaPath(root)).function!.b).toMatchObject({ dependsOn: dep('a') });
  });

  it('names a missing resource', () => {
    const error = thrownAmplifyError(() => updateamplifyMetaAfterResourceUpdate(base(), 'api', 'nope', 'build', true));
    expect(error.code).toBe('ResourceNotFound');
    expect(error.message).toBe('Resource api/nope is not in amplify-meta.json');
  });
});

describe('updateamplifyMetaAfterResourceDelete', () => {
  it('removes the entry from the current-cloud meta and its last deployed folder', () => {
    const entry = { service: 'S3', providerPlugin: 'awscloudformation', lastPushTimeStamp: 't' };
    const root = createFixtureProject({
      meta: { providers },
      currentMeta: { providers, storage: { s1: entry, s2: entry } },
      files: { '#current-cloud-backend/storage/s1/template.json': '{}' },
    });
    updateamplifyMetaAfterResourceDelete(root, 'storage', 's1');
    expect(readJson<AmplifyMeta>(currentMetaPath(root))).toEqual({ providers, storage: { s2: entry } });
    expect(fs.existsSync(path.join(root, 'amplify', '#current-cloud-backend', 'storage', 's1'))).toBe(false);
  });
});

describe('updateamplifyMetaAfterPush', () => {
  it('stamps pushed resources and mirrors their folders, meta and backend-config into #current-cloud-backend', () => {
    const root = createFixtureProject({
      meta: {
        providers,
        auth: { u: { service: 'Cognito', providerPlugin: 'awscloudformation' } },
        storage: { s: { service: 'S3', providerPlugin: 'awscloudformation' } },
      },
      currentMeta: { providers },
      backendConfig: { auth: { u: { service: 'Cognito', providerPlugin: 'awscloudformation' } } },
      files: {
        'backend/auth/u/template.json': '{"Resources":{}}',
        'backend/auth/u/parameters.json': '{"a":1}',
        'backend/auth/u/src/node_modules/dep/index.js': 'module.exports = 1;',
        // A file deleted locally since the last push must not survive in the mirror.
        '#current-cloud-backend/auth/u/stale.json': '{}',
      },
    });
    const before = Date.now();
    updateamplifyMetaAfterPush(root, [{ category: 'auth', resourceName: 'u' }]);
    const meta = readJson<AmplifyMeta>(metaPath(root));
    const entry = meta.auth!.u as { lastPushTimeStamp?: string; lastPushDirHash?: string };
    expect(Date.parse(entry.lastPushTimeStamp!)).toBeGreaterThanOrEqual(before - 1000);
    expect(entry.lastPushDirHash).toBe(hashDirectory(path.join(root, 'amplify', 'backend', 'auth', 'u')));
    expect((meta.storage!.s as { lastPushTimeStamp?: string }).lastPushTimeStamp).toBeUndefined();

    const cloud = path.join(root, 'amplify', '#current-cloud-backend');
    expect(fs.readdirSync(path.join(cloud, 'auth', 'u')).sort()).toEqual(['parameters.json', 'src', 'template.json']);
    expect(fs.readdirSync(path.join(cloud, 'auth', 'u', 'src'))).toEqual([]);
    expect(readJson(path.join(cloud, 'amplify-meta.json'))).toEqual(meta);
    expect(readJson(path.join(cloud, 'backend-config.json'))).toEqual(readJson(backendConfigPath(root)));
    expect(fs.existsSync(path.join(cloud, 'storage'))).toBe(false);
  });
});

describe('build, package and provider updates', () => {
  const root = (): string =>
    createFixtureProject({ meta: { providers, function: { fn: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } } } });

  it('updateamplifyMetaAfterBuild and updateAmplifyMetaAfterPackage record their times and the zip', () => {
    const r = root();
    updateamplifyMetaAfterBuild(r, { category: 'function', resourceName: 'fn' }, 'PROD');
    updateAmplifyMetaAfterPackage(r, { category: 'function', resourceName: 'fn' }, 'fn-abc-build.zip');
    expect(readJson<AmplifyMeta>(metaPath(r)).function!.fn).toEqual({
      service: 'Lambda',
      providerPlugin: 'awscloudformation',
      build: true,
      lastBuildTimeStamp: expect.any(String),
      lastBuildType: 'PROD',
      lastPackageTimeStamp: expect.any(String),
      distZipFilename: 'fn-abc-build.zip',
    });
  });

  it('updateProvideramplifyMeta shallow-assigns into providers[name]', () => {
    const r = root();
    updateProvideramplifyMeta(r, 'awscloudformation', { StackId: 'arn:x', Region: 'eu-west-1' });
    expect(readJson<AmplifyMeta>(metaPath(r)).providers).toEqual({
      awscloudformation: { Region: 'eu-west-1', StackName: 'amplify-app-dev-1234', StackId: 'arn:x' },
    });
  });
});

describe('backend-config updates', () => {
  it('adds, updates (merging objects) and removes entries, dropping empty categories', () => {
    const root = createFixtureProject({});
    updateBackendConfigAfterResourceAdd(root, 'hosting', 'S3AndCloudFront', { service: 'S3AndCloudFront', providerPlugin: 'awscloudformation' });
    updateBackendConfigAfterResourceUpdate(root, 'hosting', 'S3AndCloudFront', 'output', { a: 1 });
    updateBackendConfigAfterResourceUpdate(root, 'hosting', 'S3AndCloudFront', 'output', { b: 2 });
    expect(readJson<BackendConfig>(backendConfigPath(root))).toEqual({
      hosting: { S3AndCloudFront: { service: 'S3AndCloudFront', providerPlugin: 'awscloudformation', output: { a: 1, b: 2 } } },
    });
    updateBackendConfigAfterResourceRemove(root, 'hosting', 'S3AndCloudFront');
    expect(readJson<BackendConfig>(backendConfigPath(root))).toEqual({});
  });
});

describe('env resource parameters', () => {
  it('saves, loads and removes parameters under team-provider-info[env].categories', () => {
    const root = createFixtureProject({
      localEnvInfo: { envName: 'dev' },
      teamProviderInfo: { dev: { awscloudformation: { Region: 'us-east-1' } }, prod: {} },
    });
    expect(loadEnvResourceParameters(root, 'function', 'fn')).toEqual({});
    saveEnvResourceParameters(root, 'function', 'fn', { TABLE: 't-dev' });
    saveEnvResourceParameters(root, 'function', 'fn', { TABLE: 't-prod' }, 'prod');
    expect(loadEnvResourceParameters(root, 'function', 'fn')).toEqual({ TABLE: 't-dev' });
    expect(readJson<TeamProviderInfo>(tpiPath(root)).dev).toEqual({
      awscloudformation: { Region: 'us-east-1' },
      categories: { function: { fn: { TABLE: 't-dev' } } },
    });
    removeResourceParameters(root, 'function', 'fn');
    expect(readJson<TeamProviderInfo>(tpiPath(root))).toEqual({
      dev: { awscloudformation: { Region: 'us-east-1' }, categories: {} },
      prod: { categories: { function: { fn: { TABLE: 't-prod' } } } },
    });
  });

  it('needs a current env when none is given', () => {
    const root = createFixtureProject({});
    expect(thrownAmplifyError(() => loadEnvResourceParameters(root, 'function', 'fn')).code).toBe('EnvironmentNotInitialized');
  });
});

describe('getResourceOutputs', () => {
  it('groups pushed resources with outputs by provider, service and category', () => {
    const meta: AmplifyMeta = {
      providers,
      auth: {
        u: { service: 'Cognito', providerPlugin: 'awscloudformation', lastPushTimeStamp: 't', output: { UserPoolId: 'p1' } },
      },
      storage: {
        pushedNoOutput: { service: 'S3', providerPlugin: 'awscloudformation', lastPushTimeStamp: 't' },
        outputNotPushed: { service: 'S3', providerPlugin: 'awscloudformation', output: { BucketName: 'b' } },
      },
    };
    const outputs = getResourceOutputs(meta);
    expect(outputs.outputsByCategory).toEqual({ auth: { u: { UserPoolId: 'p1', service: 'Cognito' } } });
    expect(outputs.serviceResourceMapping).toEqual({ Cognito: [{ ...(meta.auth as AmplifyMeta[string])!.u, resourceName: 'u' }] });
    // The entries given to frontends name their resource; the caller's meta is left as it was.
    expect((meta.auth as AmplifyMeta[string])!.u).not.toHaveProperty('resourceName');
    expect(outputs.outputsByProvider.awscloudformation.metadata).toBe(providers.awscloudformation);
    expect(outputs.outputsForFrontend).toEqual({
      metadata: providers.awscloudformation,
      serviceResourceMapping: outputs.serviceResourceMapping,
      testMode: false,
    });
  });
});

describe('removeResource', () => {
  const dependsOnAuth = [{ category: 'auth', resourceName: 'u', attributes: ['UserPoolId'] }];
  const project = (): string =>
    createFixtureProject({
      localEnvInfo: { envName: 'dev' },
      teamProviderInfo: { dev: { categories: { storage: { s1: { bucketName: 'b' } } } } },
      meta: {
        providers,
        auth: { u: { service: 'Cognito', providerPlugin: 'awscloudformation' } },
        storage: {
          s1: { service: 'S3', providerPlugin: 'awscloudformation', dependsOn: dependsOnAuth },
          s2: { service: 'S3', providerPlugin: 'awscloudformation' },
        },
      },
      backendConfig: {
        auth: { u: { service: 'Cognito', providerPlugin: 'awscloudformation' } },
        storage: {
          s1: { service: 'S3', providerPlugin: 'awscloudformation', dependsOn: dependsOnAuth },
          s2: { service: 'S3', providerPlugin: 'awscloudformation' },
        },
      },
      files: { 'backend/storage/s1/parameters.json': '{}', 'backend/storage/s2/parameters.json': '{}' },
    });
  const scripted = (answers: { confirm?: boolean; pick?: string }): Prompter => ({
    confirm: async () => answers.confirm ?? false,
    input: async () => '',
    password: async () => '',
    // Answers with a fixed name whatever the choices; the overloads cannot express that, hence the cast.
    pick: (async () => answers.pick) as unknown as Prompter['pick'],
  });

  it('deletes meta, backend-config, env parameters and the folder under --yes', async () => {
    const root = project();
    const removed = await removeResource(root, { category: 'storage', resourceName: 's1', yes: true, prompter: createPrompter({ yes: true }) });
    expect(removed).toEqual({ category: 'storage', resourceName: 's1', service: 'S3' });
    expect(Object.keys(readJson<AmplifyMeta>(metaPath(root)).storage!)).toEqual(['s2']);
    expect(Object.keys(readJson<BackendConfig>(backendConfigPath(root)).storage)).toEqual(['s2']);
    expect(readJson<TeamProviderInfo>(tpiPath(root)).dev.categories).toEqual({});
    expect(fs.existsSync(path.join(root, 'amplify', 'backend', 'storage', 's1'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'amplify', 'backend', 'storage', 's2'))).toBe(true);
  });

  it('refuses while another resource depends on it, changing nothing', async () => {
    const root = project();
    const before = fs.readFileSync(metaPath(root), 'utf8');
    const error = await rejectedAmplifyError(removeResource(root, { category: 'auth', resourceName: 'u', yes: true, prompter: scripted({}) }));
    expect(error.code).toBe('ResourceInUse');
    expect(error.message).toBe('Resource auth/u cannot be removed: storage/s1 depends on it');
    expect(fs.readFileSync(metaPath(root), 'utf8')).toBe(before);
  });

  it('asks which resource when none is named, and confirms', async () => {
    const root = project();
    const removed = await removeResource(root, { category: 'storage', prompter: scripted({ pick: 's2', confirm: true }) });
    expect(removed.resourceName).toBe('s2');
    expect(Object.keys(readJson<AmplifyMeta>(metaPath(root)).storage!)).toEqual(['s1']);
  });

  it('aborts and keeps everything when the confirmation is declined', async () => {
    const root = project();
    const before = fs.readFileSync(metaPath(root), 'utf8');
    const error = await rejectedAmplifyError(removeResource(root, { category: 'storage', resourceName: 's2', prompter: scripted({ confirm: false }) }));
    expect(error).toBeInstanceOf(UserAbort);
    expect(fs.readFileSync(metaPath(root), 'utf8')).toBe(before);
  });

  it('under --yes without a name, fails naming how to give it instead of guessing', async () => {
    const error = await rejectedAmplifyError(removeResource(project(), { category: 'storage', yes: true, prompter: createPrompter({ yes: true }) }));
    expect(error.code).toBe('MissingAnswer');
    expect(error.resolution).toBe('Pass the resource name (amplify remove storage <name>)');
  });

  it('names an empty category and an unknown resource', async () => {
    const root = project();
    expect((await rejectedAmplifyError(removeResource(root, { category: 'api', yes: true, prompter: scripted({}) }))).code).toBe('ResourceNotFound');
    expect((await rejectedAmplifyError(removeResource(root, { category: 'storage', resourceName: 'x', yes: true, prompter: scripted({}) }))).code).toBe(
      'ResourceNotFound',
    );
  });
});
