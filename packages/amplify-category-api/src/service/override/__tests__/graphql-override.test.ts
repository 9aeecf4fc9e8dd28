import * as fs from 'fs';
import * as path from 'path';
import { assertValidTemplate } from 'amplify-cloudformation-spec';
import { transform } from 'amplify-graphql-transformer';
import { createTempProject, readProjectFile, thrownAmplifyError } from 'amplify-test-support';
import type { AppSyncServiceConfiguration } from '../../api-types';
import { compileApi } from '../../compile';
import { addGraphQLApi, compileForPush } from '../../graphql-api';
import { graphqlOverrideResources } from '../graphql-override-resources';
import { scaffoldOverride } from '../scaffold';

const config: AppSyncServiceConfiguration = { apiName: 'shopapi', serviceName: 'AppSync', defaultAuthType: { mode: 'API_KEY', expirationTime: 7 } };
const schema = `
type Todo @model @auth(rules: [{ allow: public }]) { id: ID! name: String! posts: [Post] @hasMany }
type Post @model @auth(rules: [{ allow: public }]) { id: ID! title: String todoID: ID todo: Todo @belongsTo(fields: ["todoID"]) }
`;
const API = 'amplify/backend/api/shopapi';

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string }> };

describe('override.ts of a GraphQL API', () => {
  let project: ReturnType<typeof createTempProject>;
  const writeOverride = (body: string) => fs.writeFileSync(path.join(project.root, API, 'override.ts'), body);
  const buildFiles = () => fs.readdirSync(path.join(project.root, API, 'build'), { recursive: true, encoding: 'utf8' }).sort();

  beforeEach(async () => {
    project = createTempProject();
    await addGraphQLApi(project.root, config, schema, {});
  });
  afterEach(() => project.remove());

  test('edits the model table, a resolver, a pipeline function and the API; writes build/override.js; the templates stay valid', () => {
    scaffoldOverride(path.join(project.root, API), 'graphql');
    writeOverride(`
import { AmplifyApiGraphQlResourceStackTemplate, AmplifyProjectInfo } from '@aws-amplify/cli-extensibility-helper';

export function override(resources: AmplifyApiGraphQlResourceStackTemplate, info: AmplifyProjectInfo) {
  const todo = resources.models['Todo'];
  todo.modelDDBTable.billingMode = 'PROVISIONED';
  todo.modelDDBTable.provisionedThroughput = { readCapacityUnits: 5, writeCapacityUnits: 3 };
  todo.modelDDBTable.pointInTimeRecoverySpecification = { pointInTimeRecoveryEnabled: true };
  todo.modelDDBTable.cfnOptions.deletionPolicy = 'Retain';
  todo.resolvers['GetTodoResolver'].cachingConfig = { ttl: 60, cachingKeys: ['$context.arguments.id'] };
  todo.resolvers['TodopostsResolver'].addPropertyOverride('MaxBatchSize', 10);
  todo.appsyncFunctions['QueryGetTodoDataResolverFn'].description = 'reads one todo';
  resources.api.GraphQLAPI.xrayEnabled = true;
  resources.api.GraphQLAPI.tags = [{ key: 'project', value: \`\${info.projectName}-\${info.envName}\` }];
}
`);
    compileForPush(project.root, 'shopapi');
    const todo = readProjectFile<Template>(project.root, `${API}/build/stacks/Todo.json`);
    expect(todo.Resources.TodoTable.Properties).toMatchObject({
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 3 },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    expect(todo.Resources.TodoTable.DeletionPolicy).toBe('Retain');
    expect(todo.Resources.GetTodoResolver.Properties.CachingConfig).toEqual({ Ttl: 60, CachingKeys: ['$context.arguments.id'] });
    const getTodoFunction = Object.entries(todo.Resources).find(([id]) => id.startsWith('QueryGetTodoDataResolverFnQueryGetTodoDataResolverFn'));
    expect(getTodoFunction?.[1].Properties.Description).toBe('reads one todo');
    const connections = readProjectFile<Template>(project.root, `${API}/build/stacks/ConnectionStack.json`);
    expect(connections.Resources.TodopostsResolver.Properties.MaxBatchSize).toBe(10);
    const root = readProjectFile<Template>(project.root, `${API}/build/cloudformation-template.json`);
    expect(root.Resources.GraphQLAPI.Properties).toMatchObject({ XrayEnabled: true, Tags: [{ Key: 'project', Value: 'shop-dev' }] });
    expect(buildFiles()).toContain('override.js');
    expect(fs.readFileSync(path.join(project.root, API, 'build', 'override.js'), 'utf8')).toContain('exports.override = override');
    for (const template of [todo, connections, root]) expect(() => assertValidTemplate(template)).not.toThrow();
  });

  test('a property the specification does not know is left for the CloudFormation check of the push to refuse', () => {
    writeOverride(`export function override(resources) { resources.models['Todo'].modelDDBTable.billingModes = 'PROVISIONED'; }`);
    compileForPush(project.root, 'shopapi');
    const todo = readProjectFile<Template>(project.root, `${API}/build/stacks/Todo.json`);
    expect(todo.Resources.TodoTable.Properties.BillingModes).toBe('PROVISIONED');
    expect(() => assertValidTemplate(todo)).toThrow(/BillingModes/);
  });

  test('a runtime error is InvalidOverrideError "Executing overrides failed." and build/ is left as it was', () => {
    compileForPush(project.root, 'shopapi');
    const before = buildFiles();
    const rootBefore = fs.readFileSync(path.join(project.root, API, 'build', 'cloudformation-template.json'), 'utf8');
    writeOverride(`export function override(resources: any) { resources.models['Nope'].modelDDBTable.billingMode = 'PROVISIONED'; }`);
    const error = thrownAmplifyError(() => compileForPush(project.root, 'shopapi'));
    expect(error).toMatchObject({
      code: 'InvalidOverrideError',
      message: 'Executing overrides failed.',
      resolution: 'There may be runtime errors in your overrides file. If so, fix the errors and try again.',
    });
    expect((error.cause as Error).message).toContain("reading 'modelDDBTable'");
    expect(buildFiles()).toEqual(before);
    expect(fs.readFileSync(path.join(project.root, API, 'build', 'cloudformation-template.json'), 'utf8')).toBe(rootBefore);
  });

  test('an error thrown while the module loads is reported the same way', () => {
    writeOverride(`throw new Error('boom');\nexport function override() {}`);
    expect(thrownAmplifyError(() => compileApi({ projectRoot: project.root, apiName: 'shopapi' }))).toMatchObject({ code: 'InvalidOverrideError', message: 'Executing overrides failed.' });
  });

  test('a syntax error names the file, line and column', () => {
    writeOverride(`export function override(resources) {\n  resources.api.GraphQLAPI.xrayEnabled = ;\n}\n`);
    const error = thrownAmplifyError(() => compileApi({ projectRoot: project.root, apiName: 'shopapi' }));
    expect(error.code).toBe('InvalidOverrideError');
    expect(error.message).toBe(`${path.join(project.root, API, 'override.ts')}:2:42: Expression expected.`);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  test('a file without an override function, or with an async one, is refused with what to change', () => {
    writeOverride(`export const overrides = 1;`);
    expect(thrownAmplifyError(() => compileApi({ projectRoot: project.root, apiName: 'shopapi' })).message).toBe('override.ts does not export a function named "override"');
    writeOverride(`export async function override(resources) {}`);
    expect(thrownAmplifyError(() => compileApi({ projectRoot: project.root, apiName: 'shopapi' })).message).toBe('The override function returned a promise; overrides run synchronously');
  });

  test('an override that changes a table key is caught by the destructive-change guard of the next push', () => {
    compileForPush(project.root, 'shopapi');
    const deployed = path.join(project.root, 'amplify', '#current-cloud-backend', 'api', 'shopapi');
    fs.mkdirSync(deployed, { recursive: true });
    fs.cpSync(path.join(project.root, API, 'build'), path.join(deployed, 'build'), { recursive: true });
    writeOverride(`export function override(resources) {
  resources.models['Todo'].modelDDBTable.keySchema = [{ attributeName: 'name', keyType: 'HASH' }];
}`);
    expect(thrownAmplifyError(() => compileForPush(project.root, 'shopapi')).code).toBe('DestructiveSchemaChange');
  });
});

describe('the resource tree over a compiled API', () => {
  test('has the original shape: api resources, one entry per model with its relation resolvers, @function resources', () => {
    const output = transform({
      sources: [{ path: 'schema.graphql', text: `${schema}\ntype Query { echo(msg: String): String @function(name: "echofn-\${env}") }` }],
      authConfig: { defaultAuthentication: { authenticationType: 'API_KEY', apiKeyConfig: { apiKeyExpirationDays: 7 } }, additionalAuthenticationProviders: [] },
      featureFlags: {},
      transformConfig: { Version: 5, ResolverConfig: { project: { ConflictHandler: 'AUTOMERGE', ConflictDetection: 'VERSION' } } },
      parameters: {},
      userResolvers: {},
      userStacks: {},
      now: new Date(),
    });
    const tree = graphqlOverrideResources(output.rootStack, output.stacks);
    expect(Object.entries(tree.api).map(([key, construct]) => [key, construct?.cfnResourceType])).toEqual([
      ['GraphQLAPI', 'AWS::AppSync::GraphQLApi'],
      ['GraphQLAPIDefaultApiKey', 'AWS::AppSync::ApiKey'],
      ['GraphQLAPITransformerSchema', 'AWS::AppSync::GraphQLSchema'],
      ['GraphQLAPINONEDS', 'AWS::AppSync::DataSource'],
      ['AmplifyDataStore', 'AWS::DynamoDB::Table'],
      ['AmplifyDataStoreIAMRole', 'AWS::IAM::Role'],
      ['DynamoDBAccess', 'AWS::IAM::Policy'],
    ]);
    expect(Object.keys(tree.models)).toEqual(['Todo', 'Post']);
    const todo = tree.models.Todo;
    expect([todo.modelStack?.logicalId, todo.modelDDBTable?.logicalId, todo.modelDatasource?.logicalId]).toEqual(['Todo', 'TodoTable', 'TodoDataSource']);
    expect(todo.modelIamRole?.cfnResourceType).toBe('AWS::IAM::Role');
    expect(todo.modelIamRoleDefaultPolicy?.cfnResourceType).toBe('AWS::IAM::Policy');
    expect(Object.keys(todo.resolvers)).toEqual(expect.arrayContaining(['GetTodoResolver', 'ListTodoResolver', 'CreateTodoResolver', 'TodopostsResolver']));
    expect(Object.keys(tree.models.Post.resolvers)).toContain('PosttodoResolver');
    expect(Object.keys(todo.resolvers)).not.toContain('PosttodoResolver');
    const byLogicalId = Object.keys(todo.appsyncFunctions).find((id) => id.startsWith('MutationcreateTodoinit0Function'));
    expect(byLogicalId).toMatch(/^MutationcreateTodoinit0FunctionMutationcreateTodoinit0FunctionAppSyncFunction[0-9A-F]{8}$/);
    expect(todo.appsyncFunctions.MutationcreateTodoinit0Function?.logicalId).toBe(byLogicalId);
    expect(Object.keys(tree.function.lambdaDataSource)).toEqual(['EchofnLambdaDataSource']);
    expect(Object.values(tree.function.lambdaDataSourceRole).map((c) => c.cfnResourceType)).toEqual(['AWS::IAM::Role']);
    expect(Object.keys(tree.function.resolvers)).toEqual(['QueryechoResolver']);
    expect(tree.http.resolvers).toEqual({});
  });
});
