import { createTempProject, readProjectFile, thrownAmplifyError, writeProjectFile } from 'amplify-test-support';
import { checkRestPaths, restPathProblem, saveRestResource } from '../service/rest-resource';

const functionMeta = { itemsfn: { service: 'Lambda', providerPlugin: 'awscloudformation', build: true } };

describe('REST API resources', () => {
  let project: ReturnType<typeof createTempProject>;
  beforeEach(() => {
    project = createTempProject({ function: functionMeta, auth: { shopauth: { service: 'Cognito', providerPlugin: 'awscloudformation' } } });
  });
  afterEach(() => project.remove());

  test('writes cli-inputs.json, parameters.json, the template, and meta with the function dependency (reference §3.2, §3.5)', async () => {
    await saveRestResource(project.root, 'shoprest', { '/items': { lambdaFunction: 'itemsfn', permissions: { setting: 'private', auth: ['read'] } } }, 'add');
    const dir = 'amplify/backend/api/shoprest';
    expect(readProjectFile(project.root, `${dir}/cli-inputs.json`)).toEqual({ version: 1, paths: { '/items': { name: '/items', lambdaFunction: 'itemsfn', permissions: { setting: 'private', auth: ['read'] } } } });
    expect(readProjectFile(project.root, `${dir}/parameters.json`)).toEqual({});
    expect(readProjectFile(project.root, `${dir}/build/shoprest-cloudformation-template.json`)).toMatchObject({ Outputs: { ApiName: { Value: 'shoprest' } } });
    const entry = { service: 'API Gateway', providerPlugin: 'awscloudformation', dependsOn: [{ category: 'function', resourceName: 'itemsfn', attributes: ['Name', 'Arn'] }] };
    expect(readProjectFile<{ api: object }>(project.root, 'amplify/backend/amplify-meta.json').api).toEqual({ shoprest: entry });
    expect(readProjectFile<{ api: object }>(project.root, 'amplify/backend/backend-config.json').api).toEqual({ shoprest: entry });
  });

  test('groups add the user pool and group role dependencies', async () => {
    writeProjectFile(project.root, 'amplify/backend/amplify-meta.json', {
      ...readProjectFile<Record<string, unknown>>(project.root, 'amplify/backend/amplify-meta.json'),
      auth: { shopauth: { service: 'Cognito', providerPlugin: 'awscloudformation' }, userPoolGroups: { service: 'Cognito-UserPool-Groups', providerPlugin: 'awscloudformation' } },
    });
    await saveRestResource(project.root, 'adminrest', { '/admin': { lambdaFunction: 'itemsfn', permissions: { setting: 'private', groups: { Admins: ['read'] } } } }, 'add');
    expect(readProjectFile<{ api: { adminrest: { dependsOn: unknown[] } } }>(project.root, 'amplify/backend/amplify-meta.json').api.adminrest.dependsOn).toEqual([
      { category: 'function', resourceName: 'itemsfn', attributes: ['Name', 'Arn'] },
      { category: 'auth', resourceName: 'shopauth', attributes: ['UserPoolId'] },
      { category: 'auth', resourceName: 'userPoolGroups', attributes: ['AdminsGroupRole'] },
    ]);
  });

  test('headless paths are checked beyond the schema: path form, function, required permissions, groups', () => {
    const check = (paths: Parameters<typeof checkRestPaths>[1]) => thrownAmplifyError(() => checkRestPaths(project.root, paths, 'serviceConfiguration.paths')).message;
    expect(check({ '/items/': { lambdaFunction: 'itemsfn', permissions: { setting: 'open' } } })).toBe('serviceConfiguration.paths["/items/"]: the path must not end with /');
    expect(check({ '/items': { lambdaFunction: 'nofn', permissions: { setting: 'open' } } })).toBe('serviceConfiguration.paths["/items"].lambdaFunction: no function named nofn in this project');
    expect(check({ '/items': { lambdaFunction: 'itemsfn', permissions: { setting: 'private' } } })).toBe('serviceConfiguration.paths["/items"].permissions.auth is required for a private path');
    expect(check({ '/items': { lambdaFunction: 'itemsfn', permissions: { setting: 'protected', auth: ['read'] } } })).toBe('serviceConfiguration.paths["/items"].permissions.guest is required for a protected path');
    expect(check({ '/items': { lambdaFunction: 'itemsfn', permissions: { setting: 'private', groups: { Admins: ['read'] } } } })).toBe('serviceConfiguration.paths["/items"].permissions.groups.Admins: no user pool group named Admins');
    expect(() => checkRestPaths(project.root, { '/book/{isbn}': { lambdaFunction: 'itemsfn', permissions: { setting: 'open' } } }, 'p')).not.toThrow();
  });

  test.each([
    ['/', undefined],
    ['/items', undefined],
    ['/book/{isbn}', undefined],
    ['/a/{proxy+}', undefined],
    ['items', 'must start with /'],
    ['/a//b', 'has an invalid part ""'],
  ])('path %s', (apiPath, problem) => {
    const found = restPathProblem(apiPath);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});
