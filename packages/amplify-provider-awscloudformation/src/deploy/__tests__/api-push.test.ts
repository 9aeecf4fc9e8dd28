import * as fs from 'fs';
import * as path from 'path';
import { DescribeStackEventsCommand, DescribeStackResourcesCommand, DescribeStacksCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { validateTemplate } from 'amplify-cloudformation-spec';
import { writeProjectFile } from 'amplify-test-support';
import { useMockedAws } from '../../__tests__/helpers/mocked-aws';
import { ProjectFiles } from '../../project/project-files';
import { apiGatewayAuthStack, apiGatewayAuthStackParameters } from '../api-gateway-auth-stack';
import { apisWithExpiredKeys } from '../graphql-compile-step';
import { pushResources } from '../push-resources';
import { BUCKET, STACK_NAME, createFixtureProject } from './fixture-project';

type Json = Record<string, any>;

describe('APIGatewayAuthStack (reference §3.4)', () => {
  const stack = apiGatewayAuthStack([
    {
      apiName: 'shoprest',
      paths: {
        '/items': { permissions: { setting: 'protected', auth: ['create', 'read', 'update', 'delete'], guest: ['read'] } },
        '/book/{isbn}': { permissions: { setting: 'private', auth: ['update'] } },
        '/open': { permissions: { setting: 'open' } },
      },
    },
    { apiName: 'publicrest', paths: { '/x': { permissions: { setting: 'open' } } } },
  ]) as Json;

  test('passes the CloudFormation specification check', () => {
    expect(validateTemplate(stack)).toEqual([]);
  });

  test('parameters: the role names, env and each API with a restricted path', () => {
    expect(Object.keys(stack.Parameters)).toEqual(['authRoleName', 'unauthRoleName', 'env', 'shoprest']);
    expect(apiGatewayAuthStackParameters(stack as Parameters<typeof apiGatewayAuthStackParameters>[0], 'dev')).toEqual({
      authRoleName: { Ref: 'AuthRoleName' },
      unauthRoleName: { Ref: 'UnauthRoleName' },
      env: 'dev',
      shoprest: { 'Fn::GetAtt': ['apishoprest', 'Outputs.ApiId'] },
    });
  });

  test('execute-api:Invoke per path and method on the auth and unauth roles; CRUD becomes methods, all four *, path parameters *', () => {
    expect(Object.keys(stack.Resources)).toEqual(['PolicyAPIGWAuth1', 'PolicyAPIGWUnauth1']);
    const auth = stack.Resources.PolicyAPIGWAuth1.Properties;
    expect(auth.Roles).toEqual([{ Ref: 'authRoleName' }]);
    const suffixes = (policy: Json) => policy.PolicyDocument.Statement[0].Resource.map((r: Json) => r['Fn::Join'][1].at(-1));
    expect(suffixes(auth)).toEqual(['/*/items', '/*/items/*', '/PUT/book/*', '/PUT/book/*/*', '/PATCH/book/*', '/PATCH/book/*/*']);
    expect(suffixes(stack.Resources.PolicyAPIGWUnauth1.Properties)).toEqual(['/GET/items', '/GET/items/*']);
    expect(stack.Resources.PolicyAPIGWUnauth1.Properties.Roles).toEqual([{ Ref: 'unauthRoleName' }]);
  });

  test('no restricted path, no stack; many paths are split into policies under the size limit', () => {
    expect(apiGatewayAuthStack([{ apiName: 'a', paths: { '/x': { permissions: { setting: 'open' } } } }])).toBeUndefined();
    const paths = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`/path${i}`, { permissions: { setting: 'private', auth: ['read' as const] } }]));
    const big = apiGatewayAuthStack([{ apiName: 'bigrest', paths }]) as Json;
    expect(Object.keys(big.Resources).length).toBeGreaterThan(1);
    expect(Object.keys(big.Resources)[1]).toBe('PolicyAPIGWAuth2');
    expect(validateTemplate(big)).toEqual([]);
  });
});

const aws = useMockedAws();
const { cfnMock, s3Mock } = aws;
const ROOT_KEY = 'amplify-appsync-files/0123456789abcdef0123456789abcdef01234567';

