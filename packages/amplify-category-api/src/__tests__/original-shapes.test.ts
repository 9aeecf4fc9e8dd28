import * as fs from 'fs';
import * as path from 'path';
import { createTempProject, readProjectFile } from 'amplify-test-support';
import type { AppSyncCliInputs } from '../service/api-types';
import { addGraphQLApi } from '../service/graphql-api';
import { saveRestResource } from '../service/rest-resource';
import { fakeDependencies } from './helpers/fake-transformer';

/** Files the original wrote (or its code writes); see fixtures/original-14.2.2/README.md. */
function original<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'original-14.2.2', name), 'utf8')) as T;
}

describe("API files in the original's shape", () => {
  let project: ReturnType<typeof createTempProject>;
  beforeEach(() => {
    project = createTempProject({ function: { itemsfn: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } } });
  });
  afterEach(() => project.remove());

  it('GraphQL: cli-inputs.json, parameters.json, transform.conf.json, CustomResources.json and the backend-config entry key by key', async () => {
    const inputs = original<AppSyncCliInputs>('graphql-cli-inputs.json');
    await addGraphQLApi(project.root, inputs.serviceConfiguration, 'type Todo @model { id: ID! }', { dependencies: fakeDependencies });
    const dir = 'amplify/backend/api/shopapi';
    expect(readProjectFile(project.root, `${dir}/cli-inputs.json`)).toEqual(inputs);
    expect(readProjectFile(project.root, `${dir}/parameters.json`)).toEqual(original('graphql-parameters.json'));
    expect(readProjectFile(project.root, `${dir}/transform.conf.json`)).toEqual(original('graphql-transform.conf.json'));
    // The same template; the original breaks one parameter description over two lines.
    const oneLine = (template: unknown): unknown => JSON.parse(JSON.stringify(template).replace(/\\n/g, ' '));
    expect(oneLine(readProjectFile(project.root, `${dir}/stacks/CustomResources.json`))).toEqual(oneLine(original('graphql-CustomResources.json')));
    const entry = readProjectFile<{ api: Record<string, Record<string, unknown>> }>(project.root, 'amplify/backend/backend-config.json').api.shopapi;
    const theirs = original<{ output: { authConfig: { additionalAuthenticationProviders: unknown[] } } }>('graphql-backend-config-entry.json');
    expect(entry).toEqual(theirs);
  });

  it('REST: cli-inputs.json, and parameters.json beside it, key by key', async () => {
    const inputs = original<{ paths: Record<string, { name: string; permissions: { setting: 'private'; auth: Array<'create' | 'read'> }; lambdaFunction: string }> }>('rest-cli-inputs.json');
    const { name: _name, ...items } = inputs.paths['/items'];
    await saveRestResource(project.root, 'shoprest', { '/items': items }, 'add');
    expect(readProjectFile(project.root, 'amplify/backend/api/shoprest/cli-inputs.json')).toEqual(inputs);
    expect(readProjectFile(project.root, 'amplify/backend/api/shoprest/parameters.json')).toEqual({});
  });
});
