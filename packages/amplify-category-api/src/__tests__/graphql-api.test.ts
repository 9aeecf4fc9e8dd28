import * as fs from 'fs';
import * as path from 'path';
import { createTempProject, readProjectFile, rejectedAmplifyError, thrownAmplifyError, writeProjectFile } from 'amplify-test-support';
import type { AppSyncServiceConfiguration } from '../service/api-types';
import { compileApi, deploymentRootKey, touchSchema, writeApiBuild } from '../service/compile';
import { addGraphQLApi, compileForPush, updateGraphQLApi } from '../service/graphql-api';
import { assertNoAppSyncApi } from '../service/graphql-resource';
import { schemaFromTemplate } from '../service/schema-templates';
import { fakeDependencies } from './helpers/fake-transformer';

const dependencies = fakeDependencies;
const apiKeyConfig: AppSyncServiceConfiguration = { apiName: 'shopapi', serviceName: 'AppSync', defaultAuthType: { mode: 'API_KEY', expirationTime: 7, keyDescription: 'demo' } };
const schema = 'type Todo @model {\n  id: ID!\n  name: String!\n}';
const API = 'amplify/backend/api/shopapi';

describe('adding a GraphQL API', () => {
  let project: ReturnType<typeof createTempProject>;
  beforeEach(() => {
    project = createTempProject();
  });
  afterEach(() => project.remove());

  test('writes the resource files of reference §2.4, meta and backend-config entries, a team-provider-info entry, and build/', async () => {
    const compiled = await addGraphQLApi(project.root, apiKeyConfig, schema, { dependencies });
    const root = project.root;
    expect(readProjectFile(root, `${API}/cli-inputs.json`)).toEqual({ version: 1, serviceConfiguration: { apiName: 'shopapi', serviceName: 'AppSync', defaultAuthType: { mode: 'API_KEY', expirationTime: 7, keyDescription: 'demo' } } });
    expect(readProjectFile(root, `${API}/parameters.json`)).toEqual({ AppSyncApiName: 'shopapi', DynamoDBBillingMode: 'PAY_PER_REQUEST', DynamoDBEnableServerSideEncryption: false });
    expect(fs.readFileSync(path.join(root, API, 'schema.graphql'), 'utf8')).toBe(schema);
    expect(fs.readFileSync(path.join(root, API, 'transform.conf.json'), 'utf8')).toBe('{\n    "Version": 5,\n    "ElasticsearchWarning": true\n}');
    expect(fs.readFileSync(path.join(root, API, 'resolvers', 'README.md'), 'utf8')).toContain('https://docs.amplify.aws/cli/graphql-transformer/resolvers');
    expect(readProjectFile(root, `${API}/stacks/CustomResources.json`)).toMatchObject({
      Parameters: { AppSyncApiId: {}, AppSyncApiName: { Default: 'AppSyncSimpleTransform' }, env: { Default: 'NONE' }, S3DeploymentBucket: {}, S3DeploymentRootKey: {} },
      Resources: { EmptyResource: { Type: 'Custom::EmptyResource', Condition: 'AlwaysFalse' } },
      Outputs: { EmptyOutput: { Value: '' } },
    });
    const entry = { service: 'AppSync', providerPlugin: 'awscloudformation', dependsOn: [], output: { authConfig: { defaultAuthentication: { authenticationType: 'API_KEY', apiKeyConfig: { apiKeyExpirationDays: 7, description: 'demo' } }, additionalAuthenticationProviders: [] } } };
    expect(readProjectFile<{ api: Record<string, unknown> }>(root, 'amplify/backend/amplify-meta.json').api.shopapi).toEqual(entry);
    expect(readProjectFile<{ api: Record<string, unknown> }>(root, 'amplify/backend/backend-config.json').api.shopapi).toEqual(entry);
    expect(readProjectFile<{ dev: { categories: Record<string, unknown> } }>(root, 'amplify/team-provider-info.json').dev.categories.api).toEqual({ shopapi: {} });
    expect(Object.keys(compiled.files).sort()).toEqual(['cloudformation-template.json', 'parameters.json', 'resolvers/Query.getTodo.req.vtl', 'schema.graphql', 'stacks/CustomResources.json', 'stacks/Todo.json']);
    const buildParameters = readProjectFile<Record<string, unknown>>(root, `${API}/build/parameters.json`);
    expect(buildParameters).toMatchObject({ AppSyncApiName: 'shopapi', S3DeploymentBucket: 'amplify-shop-dev-12345-deployment' });
    expect(buildParameters.S3DeploymentRootKey).toMatch(/^amplify-appsync-files\/[0-9a-f]{40}$/);
  });

  test('user pools: depends on the auth resource and passes its pool id; without auth, the caller adds it', async () => {
    const config: AppSyncServiceConfiguration = { ...apiKeyConfig, defaultAuthType: { mode: 'AMAZON_COGNITO_USER_POOLS' }, additionalAuthTypes: [{ mode: 'API_KEY', expirationTime: 30 }] };
    const error = await rejectedAmplifyError(addGraphQLApi(project.root, config, schema, { dependencies }));
    expect(error).toMatchObject({ code: 'AuthNotFound' });
    expect(error.message).toContain('AMAZON_COGNITO_USER_POOLS');
    expect(fs.existsSync(path.join(project.root, API))).toBe(false);

    const addAuth = jest.fn(async () => {
      writeProjectFile(project.root, 'amplify/backend/amplify-meta.json', { ...readProjectFile<Record<string, unknown>>(project.root, 'amplify/backend/amplify-meta.json'), auth: { shopauth: { service: 'Cognito', providerPlugin: 'awscloudformation' } } });
      return 'shopauth';
    });
    await addGraphQLApi(project.root, config, schema, { dependencies, addAuth });
    expect(addAuth).toHaveBeenCalledTimes(1);
    expect(readProjectFile(project.root, `${API}/parameters.json`)).toMatchObject({ AuthCognitoUserPoolId: { 'Fn::GetAtt': ['authshopauth', 'Outputs.UserPoolId'] } });
    const entry = readProjectFile<{ api: Record<string, { dependsOn: unknown; output: unknown }> }>(project.root, 'amplify/backend/amplify-meta.json').api.shopapi;
    expect(entry.dependsOn).toEqual([{ category: 'auth', resourceName: 'shopauth', attributes: ['UserPoolId'] }]);
    expect(entry.output).toEqual({
      authConfig: {
        defaultAuthentication: { authenticationType: 'AMAZON_COGNITO_USER_POOLS', userPoolConfig: {} },
        additionalAuthenticationProviders: [{ authenticationType: 'API_KEY', apiKeyConfig: { apiKeyExpirationDays: 30 } }],
      },
    });
  });

  test('one AppSync API per project, with the original messages (headless and interactive)', async () => {
    await addGraphQLApi(project.root, apiKeyConfig, schema, { dependencies });
    const headless = await rejectedAmplifyError(addGraphQLApi(project.root, { ...apiKeyConfig, apiName: 'other' }, schema, { dependencies }));
    expect(headless.message).toBe('GraphQL API shopapi already exists in the project');
    expect(headless.resolution).toBe('Use amplify update api to make modifications');
    const interactive = thrownAmplifyError(() => assertNoAppSyncApi(project.root, false));
    expect(interactive.message).toContain('You already have an AppSync API in your project.');
  });

  test('a refused schema is one line with its place, and nothing is written', async () => {
    const error = await rejectedAmplifyError(addGraphQLApi(project.root, apiKeyConfig, 'type Post @model {\n  id: ID!\n  title: String @broken\n}', { dependencies }));
    expect(error.code).toBe('GraphQLSchemaInvalid');
    expect(error.message).toBe(`Unknown directive "@broken" on field 'title'. (schema.graphql:3:17)`);
    expect(error.message).not.toContain('\n');
    expect(fs.existsSync(path.join(project.root, API))).toBe(false);
    expect(readProjectFile<Record<string, unknown>>(project.root, 'amplify/backend/amplify-meta.json').api).toBeUndefined();
  });

  test('the v2 template carries the sandbox header', () => {
    const text = schemaFromTemplate('single-object');
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# This "input" configures a global authorization rule to enable public access to',
      '# all models in this schema. Learn more about authorization rules here: https://docs.amplify.aws/cli/graphql/authorization-rules',
      'input AMPLIFY { globalAuthRule: AuthRule = { allow: public } } # FOR TESTING ONLY!',
    ]);
    expect(text).toContain('type Todo @model {');
  });
});

