import { AppSyncClient, GetGraphqlApiCommand, GetIntrospectionSchemaCommand, ListApiKeysCommand, ListGraphqlApisCommand, NotFoundException } from '@aws-sdk/client-appsync';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { startTestCloud, type TestCloud } from '../../__tests__/test-cloud';

let test: TestCloud;
let cfn: CloudFormationClient;
let appsync: AppSyncClient;
let apiId: string;
let apiKey: string;

const DEFINITION = 'type Note @aws_api_key @aws_iam { id: ID! body: String updatedAt: AWSDateTime }\ntype Query { note(id: ID!): Note @aws_api_key }';

beforeAll(async () => {
  test = await startTestCloud();
  cfn = new CloudFormationClient(test.config);
  appsync = new AppSyncClient(test.config);
  const apiRef = { 'Fn::GetAtt': ['Api', 'ApiId'] };
  const template = {
    Resources: {
      Api: {
        Type: 'AWS::AppSync::GraphQLApi',
        Properties: { Name: 'notes', AuthenticationType: 'API_KEY', AdditionalAuthenticationProviders: [{ AuthenticationType: 'AWS_IAM' }] },
      },
      Schema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: apiRef, Definition: DEFINITION } },
      Key: { Type: 'AWS::AppSync::ApiKey', Properties: { ApiId: apiRef, Expires: 1893456000 } },
    },
    Outputs: { ApiId: { Value: apiRef }, Key: { Value: { 'Fn::GetAtt': ['Key', 'ApiKey'] } } },
  };
  await cfn.send(new CreateStackCommand({ StackName: 'notes-api', TemplateBody: JSON.stringify(template) }));
  for (;;) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'notes-api' }))).Stacks![0];
    if (!stack.StackStatus!.endsWith('IN_PROGRESS')) {
      expect(stack.StackStatus).toBe('CREATE_COMPLETE');
      const outputs = Object.fromEntries((stack.Outputs ?? []).map((output) => [output.OutputKey!, output.OutputValue!]));
      apiId = outputs.ApiId;
      apiKey = outputs.Key;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

afterAll(async () => {
  appsync.destroy();
  cfn.destroy();
  await test.dispose();
});

describe('AppSync control plane', () => {
  it('describes a deployed API: auth modes, ARN and the URLs it is served at', async () => {
    const { graphqlApi } = await appsync.send(new GetGraphqlApiCommand({ apiId }));
    expect(graphqlApi).toMatchObject({
      apiId,
      name: 'notes',
      authenticationType: 'API_KEY',
      additionalAuthenticationProviders: [{ authenticationType: 'AWS_IAM' }],
      arn: `arn:aws:appsync:us-east-1:123456789012:apis/${apiId}`,
      uris: { GRAPHQL: `${test.cloud.endpoint}/appsync/${apiId}/graphql`, REALTIME: `${test.cloud.endpoint.replace('http', 'ws')}/appsync/${apiId}/graphql/realtime` },
      apiType: 'GRAPHQL',
    });
  });

  it('lists the deployed APIs and an API\'s keys', async () => {
    const { graphqlApis } = await appsync.send(new ListGraphqlApisCommand({}));
    expect(graphqlApis?.map((api) => api.apiId)).toEqual([apiId]);
    const { apiKeys } = await appsync.send(new ListApiKeysCommand({ apiId }));
    expect(apiKeys).toEqual([{ id: apiKey, expires: 1893456000, deletes: 1893456000 + 60 * 24 * 3600 }]);
  });

  it('answers the introspection schema as JSON, with AppSync scalars, and as SDL with or without directives', async () => {
    const asJson = await appsync.send(new GetIntrospectionSchemaCommand({ apiId, format: 'JSON' }));
    const introspection = JSON.parse(Buffer.from(asJson.schema!).toString('utf8')) as { data: { __schema: { types: { name: string; kind: string }[] } } };
    const types = introspection.data.__schema.types;
    expect(types).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Note', kind: 'OBJECT' }), expect.objectContaining({ name: 'AWSDateTime', kind: 'SCALAR' })]));

    const withDirectives = Buffer.from((await appsync.send(new GetIntrospectionSchemaCommand({ apiId, format: 'SDL' }))).schema!).toString('utf8');
    expect(withDirectives).toBe(DEFINITION);
    const plain = Buffer.from((await appsync.send(new GetIntrospectionSchemaCommand({ apiId, format: 'SDL', includeDirectives: false }))).schema!).toString('utf8');
    expect(plain).toContain('type Note {');
    expect(plain).not.toContain('@aws_');
    expect(plain).toContain('scalar AWSDateTime');
    expect(plain).not.toContain('scalar AWSJSON');
  });

  it('answers NotFoundException for an API that is not deployed', async () => {
    const error = await appsync.send(new GetGraphqlApiCommand({ apiId: 'nosuchapi123' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect((error as NotFoundException).message).toBe('GraphQL API nosuchapi123 not found.');
  });
});
