import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject } from 'amplify-test-support';
import { AmplifyError } from '../../errors/amplify-error';
import { hashDirectory } from '../hash-directory';
import { getResourceStatus, type ResourceStatus } from '../resource-status';
import { getStatusTable, hasChanges } from '../status-table';

const cfn = 'awscloudformation';
const providers = { awscloudformation: { Region: 'us-east-1' } };
const pushed = (service: string, extra: object = {}) => ({ service, providerPlugin: cfn, lastPushTimeStamp: '2026-01-01T00:00:00.000Z', ...extra });

/**
 * A project after one push and some local work:
 * - auth/userpool: pushed, unchanged              -> No Change
 * - api/gql: pushed, schema edited locally         -> Update
 * - function/fn: pushed, only dist/ rebuilt        -> No Change (build output is not hashed)
 * - storage/bucket: added, never pushed            -> Create
 * - storage/old: removed locally, still deployed   -> Delete
 * - hosting/site: never pushed, but pushed meta has no entry -> Create
 */
function fixture(): string {
  const fnDeps = [{ category: 'auth', resourceName: 'userpool', attributes: ['UserPoolId'] }];
  return createFixtureProject({
    meta: {
      providers,
      auth: { userpool: pushed('Cognito') },
      api: { gql: pushed('AppSync') },
      function: { fn: pushed('Lambda', { dependsOn: fnDeps }) },
      storage: { bucket: { service: 'S3', providerPlugin: cfn } },
      hosting: { site: pushed('S3AndCloudFront') },
    },
    currentMeta: {
      providers,
      auth: { userpool: pushed('Cognito') },
      api: { gql: pushed('AppSync') },
      function: { fn: pushed('Lambda', { dependsOn: fnDeps }) },
      storage: { old: pushed('S3') },
    },
    files: {
      'backend/auth/userpool/template.json': '{"a":1}',
      '#current-cloud-backend/auth/userpool/template.json': '{"a":1}',
      'backend/api/gql/schema.graphql': 'type Todo { id: ID! name: String }',
      '#current-cloud-backend/api/gql/schema.graphql': 'type Todo { id: ID! }',
      'backend/function/fn/src/index.js': 'x',
      'backend/function/fn/dist/fn-123-build.zip': 'new zip',
      '#current-cloud-backend/function/fn/src/index.js': 'x',
      'backend/storage/bucket/parameters.json': '{}',
      '#current-cloud-backend/storage/old/parameters.json': '{}',
    },
  });
}

const names = (list: ResourceStatus['allResources']): string[] => list.map((r) => `${r.category}/${r.resourceName}`);

