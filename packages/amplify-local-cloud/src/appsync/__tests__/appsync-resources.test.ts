import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStackEventsCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { startTestCloud, type TestCloud } from '../../__tests__/test-cloud';

let test: TestCloud;
let cfn: CloudFormationClient;

beforeAll(async () => {
  test = await startTestCloud();
  cfn = new CloudFormationClient(test.config);
});

afterAll(async () => {
  cfn.destroy();
  await test.dispose();
});

async function settle(stackName: string): Promise<{ status: string; outputs: Record<string, string>; reasons: string[] }> {
  for (;;) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks![0];
    if (!stack.StackStatus!.endsWith('IN_PROGRESS')) {
      const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: stackName }))).StackEvents ?? [];
      return {
        status: stack.StackStatus!,
        outputs: Object.fromEntries((stack.Outputs ?? []).map((output) => [output.OutputKey!, output.OutputValue!])),
        reasons: events.map((event) => event.ResourceStatusReason ?? '').filter((reason) => reason !== ''),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function api(resources: Record<string, unknown>): string {
  return JSON.stringify({
    Resources: { Api: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'api', AuthenticationType: 'API_KEY' } }, ...resources },
    Outputs: { Url: { Value: { 'Fn::GetAtt': ['Api', 'GraphQLUrl'] } } },
  });
}

it('fails the stack with AppSync\'s reason when the schema does not build', async () => {
  const template = api({ Schema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Definition: 'type Query { broken: NoSuchType }' } } });
  await cfn.send(new CreateStackCommand({ StackName: 'bad-schema', TemplateBody: template }));
  const result = await settle('bad-schema');
  expect(result.status).toBe('ROLLBACK_COMPLETE');
  expect(result.reasons.join('\n')).toContain('Schema Creation Status is FAILED with details: Unknown type "NoSuchType".');
});

it('fails the stack when a template\'s S3 location does not exist', async () => {
  const template = api({
    Schema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Definition: 'type Query { a: String }' } },
    None: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Name: 'NONE_DS', Type: 'NONE' } },
    Resolver: {
      Type: 'AWS::AppSync::Resolver',
      DependsOn: ['Schema'],
      Properties: {
        ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] },
        TypeName: 'Query',
        FieldName: 'a',
        DataSourceName: { 'Fn::GetAtt': ['None', 'Name'] },
        RequestMappingTemplateS3Location: 's3://no-such-bucket/resolvers/Query.a.req.vtl',
        ResponseMappingTemplate: '$util.toJson($ctx.result)',
      },
    },
  });
  await cfn.send(new CreateStackCommand({ StackName: 'missing-template', TemplateBody: template }));
  const result = await settle('missing-template');
  expect(result.status).toBe('ROLLBACK_COMPLETE');
  expect(result.reasons.join('\n')).toContain("The RequestMappingTemplateS3Location 's3://no-such-bucket/resolvers/Query.a.req.vtl' does not exist in the local S3 store");
});

it('serves an API until its stack is deleted', async () => {
  const template = api({
    Schema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Definition: 'type Query { a: String }' } },
    Key: { Type: 'AWS::AppSync::ApiKey', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] } } },
    None: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Name: 'NONE_DS', Type: 'NONE' } },
    Resolver: {
      Type: 'AWS::AppSync::Resolver',
      DependsOn: ['Schema'],
      Properties: {
        ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] },
        TypeName: 'Query',
        FieldName: 'a',
        DataSourceName: { 'Fn::GetAtt': ['None', 'Name'] },
        RequestMappingTemplate: '{"version": "2018-05-29", "payload": "answer"}',
        ResponseMappingTemplate: '$util.toJson($ctx.result)',
      },
    },
  });
  const withKey = JSON.parse(template);
  withKey.Outputs.Key = { Value: { 'Fn::GetAtt': ['Key', 'ApiKey'] } };
  await cfn.send(new CreateStackCommand({ StackName: 'short-lived', TemplateBody: JSON.stringify(withKey) }));
  const { status, outputs } = await settle('short-lived');
  expect(status).toBe('CREATE_COMPLETE');
  const ask = () => fetch(outputs.Url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': outputs.Key }, body: '{"query": "{ a }"}' });
  expect(await (await ask()).json()).toEqual({ data: { a: 'answer' } });
  await cfn.send(new DeleteStackCommand({ StackName: 'short-lived' }));
  await settle('short-lived').catch(() => undefined);
  const gone = await ask();
  expect(gone.status).toBe(404);
  expect(((await gone.json()) as { errors: { errorType: string }[] }).errors[0].errorType).toBe('NotFoundException');
});