describe('compiling a GraphQL API', () => {
  let project: ReturnType<typeof createTempProject>;
  beforeEach(async () => {
    project = createTempProject();
    await addGraphQLApi(project.root, apiKeyConfig, schema, { dependencies });
  });
  afterEach(() => project.remove());

  const snapshot = (): string => JSON.stringify(
    (fs.readdirSync(path.join(project.root, API), { recursive: true }) as string[])
      .sort()
      .map((rel) => [rel, fs.statSync(path.join(project.root, API, rel)).isFile() ? fs.readFileSync(path.join(project.root, API, rel), 'utf8') : '']),
  );

  test('a schema error leaves build/ and every file as they were', () => {
    const before = snapshot();
    fs.appendFileSync(path.join(project.root, API, 'schema.graphql'), '\ntype Bad @model {\n  id: ID!\n  x: Int @broken\n}');
    const edited = snapshot();
    const error = thrownAmplifyError(() => compileApi({ projectRoot: project.root, apiName: 'shopapi', dependencies }));
    expect(error.message).toMatch(/^Unknown directive "@broken" on field 'x'\. \(schema\.graphql:7:10\)$/);
    expect(snapshot()).toBe(edited);
    expect(edited).not.toBe(before);
    expect(fs.existsSync(path.join(project.root, API, 'build', 'stacks', 'Todo.json'))).toBe(true);
  });

  test('reads schema/ when there is no schema.graphql, resolvers/ overrides (not README.md), stacks/, and cli.json flags case-insensitively', () => {
    const dir = path.join(project.root, API);
    fs.rmSync(path.join(dir, 'schema.graphql'));
    writeProjectFile(project.root, `${API}/schema/b/post.graphql`, 'type Post @model { id: ID! }');
    writeProjectFile(project.root, `${API}/schema/a.graphql`, 'type Blog @model { id: ID! }');
    writeProjectFile(project.root, `${API}/resolvers/Query.getPost.req.vtl`, '## mine');
    writeProjectFile(project.root, 'amplify/cli.json', { features: { GraphQLTransformer: { EnableAutoIndexQueryNames: false, secondarykeyasgsi: 'true', transformerversion: 2 } } });
    const seen: unknown[] = [];
    const compiled = compileApi({ projectRoot: project.root, apiName: 'shopapi', dependencies: { ...dependencies, transform: (input) => (seen.push(input), dependencies.transform(input)) } });
    expect(seen[0]).toMatchObject({
      sources: [{ path: 'schema/a.graphql' }, { path: 'schema/b/post.graphql' }],
      userResolvers: { 'Query.getPost.req.vtl': '## mine' },
      featureFlags: { enableautoindexquerynames: false, secondarykeyasgsi: true },
      transformConfig: { Version: 5, ElasticsearchWarning: true },
      parameters: { AppSyncApiName: 'shopapi' },
    });
    expect(Object.keys((seen[0] as { userStacks: object }).userStacks)).toEqual(['CustomResources.json']);
    expect(compiled.files['resolvers/Query.getPost.req.vtl']).toBe('## mine');
    expect(Object.keys(compiled.files)).not.toContain('resolvers/README.md');
  });

  test('no schema at all is an error naming schema.graphql', () => {
    fs.rmSync(path.join(project.root, API, 'schema.graphql'));
    expect(thrownAmplifyError(() => compileApi({ projectRoot: project.root, apiName: 'shopapi', dependencies }))).toMatchObject({ code: 'ApiCategorySchemaNotFoundError' });
  });

  test('the root key of the deployed copy is reused; the push form adds CreateAPIKey and keeps only declared parameters', () => {
    writeProjectFile(project.root, `amplify/#current-cloud-backend/api/shopapi/build/parameters.json`, { S3DeploymentRootKey: 'amplify-appsync-files/0123456789abcdef0123456789abcdef01234567' });
    expect(deploymentRootKey(project.root, 'shopapi')).toBe('amplify-appsync-files/0123456789abcdef0123456789abcdef01234567');
    const pushed = compileForPush(project.root, 'shopapi', { dependencies });
    expect(readProjectFile(project.root, `${API}/build/parameters.json`)).toEqual({
      AppSyncApiName: 'shopapi',
      DynamoDBBillingMode: 'PAY_PER_REQUEST',
      DynamoDBEnableServerSideEncryption: false,
      S3DeploymentBucket: 'amplify-shop-dev-12345-deployment',
      S3DeploymentRootKey: 'amplify-appsync-files/0123456789abcdef0123456789abcdef01234567',
    });
    expect(pushed.parameters).not.toHaveProperty('authRoleName');
  });

  test('the push form gives a user pool mode the pool of the project auth when parameters.json lacks it', async () => {
    writeProjectFile(project.root, 'amplify/backend/amplify-meta.json', { ...readProjectFile<Record<string, unknown>>(project.root, 'amplify/backend/amplify-meta.json'), auth: { shopauth: { service: 'Cognito', providerPlugin: 'awscloudformation' } } });
    await updateGraphQLApi(project.root, { ...apiKeyConfig, additionalAuthTypes: [{ mode: 'AMAZON_COGNITO_USER_POOLS' }] }, undefined, { dependencies });
    const parametersFile = path.join(project.root, API, 'parameters.json');
    const { AuthCognitoUserPoolId, ...rest } = readProjectFile<Record<string, unknown>>(project.root, `${API}/parameters.json`);
    expect(AuthCognitoUserPoolId).toEqual({ 'Fn::GetAtt': ['authshopauth', 'Outputs.UserPoolId'] });
    fs.writeFileSync(parametersFile, JSON.stringify(rest));
    expect(compileForPush(project.root, 'shopapi', { dependencies }).parameters.AuthCognitoUserPoolId).toEqual({ 'Fn::GetAtt': ['authshopauth', 'Outputs.UserPoolId'] });
  });

  test("the push form replaces the unnamed pool the original's headless update writes without cognitoUserPoolId", async () => {
    writeProjectFile(project.root, 'amplify/backend/amplify-meta.json', { ...readProjectFile<Record<string, unknown>>(project.root, 'amplify/backend/amplify-meta.json'), auth: { shopauth: { service: 'Cognito', providerPlugin: 'awscloudformation' } } });
    await updateGraphQLApi(project.root, { ...apiKeyConfig, additionalAuthTypes: [{ mode: 'AMAZON_COGNITO_USER_POOLS' }] }, undefined, { dependencies });
    const parameters = readProjectFile<Record<string, unknown>>(project.root, `${API}/parameters.json`);
    fs.writeFileSync(path.join(project.root, API, 'parameters.json'), JSON.stringify({ ...parameters, AuthCognitoUserPoolId: { 'Fn::GetAtt': [null, 'Outputs.UserPoolId'] } }));
    expect(compileForPush(project.root, 'shopapi', { dependencies }).parameters.AuthCognitoUserPoolId).toEqual({ 'Fn::GetAtt': ['authshopauth', 'Outputs.UserPoolId'] });
    fs.writeFileSync(path.join(project.root, API, 'parameters.json'), JSON.stringify({ ...parameters, AuthCognitoUserPoolId: 'us-east-1_given' }));
    expect(compileForPush(project.root, 'shopapi', { dependencies }).parameters.AuthCognitoUserPoolId).toBe('us-east-1_given');
  });

  test('the push form passes the identity role names when the API uses IAM', async () => {
    await updateGraphQLApi(project.root, { ...apiKeyConfig, additionalAuthTypes: [{ mode: 'AWS_IAM' }] }, undefined, { dependencies });
    const pushed = compileForPush(project.root, 'shopapi', { dependencies });
    expect(pushed.parameters).toMatchObject({ authRoleName: { Ref: 'AuthRoleName' }, unauthRoleName: { Ref: 'UnauthRoleName' } });
    expect(readProjectFile<Record<string, unknown>>(project.root, `${API}/parameters.json`).AuthModeLastUpdated).toEqual(expect.any(String));
  });

  test('a change the guard calls destructive is refused unless allowed; the message says how', () => {
    writeApiBuild(compileApi({ projectRoot: project.root, apiName: 'shopapi', dependencies }));
    fs.cpSync(path.join(project.root, API), path.join(project.root, 'amplify/#current-cloud-backend/api/shopapi'), { recursive: true });
    fs.writeFileSync(path.join(project.root, API, 'schema.graphql'), 'type Note @model { id: ID! }');
    const error = thrownAmplifyError(() => compileApi({ projectRoot: project.root, apiName: 'shopapi', dependencies }));
    expect(error).toMatchObject({ code: 'DestructiveSchemaChange', message: 'This update will remove table(s) [TodoTable]. ALL EXISTING DATA IN THESE TABLES WILL BE LOST!' });
    expect(error.resolution).toContain('--allow-destructive-graphql-schema-updates');
    expect(compileApi({ projectRoot: project.root, apiName: 'shopapi', dependencies, allowDestructive: true }).files).toHaveProperty(['stacks/Note.json']);
  });

  test('--force appends one space to the schema so the status sees a change', () => {
    touchSchema(project.root, 'shopapi');
    expect(fs.readFileSync(path.join(project.root, API, 'schema.graphql'), 'utf8')).toBe(`${schema} `);
  });
});
