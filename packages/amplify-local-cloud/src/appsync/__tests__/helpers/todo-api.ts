import * as fs from 'fs';
import * as path from 'path';
import { CreateStackCommand, DescribeStacksCommand, UpdateStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'todo-api');
export const DEPLOYMENT_BUCKET = 'amplify-app-dev-deployment';
const ROOT_KEY = 'amplify-appsync-files/8f2c';
export const AUTH_ROLE_NAME = 'amplify-app-dev-authRole';
export const IDENTITY_POOL_ID = 'us-east-1:3f1b2a6c-0d4e-4a8b-9c7d-5e6f7a8b9c0d';

const apiId = { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] };
const s3 = (file: string) => ({ 'Fn::Sub': `s3://\${S3DeploymentBucket}/\${S3DeploymentRootKey}/resolvers/${file}` });

/** The pipeline function resource as the transformer writes it: request (and response) template files in S3. */
function fn(name: string, dataSource: string, request: string, response?: string): Record<string, unknown> {
  return {
    Type: 'AWS::AppSync::FunctionConfiguration',
    Properties: {
      ApiId: apiId,
      Name: name,
      DataSourceName: { 'Fn::GetAtt': [dataSource, 'Name'] },
      FunctionVersion: '2018-05-29',
      RequestMappingTemplateS3Location: s3(request),
      ...(response === undefined ? { ResponseMappingTemplate: '$util.toJson({})' } : { ResponseMappingTemplateS3Location: s3(response) }),
    },
  };
}

/** The resolver's inline request template: the stash every generated resolver starts with. */
function stash(typeName: string, fieldName: string, dataSourceType: string): unknown {
  return {
    'Fn::Join': [
      '',
      [
        `$util.qr($ctx.stash.put("typeName", "${typeName}"))\n`,
        `$util.qr($ctx.stash.put("fieldName", "${fieldName}"))\n`,
        '$util.qr($ctx.stash.put("conditions", []))\n',
        '$util.qr($ctx.stash.put("metadata", {}))\n',
        `$util.qr($ctx.stash.metadata.put("dataSourceType", "${dataSourceType}"))\n`,
        '$util.qr($ctx.stash.metadata.put("apiId", "',
        apiId,
        '"))\n$util.qr($ctx.stash.put("connectionAttributes", {}))\n$util.qr($ctx.stash.put("tableName", "',
        { Ref: 'TodoTable' },
        '"))\n$util.qr($ctx.stash.put("authRole", "arn:aws:sts::',
        { Ref: 'AWS::AccountId' },
        ':assumed-role/',
        { Ref: 'authRoleName' },
        '/CognitoIdentityCredentials"))\n$util.qr($ctx.stash.put("unauthRole", "arn:aws:sts::',
        { Ref: 'AWS::AccountId' },
        ':assumed-role/',
        { Ref: 'unauthRoleName' },
        `/CognitoIdentityCredentials"))\n$util.qr($ctx.stash.put("identityPoolId", "${IDENTITY_POOL_ID}"))\n`,
        '$util.qr($ctx.stash.put("adminRoles", []))\n$util.toJson({})',
      ],
    ],
  };
}

function resolver(typeName: string, fieldName: string, functions: string[], dataSourceType = 'AMAZON_DYNAMODB'): Record<string, unknown> {
  return {
    Type: 'AWS::AppSync::Resolver',
    Properties: {
      ApiId: apiId,
      TypeName: typeName,
      FieldName: fieldName,
      Kind: 'PIPELINE',
      PipelineConfig: { Functions: functions.map((name) => ({ 'Fn::GetAtt': [name, 'FunctionId'] })) },
      RequestMappingTemplate: stash(typeName, fieldName, dataSourceType),
      ResponseMappingTemplate: '$util.toJson($ctx.prev.result)',
    },
    DependsOn: ['GraphQLSchema'],
  };
}

