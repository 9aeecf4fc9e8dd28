import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject } from 'amplify-test-support';
import { createPrompter } from '../prompts/prompter';
import { removeResource } from '../category/remove-resource';
import { updateamplifyMetaAfterPush, updateamplifyMetaAfterResourceDelete } from '../state/cloud-backend-copy';
import { saveEnvResourceParameters } from '../state/env-parameters';
import { updateamplifyMetaAfterResourceAdd } from '../state/meta-mutations';
import { getResourceStatus } from '../status/resource-status';
import { getStatusTable, hasChanges } from '../status/status-table';

/** The status rows as `Operation Category/resource`, for compact expectations. */
function rows(root: string): string[] {
  return getStatusTable(getResourceStatus(root)).map((r) => `${r.operation} ${r.category}/${r.resourceName}`);
}

describe('a resource through add, push, edit, remove and push again', () => {
  afterEach(cleanupTempDirs);

  it('shows Create, No Change, Update, Delete and finally nothing, as a push sequence would', async () => {
    const providers = { awscloudformation: { Region: 'us-east-1' } };
    const root = createFixtureProject({
      localEnvInfo: { envName: 'dev' },
      teamProviderInfo: { dev: { awscloudformation: providers.awscloudformation } },
      meta: { providers },
      currentMeta: { providers },
      backendConfig: {},
    });
    const write = (rel: string, content: string): void => {
      const file = path.join(root, 'amplify', 'backend', rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    };

    // A category plugin adds two resources, one depending on the other.
    write('auth/users/users-cloudformation-template.json', '{"Resources":{}}');
    updateamplifyMetaAfterResourceAdd(root, 'auth', 'users', { service: 'Cognito', providerPlugin: 'awscloudformation' });
    write('function/fn/src/index.js', 'exports.handler = async () => 1;');
    updateamplifyMetaAfterResourceAdd(root, 'function', 'fn', {
      service: 'Lambda',
      providerPlugin: 'awscloudformation',
      build: true,
      dependsOn: [{ category: 'auth', resourceName: 'users', attributes: ['UserPoolId'] }],
    });
    saveEnvResourceParameters(root, 'function', 'fn', { TABLE: 'dev-table' });
    expect(rows(root)).toEqual(['Create Auth/users', 'Create Function/fn']);

    // The provider deployed both; the core records the push.
    updateamplifyMetaAfterPush(root, [
      { category: 'auth', resourceName: 'users' },
      { category: 'function', resourceName: 'fn' },
    ]);
    expect(rows(root)).toEqual(['No Change Auth/users', 'No Change Function/fn']);
    expect(hasChanges(getResourceStatus(root))).toBe(false);

    // A rebuild writes dist/ (ignored); an edit of the source is an Update.
    write('function/fn/dist/latest-build.zip', 'zip');
    expect(rows(root)).toEqual(['No Change Auth/users', 'No Change Function/fn']);
    write('function/fn/src/index.js', 'exports.handler = async () => 2;');
    expect(rows(root)).toEqual(['Update Function/fn', 'No Change Auth/users']);

    updateamplifyMetaAfterPush(root, [{ category: 'function', resourceName: 'fn' }]);
    expect(rows(root)).toEqual(['No Change Auth/users', 'No Change Function/fn']);

    // Removing the function leaves it deployed until the next push deletes it.
    await removeResource(root, { category: 'function', resourceName: 'fn', yes: true, prompter: createPrompter({ yes: true }) });
    expect(rows(root)).toEqual(['Delete Function/fn', 'No Change Auth/users']);
    updateamplifyMetaAfterResourceDelete(root, 'function', 'fn');
    updateamplifyMetaAfterPush(root, []);
    expect(rows(root)).toEqual(['No Change Auth/users']);
    expect(fs.existsSync(path.join(root, 'amplify', '#current-cloud-backend', 'function'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'amplify', 'backend', 'function'))).toBe(false);
  });
});