describe('getResourceStatus', () => {
  afterEach(cleanupTempDirs);

  it('classifies Create, Update, Delete and No Change from metas and folder hashes', () => {
    const status = getResourceStatus(fixture());
    expect(names(status.resourcesToBeCreated)).toEqual(['storage/bucket', 'hosting/site']);
    expect(names(status.resourcesToBeUpdated)).toEqual(['api/gql']);
    expect(names(status.resourcesToBeDeleted)).toEqual(['storage/old']);
    expect(names(status.allResources)).toEqual(['auth/userpool', 'api/gql', 'function/fn', 'storage/bucket', 'hosting/site']);
    expect(status.resourcesToBeUpdated[0]).toMatchObject({ category: 'api', resourceName: 'gql', service: 'AppSync', providerPlugin: cfn });
    expect(hasChanges(status)).toBe(true);
  });

  it('gives the table rows in the order Create, Update, Delete, No Change with display category names', () => {
    expect(getStatusTable(getResourceStatus(fixture()))).toEqual([
      { category: 'Storage', resourceName: 'bucket', operation: 'Create', providerPlugin: cfn },
      { category: 'Hosting', resourceName: 'site', operation: 'Create', providerPlugin: cfn },
      { category: 'Api', resourceName: 'gql', operation: 'Update', providerPlugin: cfn },
      { category: 'Storage', resourceName: 'old', operation: 'Delete', providerPlugin: cfn },
      { category: 'Auth', resourceName: 'userpool', operation: 'No Change', providerPlugin: cfn },
      { category: 'Function', resourceName: 'fn', operation: 'No Change', providerPlugin: cfn },
    ]);
  });

  it('filters by category, resource name and provider', () => {
    const root = fixture();
    expect(names(getResourceStatus(root, { category: 'storage' }).resourcesToBeCreated)).toEqual(['storage/bucket']);
    expect(names(getResourceStatus(root, { category: 'storage' }).resourcesToBeDeleted)).toEqual(['storage/old']);
    expect(names(getResourceStatus(root, { category: 'api', resourceName: 'gql' }).allResources)).toEqual(['api/gql']);
    expect(getResourceStatus(root, { providerName: 'other' }).allResources).toEqual([]);
    const only = getResourceStatus(root, { filteredResources: [{ category: 'auth', resourceName: 'userpool' }] });
    expect(names(only.allResources)).toEqual(['auth/userpool']);
    expect(hasChanges(only)).toBe(false);
  });

  it('brings unpushed dependencies into Create even when a filter hides them', () => {
    const deps = [{ category: 'auth', resourceName: 'pool', attributes: ['UserPoolId'] }];
    const root = createFixtureProject({
      meta: {
        providers,
        auth: { pool: { service: 'Cognito', providerPlugin: cfn } },
        api: { gql: { service: 'AppSync', providerPlugin: cfn, dependsOn: deps } },
      },
      currentMeta: { providers },
    });
    expect(names(getResourceStatus(root, { category: 'api' }).resourcesToBeCreated)).toEqual(['auth/pool', 'api/gql']);
  });

  it('treats a pushed resource with no local folder as unmodified and never reports providers', () => {
    const root = createFixtureProject({
      meta: { providers: { awscloudformation: { categories: {} } }, auth: { u: pushed('Cognito') } },
      currentMeta: { providers, auth: { u: pushed('Cognito') } },
      files: { '#current-cloud-backend/auth/u/template.json': '{}' },
    });
    const status = getResourceStatus(root);
    expect(getStatusTable(status)).toEqual([{ category: 'Auth', resourceName: 'u', operation: 'No Change', providerPlugin: cfn }]);
  });

  it('trusts the hash a push recorded, and falls back to hashing the deployed copy when it does not match', () => {
    const local = { 'backend/auth/u/template.json': '{"v":2}' };
    const recorded = hashDirectory(path.join(createFixtureProject({ files: local }), 'amplify', 'backend', 'auth', 'u'));
    const withRecordedHash = createFixtureProject({
      meta: { providers, auth: { u: pushed('Cognito') } },
      currentMeta: { providers, auth: { u: pushed('Cognito', { lastPushDirHash: recorded }) } },
      // The deployed copy is not even read when the recorded hash matches the local folder.
      files: { ...local, '#current-cloud-backend/auth/u/template.json': 'unrelated' },
    });
    expect(getResourceStatus(withRecordedHash).resourcesToBeUpdated).toEqual([]);

    const foreignHash = createFixtureProject({
      meta: { providers, auth: { u: pushed('Cognito') } },
      currentMeta: { providers, auth: { u: pushed('Cognito', { lastPushDirHash: 'made-by-another-tool' }) } },
      files: { ...local, '#current-cloud-backend/auth/u/template.json': '{"v":2}' },
    });
    expect(getResourceStatus(foreignHash).resourcesToBeUpdated).toEqual([]);
    fs.writeFileSync(path.join(foreignHash, 'amplify', 'backend', 'auth', 'u', 'template.json'), '{"v":3}');
    expect(names(getResourceStatus(foreignHash).resourcesToBeUpdated)).toEqual(['auth/u']);
  });

  it('reports changed stack tags against their deployed copy', () => {
    const tags = JSON.stringify([{ Key: 'user:Stack', Value: '{project-env}' }]);
    const same = createFixtureProject({ meta: { providers }, files: { 'backend/tags.json': tags, '#current-cloud-backend/tags.json': tags } });
    expect(getResourceStatus(same).tagsUpdated).toBe(false);
    const changed = createFixtureProject({
      meta: { providers },
      files: { 'backend/tags.json': tags, '#current-cloud-backend/tags.json': '[]' },
    });
    expect(getResourceStatus(changed).tagsUpdated).toBe(true);
    expect(hasChanges(getResourceStatus(changed))).toBe(true);
    expect(getResourceStatus(createFixtureProject({ meta: { providers } })).tagsUpdated).toBe(false);
  });

  it('uses backend-config when the cloud was never initialised, and fails without either file', () => {
    const root = createFixtureProject({ backendConfig: { auth: { u: { service: 'Cognito', providerPlugin: cfn } } } });
    expect(names(getResourceStatus(root).resourcesToBeCreated)).toEqual(['auth/u']);
    const empty = createFixtureProject({});
    expect(() => getResourceStatus(empty)).toThrow(AmplifyError);
  });
});