/** A `Todo @model @auth(rules: [{allow: public}, {allow: owner}, {allow: private, provider: iam}])` API, as the transformer deploys it. */
export function todoApiTemplate(): Record<string, unknown> {
  const postAuth = 'QuerygetTodopostAuth0Function';
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: {
      env: { Type: 'String', Default: 'dev' },
      AppSyncApiName: { Type: 'String', Default: 'todoapp' },
      S3DeploymentBucket: { Type: 'String' },
      S3DeploymentRootKey: { Type: 'String' },
      AuthCognitoUserPoolId: { Type: 'String' },
      authRoleName: { Type: 'String' },
      unauthRoleName: { Type: 'String' },
      ApiKeyExpires: { Type: 'Number' },
    },
    Resources: {
      GraphQLAPI: {
        Type: 'AWS::AppSync::GraphQLApi',
        Properties: {
          Name: { 'Fn::Join': ['', [{ Ref: 'AppSyncApiName' }, '-', { Ref: 'env' }]] },
          AuthenticationType: 'API_KEY',
          AdditionalAuthenticationProviders: [
            { AuthenticationType: 'AMAZON_COGNITO_USER_POOLS', UserPoolConfig: { AwsRegion: { Ref: 'AWS::Region' }, UserPoolId: { Ref: 'AuthCognitoUserPoolId' } } },
            { AuthenticationType: 'AWS_IAM' },
          ],
        },
      },
      GraphQLSchema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: apiId, DefinitionS3Location: { 'Fn::Sub': 's3://${S3DeploymentBucket}/${S3DeploymentRootKey}/schema.graphql' } } },
      GraphQLAPIDefaultApiKey: { Type: 'AWS::AppSync::ApiKey', Properties: { ApiId: apiId, Expires: { Ref: 'ApiKeyExpires' } } },
      NoneDataSource: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: apiId, Name: 'NONE_DS', Type: 'NONE', Description: 'None Data Source for Pipeline functions' } },
      TodoTable: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          TableName: { 'Fn::Join': ['', ['Todo-', apiId, '-', { Ref: 'env' }]] },
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        },
      },
      TodoDataSource: {
        Type: 'AWS::AppSync::DataSource',
        Properties: { ApiId: apiId, Name: 'TodoTable', Type: 'AMAZON_DYNAMODB', DynamoDBConfig: { AwsRegion: { Ref: 'AWS::Region' }, TableName: { Ref: 'TodoTable' } } },
      },
      QuerygetTodoauth0Function: fn('QuerygetTodoauth0Function', 'NoneDataSource', 'Query.getTodo.auth.1.req.vtl'),
      [postAuth]: fn(postAuth, 'NoneDataSource', 'Query.getTodo.postAuth.1.req.vtl'),
      QueryGetTodoDataResolverFn: fn('QueryGetTodoDataResolverFn', 'TodoDataSource', 'Query.getTodo.req.vtl', 'Query.getTodo.res.vtl'),
      QuerylistTodosauth0Function: fn('QuerylistTodosauth0Function', 'NoneDataSource', 'Query.listTodos.auth.1.req.vtl'),
      QueryListTodosDataResolverFn: fn('QueryListTodosDataResolverFn', 'TodoDataSource', 'Query.listTodos.req.vtl', 'Query.listTodos.res.vtl'),
      MutationcreateTodoinit0Function: fn('MutationcreateTodoinit0Function', 'NoneDataSource', 'Mutation.createTodo.init.1.req.vtl'),
      MutationcreateTodoauth0Function: fn('MutationcreateTodoauth0Function', 'NoneDataSource', 'Mutation.createTodo.auth.1.req.vtl'),
      MutationCreateTodoDataResolverFn: fn('MutationCreateTodoDataResolverFn', 'TodoDataSource', 'Mutation.createTodo.req.vtl', 'Mutation.createTodo.res.vtl'),
      MutationupdateTodoinit0Function: fn('MutationupdateTodoinit0Function', 'NoneDataSource', 'Mutation.updateTodo.init.1.req.vtl'),
      MutationupdateTodoauth0Function: fn('MutationupdateTodoauth0Function', 'TodoDataSource', 'Mutation.updateTodo.auth.1.req.vtl', 'Mutation.updateTodo.auth.1.res.vtl'),
      MutationUpdateTodoDataResolverFn: fn('MutationUpdateTodoDataResolverFn', 'TodoDataSource', 'Mutation.updateTodo.req.vtl', 'Mutation.updateTodo.res.vtl'),
      MutationdeleteTodoauth0Function: fn('MutationdeleteTodoauth0Function', 'TodoDataSource', 'Mutation.deleteTodo.auth.1.req.vtl', 'Mutation.deleteTodo.auth.1.res.vtl'),
      MutationDeleteTodoDataResolverFn: fn('MutationDeleteTodoDataResolverFn', 'TodoDataSource', 'Mutation.deleteTodo.req.vtl', 'Mutation.deleteTodo.res.vtl'),
      SubscriptiononCreateTodoauth0Function: fn('SubscriptiononCreateTodoauth0Function', 'NoneDataSource', 'Subscription.onCreateTodo.auth.1.req.vtl'),
      SubscriptionOnCreateTodoDataResolverFn: fn('SubscriptionOnCreateTodoDataResolverFn', 'NoneDataSource', 'Subscription.onCreateTodo.req.vtl', 'Subscription.onCreateTodo.res.vtl'),
      GetTodoResolver: resolver('Query', 'getTodo', ['QuerygetTodoauth0Function', postAuth, 'QueryGetTodoDataResolverFn']),
      ListTodoResolver: resolver('Query', 'listTodos', ['QuerylistTodosauth0Function', postAuth, 'QueryListTodosDataResolverFn']),
      CreateTodoResolver: resolver('Mutation', 'createTodo', ['MutationcreateTodoinit0Function', 'MutationcreateTodoauth0Function', postAuth, 'MutationCreateTodoDataResolverFn']),
      UpdateTodoResolver: resolver('Mutation', 'updateTodo', ['MutationupdateTodoinit0Function', 'MutationupdateTodoauth0Function', postAuth, 'MutationUpdateTodoDataResolverFn']),
      DeleteTodoResolver: resolver('Mutation', 'deleteTodo', ['MutationdeleteTodoauth0Function', postAuth, 'MutationDeleteTodoDataResolverFn']),
      ...Object.fromEntries(
        ['onCreateTodo', 'onUpdateTodo', 'onDeleteTodo'].map((field) => [
          `Subscription${field}Resolver`,
          resolver('Subscription', field, ['SubscriptiononCreateTodoauth0Function', postAuth, 'SubscriptionOnCreateTodoDataResolverFn'], 'NONE'),
        ]),
      ),
    },
    Outputs: {
      GraphQLAPIIdOutput: { Value: apiId },
      GraphQLAPIEndpointOutput: { Value: { 'Fn::GetAtt': ['GraphQLAPI', 'GraphQLUrl'] } },
      GraphQLAPIRealtimeOutput: { Value: { 'Fn::GetAtt': ['GraphQLAPI', 'RealtimeUrl'] } },
      GraphQLAPIKeyOutput: { Value: { 'Fn::GetAtt': ['GraphQLAPIDefaultApiKey', 'ApiKey'] } },
      TodoTableName: { Value: { Ref: 'TodoTable' } },
    },
  };
}

