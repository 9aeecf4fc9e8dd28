import * as fs from 'fs';
import * as path from 'path';
import { AMPLIFY_BIN, AppSandbox, runInTerminal, snapshotDir } from 'amplify-test-support';

/**
 * The api category end to end on the built binary against a local cloud: init, auth, a GraphQL API added headless
 * (models, @hasMany/@belongsTo/@manyToMany, owner and public rules, a custom @primaryKey, an @index with
 * queryField), a REST API in front of a function, push, outputs in meta and aws-exports.js, status No Change, then a
 * broken schema that fails naming its type and changes nothing. Steps run in order.
 */
jest.setTimeout(300_000);

type Meta = Record<string, Record<string, { service?: string; output?: Record<string, unknown>; dependsOn?: unknown[] }>>;

const SCHEMA = `type Blog @model @auth(rules: [{ allow: public }, { allow: owner }]) {
  id: ID!
  name: String!
  posts: [Post] @hasMany
}

type Post @model @auth(rules: [{ allow: public, operations: [read] }, { allow: owner }]) {
  id: ID!
  title: String!
  blog: Blog @belongsTo
  tags: [Tag] @manyToMany(relationName: "PostTags")
}

type Tag @model @auth(rules: [{ allow: public }]) {
  id: ID!
  label: String!
  posts: [Post] @manyToMany(relationName: "PostTags")
}

type Product @model @auth(rules: [{ allow: public }]) {
  sku: String! @primaryKey
  name: String!
  category: String! @index(name: "byCategory", queryField: "productsByCategory")
}
`;

const graphQLRequest = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'AppSync',
    apiName: 'blogapi',
    transformSchema: SCHEMA,
    defaultAuthType: { mode: 'API_KEY', expirationTime: 30, keyDescription: 'e2e' },
    additionalAuthTypes: [{ mode: 'AMAZON_COGNITO_USER_POOLS' }],
  },
};

const restRequest = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'API Gateway',
    apiName: 'itemsrest',
    paths: {
      '/items': { lambdaFunction: 'itemsfn', permissions: { setting: 'private', auth: ['create', 'read', 'update', 'delete'] } },
      '/public': { lambdaFunction: 'itemsfn', permissions: { setting: 'open' } },
    },
  },
};

