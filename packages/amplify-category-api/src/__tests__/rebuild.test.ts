import type { CompiledApi } from '../service/compile';
import { withoutTables } from '../service/rebuild';

const url = (name: string) => ({ 'Fn::Join': ['', ['https://s3.', { Ref: 'AWS::Region' }, '/', { Ref: 'S3DeploymentBucket' }, '/', { Ref: 'S3DeploymentRootKey' }, `/stacks/${name}.json`]] });
const stack = (name: string, extra: Record<string, unknown> = {}) => ({ Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: url(name), ...extra } });
const table = { Type: 'AWS::DynamoDB::Table', Properties: {} };

function compiled(): CompiledApi {
  const rootStack = {
    Parameters: { env: { Type: 'String' } },
    Resources: {
      GraphQLAPI: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'x', AuthenticationType: 'API_KEY' } },
      GraphQLAPITransformerSchema3CB2AE18: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] } } },
      GraphQLAPIDefaultApiKey215A6DD7: { Type: 'AWS::AppSync::ApiKey', Properties: { ApiId: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] } } },
      Todo: { ...stack('Todo', { Parameters: { ApiId: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] } } }), DependsOn: ['GraphQLAPITransformerSchema3CB2AE18'] },
      ConnectionStack: stack('ConnectionStack', { Parameters: { TodoTable: { 'Fn::GetAtt': ['Todo', 'Outputs.TableName'] } } }),
      DataStore: table,
      SyncPolicy: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { 'Fn::Sub': 'arn:aws:dynamodb:${AWS::Region}:table/${DataStore}' } } },
      CustomResourcesjson: { ...stack('CustomResources'), DependsOn: ['GraphQLAPI', 'Todo', 'ConnectionStack'] },
    },
    Outputs: {
      GraphQLAPIIdOutput: { Value: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] } },
      TodoTableName: { Value: { 'Fn::GetAtt': ['Todo', 'Outputs.TableName'] } },
    },
  };
  return {
    apiName: 'shopapi',
    buildDir: '/nowhere/build',
    rootStack,
    parameters: {},
    warnings: [],
    files: {
      'cloudformation-template.json': JSON.stringify(rootStack),
      'stacks/Todo.json': JSON.stringify({ Resources: { TodoTable: table } }),
      'stacks/ConnectionStack.json': JSON.stringify({ Resources: { Resolver: { Type: 'AWS::AppSync::Resolver' } } }),
      'stacks/CustomResources.json': JSON.stringify({ Resources: {} }),
      'resolvers/Query.getTodo.req.vtl': '## get',
      'schema.graphql': 'type Todo { id: ID! }',
    },
  };
}

describe('the first step of amplify api rebuild', () => {
  const stripped = withoutTables(compiled());

  test('drops the stacks with tables, the root tables, and everything that refers to them, keeping the API, schema and key', () => {
    expect(Object.keys(stripped.rootStack.Resources as object).sort()).toEqual(['GraphQLAPI', 'GraphQLAPIDefaultApiKey215A6DD7', 'GraphQLAPITransformerSchema3CB2AE18']);
    expect(Object.keys(stripped.rootStack.Outputs as object)).toEqual(['GraphQLAPIIdOutput']);
  });

  test('the build files follow: the removed stacks are not uploaded, the root template is rewritten', () => {
    expect(Object.keys(stripped.files).sort()).toEqual(['cloudformation-template.json', 'resolvers/Query.getTodo.req.vtl', 'schema.graphql']);
    expect(JSON.parse(stripped.files['cloudformation-template.json'])).toEqual(stripped.rootStack);
  });

  test('the input is left as it was', () => {
    const original = compiled();
    withoutTables(original);
    expect(Object.keys(original.rootStack.Resources as object)).toHaveLength(8);
  });
});