export interface DeployedTodoApi {
  apiId: string;
  graphqlUrl: string;
  realtimeUrl: string;
  apiKey: string;
  tableName: string;
}

/** Uploads the schema and templates as push does, then creates (or updates) the stack and answers its outputs. */
export async function deployTodoApi(
  clients: { cfn: CloudFormationClient; s3: S3Client },
  options: { stackName: string; userPoolId: string; apiKeyExpires: number; update?: boolean },
): Promise<DeployedTodoApi> {
  await clients.s3.send(new CreateBucketCommand({ Bucket: DEPLOYMENT_BUCKET })).catch((error: { name?: string }) => {
    if (error.name !== 'BucketAlreadyOwnedByYou') throw error;
  });
  const upload = (key: string, body: Buffer) => clients.s3.send(new PutObjectCommand({ Bucket: DEPLOYMENT_BUCKET, Key: `${ROOT_KEY}/${key}`, Body: body }));
  await upload('schema.graphql', fs.readFileSync(path.join(FIXTURE, 'schema.graphql')));
  for (const file of fs.readdirSync(path.join(FIXTURE, 'resolvers'))) await upload(`resolvers/${file}`, fs.readFileSync(path.join(FIXTURE, 'resolvers', file)));
  const input = {
    StackName: options.stackName,
    TemplateBody: JSON.stringify(todoApiTemplate()),
    Parameters: [
      { ParameterKey: 'S3DeploymentBucket', ParameterValue: DEPLOYMENT_BUCKET },
      { ParameterKey: 'S3DeploymentRootKey', ParameterValue: ROOT_KEY },
      { ParameterKey: 'AuthCognitoUserPoolId', ParameterValue: options.userPoolId },
      { ParameterKey: 'authRoleName', ParameterValue: AUTH_ROLE_NAME },
      { ParameterKey: 'unauthRoleName', ParameterValue: 'amplify-app-dev-unauthRole' },
      { ParameterKey: 'ApiKeyExpires', ParameterValue: String(options.apiKeyExpires) },
    ],
  };
  await clients.cfn.send(options.update === true ? new UpdateStackCommand(input) : new CreateStackCommand(input));
  for (;;) {
    const { Stacks } = await clients.cfn.send(new DescribeStacksCommand({ StackName: options.stackName }));
    const stack = Stacks![0];
    if (!stack.StackStatus!.endsWith('_IN_PROGRESS')) {
      if (!['CREATE_COMPLETE', 'UPDATE_COMPLETE'].includes(stack.StackStatus!)) throw new Error(`The stack ended ${stack.StackStatus}: ${stack.StackStatusReason ?? ''}`);
      const outputs = Object.fromEntries(stack.Outputs!.map((output) => [output.OutputKey!, output.OutputValue!]));
      return {
        apiId: outputs.GraphQLAPIIdOutput,
        graphqlUrl: outputs.GraphQLAPIEndpointOutput,
        realtimeUrl: outputs.GraphQLAPIRealtimeOutput,
        apiKey: outputs.GraphQLAPIKeyOutput,
        tableName: outputs.TodoTableName,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