describe('api (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');
  const apiDir = (): string => path.join(sandbox.app, 'amplify', 'backend', 'api', 'blogapi');

  beforeAll(async () => {
    sandbox = await AppSandbox.start('blogapp');
    expect((await sandbox.init()).exitCode).toBe(0);
    const auth = await sandbox.run(['add', 'auth', '--yes']);
    expect(auth.exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('a bad headless payload names the field and writes nothing', async () => {
    const bad = { ...graphQLRequest, serviceConfiguration: { ...graphQLRequest.serviceConfiguration, defaultAuthType: { mode: 'API_KEY', expirationTime: 500 } } };
    const result = await sandbox.run(['add', 'api', '--headless'], JSON.stringify(bad));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('serviceConfiguration.defaultAuthType.expirationTime');
    expect(fs.existsSync(apiDir())).toBe(false);
  });

  test('add api --headless writes the resource, compiles it, and registers it with its auth dependency', async () => {
    const result = await sandbox.run(['add', 'api', '--headless'], JSON.stringify(graphQLRequest));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('GraphQL schema compiled successfully.');
    for (const file of ['cli-inputs.json', 'parameters.json', 'schema.graphql', 'transform.conf.json', 'resolvers/README.md', 'stacks/CustomResources.json', 'build/cloudformation-template.json', 'build/schema.graphql']) {
      expect(fs.existsSync(path.join(apiDir(), file))).toBe(true);
    }
    for (const model of ['Blog', 'Post', 'Tag', 'Product', 'PostTags']) expect(fs.existsSync(path.join(apiDir(), 'build', 'stacks', `${model}.json`))).toBe(true);
    const built = fs.readFileSync(path.join(apiDir(), 'build', 'schema.graphql'), 'utf8');
    expect(built).toContain('productsByCategory(');
    expect(built).toMatch(/getProduct\(sku: String!\)/);
    const entry = meta().api.blogapi;
    expect(entry.service).toBe('AppSync');
    expect(entry.dependsOn).toEqual([{ category: 'auth', resourceName: Object.keys(meta().auth).find((n) => meta().auth[n].service === 'Cognito'), attributes: ['UserPoolId'] }]);
    const again = await sandbox.run(['add', 'api', '--headless'], JSON.stringify({ ...graphQLRequest, serviceConfiguration: { ...graphQLRequest.serviceConfiguration, apiName: 'second' } }));
    expect(again.exitCode).not.toBe(0);
    expect(again.stderr).toContain('GraphQL API blogapi already exists in the project');
  });

  test('a REST API in front of a function, added headless', async () => {
    const fn = await sandbox.run(['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'itemsfn' }));
    expect(fn.exitCode).toBe(0);
    const result = await sandbox.run(['add', 'api', '--headless'], JSON.stringify(restRequest));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(fs.existsSync(path.join(sandbox.app, 'amplify/backend/api/itemsrest/build/itemsrest-cloudformation-template.json'))).toBe(true);
    expect(meta().api.itemsrest.dependsOn).toEqual([{ category: 'function', resourceName: 'itemsfn', attributes: ['Name', 'Arn'] }]);
  });

  test('push deploys both APIs; outputs land in meta and aws-exports.js', async () => {
    const result = await sandbox.run(['push', '--yes']);
    expect(result.exitCode).toBe(0);
    const graphql = meta().api.blogapi.output ?? {};
    expect(graphql.GraphQLAPIIdOutput).toEqual(expect.any(String));
    expect(graphql.GraphQLAPIEndpointOutput).toMatch(/^https?:\/\/.+\/graphql$/);
    expect(graphql.GraphQLAPIKeyOutput).toEqual(expect.any(String));
    const rest = meta().api.itemsrest.output ?? {};
    expect(rest).toMatchObject({ ApiName: 'itemsrest', ApiId: expect.any(String), RootUrl: expect.stringContaining('/dev') });
    const exportsObject = sandbox.awsExports();
    expect(exportsObject).toMatchObject({
      aws_appsync_graphqlEndpoint: graphql.GraphQLAPIEndpointOutput,
      aws_appsync_region: 'us-east-1',
      aws_appsync_authenticationType: 'API_KEY',
      aws_appsync_apiKey: graphql.GraphQLAPIKeyOutput,
      aws_cloud_logic_custom: [{ name: 'itemsrest', endpoint: rest.RootUrl, region: 'us-east-1' }],
    });
    const amplifyConfig = sandbox.amplifyJsConfig() as { API?: { GraphQL?: Record<string, unknown>; REST?: Record<string, unknown> } };
    expect(amplifyConfig.API?.GraphQL).toMatchObject({ endpoint: graphql.GraphQLAPIEndpointOutput, defaultAuthMode: 'apiKey', apiKey: graphql.GraphQLAPIKeyOutput });
    expect(amplifyConfig.API?.REST).toMatchObject({ itemsrest: { endpoint: rest.RootUrl } });
  });

  test('status: No Change for every resource, then the GraphQL endpoint and key', async () => {
    const result = await sandbox.run(['status']);
    expect(result.exitCode).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => /^\|\s*(Api|Auth|Function)/.test(line));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row).toMatch(/No Change/);
    expect(result.stdout).toContain(`GraphQL endpoint: ${String(meta().api.blogapi.output?.GraphQLAPIEndpointOutput)}`);
    expect(result.stdout).toContain(`GraphQL API KEY: ${String(meta().api.blogapi.output?.GraphQLAPIKeyOutput)}`);
  });

  test('api rebuild, confirmed by typing the name, recreates the tables and keeps the API', async () => {
    const apiId = meta().api.blogapi.output?.GraphQLAPIIdOutput;
    const unattended = await sandbox.run(['api', 'rebuild', '--yes']);
    expect(unattended.exitCode).not.toBe(0);
    const result = await runInTerminal(`${process.execPath} ${AMPLIFY_BIN} api rebuild`, [{ question: /Type the name of the API to confirm/, keys: 'blogapi\r' }], {
      cwd: sandbox.app,
      env: sandbox.env,
      timeoutMs: 120_000,
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/DELETE_COMPLETE\s+apiblogapi\/Blog\b/);
    expect(result.stdout).toContain('The tables of blogapi were recreated.');
    expect(meta().api.blogapi.output?.GraphQLAPIIdOutput).toBe(apiId);
    expect((await sandbox.run(['status'])).stdout).toMatch(/\|\s*Api\s*\|\s*blogapi\s*\|\s*No Change/);
  });

  test('a broken schema fails naming its type, exits non-zero, and changes nothing', async () => {
    const schemaFile = path.join(apiDir(), 'schema.graphql');
    const broken = SCHEMA.replace('sku: String! @primaryKey', 'sku: String! @primaryKey(sortKeyFields: ["nope"])');
    fs.writeFileSync(schemaFile, broken);
    const before = snapshotDir(path.join(sandbox.app, 'amplify', 'backend'));
    const result = await sandbox.run(['api', 'gql-compile']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('Product');
    expect(result.stderr).toContain('nope');
    expect(result.stderr.trim().split('\n')[0]).not.toBe('');
    expect(snapshotDir(path.join(sandbox.app, 'amplify', 'backend'))).toEqual(before);
    const push = await sandbox.run(['push', '--yes']);
    expect(push.exitCode).not.toBe(0);
    expect(snapshotDir(path.join(sandbox.app, 'amplify', 'backend'))).toEqual(before);
    fs.writeFileSync(schemaFile, SCHEMA);
  });
});