const appSyncRoot = {
  Parameters: { env: { Type: 'String', Default: 'NONE' }, AppSyncApiName: { Type: 'String' }, S3DeploymentBucket: { Type: 'String' }, S3DeploymentRootKey: { Type: 'String' } },
  Resources: { GraphQLAPI: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: { Ref: 'AppSyncApiName' }, AuthenticationType: 'API_KEY' } } },
  Outputs: { GraphQLAPIIdOutput: { Value: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] } } },
};
const restRoot = {
  Parameters: { env: { Type: 'String' } },
  Resources: { shoprest: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'shoprest' } } },
  Outputs: { ApiId: { Value: { Ref: 'shoprest' } } },
};

describe('pushing APIs', () => {
  let projectRoot: string;
  beforeEach(() => {
    projectRoot = createFixtureProject();
    const meta = JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8'));
    meta.api = { shopapi: { service: 'AppSync', providerPlugin: 'awscloudformation' }, shoprest: { service: 'API Gateway', providerPlugin: 'awscloudformation' } };
    writeProjectFile(projectRoot, 'amplify/backend/amplify-meta.json', meta);
    const api = 'amplify/backend/api/shopapi';
    writeProjectFile(projectRoot, `${api}/build/cloudformation-template.json`, appSyncRoot);
    writeProjectFile(projectRoot, `${api}/build/parameters.json`, { AppSyncApiName: 'shopapi', S3DeploymentBucket: BUCKET, S3DeploymentRootKey: ROOT_KEY });
    writeProjectFile(projectRoot, `${api}/build/stacks/Todo.json`, { Resources: { TodoTable: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] } } } });
    writeProjectFile(projectRoot, `${api}/build/resolvers/Query.getTodo.req.vtl`, '## get');
    writeProjectFile(projectRoot, `${api}/build/schema.graphql`, 'type Todo { id: ID! }');
    writeProjectFile(projectRoot, 'amplify/backend/api/shoprest/build/shoprest-cloudformation-template.json', restRoot);
    writeProjectFile(projectRoot, 'amplify/backend/api/shoprest/build/parameters.json', {});
    writeProjectFile(projectRoot, 'amplify/backend/api/shoprest/cli-inputs.json', { version: 1, paths: { '/items': { name: '/items', lambdaFunction: 'fn', permissions: { setting: 'private', auth: ['read'] } } } });
    s3Mock.on(HeadObjectCommand).rejects(Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } }));
    s3Mock.on(PutObjectCommand).resolves({});
    cfnMock.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: STACK_NAME, CreationTime: new Date(), StackStatus: 'UPDATE_COMPLETE' }] });
    cfnMock.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    cfnMock.on(UpdateStackCommand).resolves({ StackId: STACK_NAME });
    cfnMock.on(DescribeStackResourcesCommand).resolves({ StackResources: [] });
  });
  afterEach(() => fs.rmSync(projectRoot, { recursive: true, force: true }));

  test('the GraphQL build goes whole under its root key, its stack takes the build parameters, restricted REST paths get the auth stack', async () => {
    const resources = [
      { category: 'api', resourceName: 'shopapi' },
      { category: 'api', resourceName: 'shoprest' },
    ];
    await pushResources({ projectRoot, envName: 'dev', resources, factory: aws.factory, onProgress: () => undefined });
    const keys = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key).sort();
    expect(keys).toEqual([
      `${ROOT_KEY}/cloudformation-template.json`,
      `${ROOT_KEY}/parameters.json`,
      `${ROOT_KEY}/resolvers/Query.getTodo.req.vtl`,
      `${ROOT_KEY}/schema.graphql`,
      `${ROOT_KEY}/stacks/Todo.json`,
      'amplify-cfn-templates/api/APIGatewayAuthStack.json',
      'amplify-cfn-templates/api/cloudformation-template.json',
      'amplify-cfn-templates/api/shoprest-cloudformation-template.json',
      'nested-cloudformation-stack.yml',
    ]);
    const root = JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/backend/awscloudformation/nested-cloudformation-stack.yml'), 'utf8'));
    expect(root.Resources.apishopapi.Properties.Parameters).toEqual({ AppSyncApiName: 'shopapi', S3DeploymentBucket: BUCKET, S3DeploymentRootKey: ROOT_KEY, env: 'dev' });
    expect(root.Resources.APIGatewayAuthStack.Properties).toEqual({
      TemplateURL: `https://s3.amazonaws.com/${BUCKET}/amplify-cfn-templates/api/APIGatewayAuthStack.json`,
      Parameters: { authRoleName: { Ref: 'AuthRoleName' }, unauthRoleName: { Ref: 'UnauthRoleName' }, env: 'dev', shoprest: { 'Fn::GetAtt': ['apishoprest', 'Outputs.ApiId'] } },
    });
  });

  test('the API outputs join the authConfig the category recorded in meta', async () => {
    const files = new ProjectFiles(projectRoot);
    const meta = files.readMeta();
    const authConfig = { defaultAuthentication: { authenticationType: 'API_KEY' }, additionalAuthenticationProviders: [] };
    (meta.api as Json).shopapi.output = { authConfig };
    files.writeMeta(meta);
    const nested = 'arn:aws:cloudformation:us-east-1:123456789012:stack/nested-api/1';
    cfnMock.on(DescribeStackResourcesCommand).resolves({
      StackResources: [{ LogicalResourceId: 'apishopapi', ResourceType: 'AWS::CloudFormation::Stack', PhysicalResourceId: nested, ResourceStatus: 'CREATE_COMPLETE', Timestamp: new Date() }],
    });
    cfnMock.on(DescribeStacksCommand, { StackName: nested }).resolves({
      Stacks: [{ StackName: 'nested-api', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [{ OutputKey: 'GraphQLAPIIdOutput', OutputValue: 'abc' }] }],
    });
    const result = await pushResources({ projectRoot, envName: 'dev', resources: [{ category: 'api', resourceName: 'shopapi' }], factory: aws.factory, onProgress: () => undefined });
    expect(result.outputs).toEqual({ api: { shopapi: { GraphQLAPIIdOutput: 'abc' } } });
    expect((files.readMeta().api as Json).shopapi.output).toEqual({ authConfig, GraphQLAPIIdOutput: 'abc' });
  });

  test('an uncompiled GraphQL API is refused before anything is uploaded', async () => {
    fs.rmSync(path.join(projectRoot, 'amplify/backend/api/shopapi/build/parameters.json'));
    const error = await pushResources({ projectRoot, envName: 'dev', resources: [{ category: 'api', resourceName: 'shopapi' }], factory: aws.factory, onProgress: () => undefined }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidTemplate' });
    expect((error as Error).message).toContain('amplify api gql-compile');
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  test('an invalid nested stack of the GraphQL build is refused, naming the file', async () => {
    writeProjectFile(projectRoot, 'amplify/backend/api/shopapi/build/stacks/Todo.json', { Resources: { TodoTable: { Type: 'AWS::DynamoDB::Tabel' } } });
    const error = await pushResources({ projectRoot, envName: 'dev', resources: [{ category: 'api', resourceName: 'shopapi' }], factory: aws.factory, onProgress: () => undefined }).catch((e: unknown) => e);
    expect((error as Error).message).toContain(path.join('amplify', 'backend', 'api', 'shopapi', 'build', 'stacks', 'Todo.json'));
  });

  test('a deployed API whose key has expired is found for renewal', () => {
    const files = new ProjectFiles(projectRoot);
    const meta = files.readMeta();
    (meta.api as Json).shopapi.providerMetadata = { logicalId: 'apishopapi' };
    const deployedTemplate = (expires: number) =>
      writeProjectFile(projectRoot, 'amplify/#current-cloud-backend/api/shopapi/build/cloudformation-template.json', { Resources: { Key: { Type: 'AWS::AppSync::ApiKey', Properties: { Expires: expires } } } });
    const now = new Date('2026-12-06T00:00:00Z');
    deployedTemplate(now.getTime() / 1000 + 3600);
    expect(apisWithExpiredKeys(files, meta, now)).toEqual([]);
    deployedTemplate(now.getTime() / 1000 - 1);
    expect(apisWithExpiredKeys(files, meta, now)).toEqual([{ category: 'api', resourceName: 'shopapi' }]);
  });
});
