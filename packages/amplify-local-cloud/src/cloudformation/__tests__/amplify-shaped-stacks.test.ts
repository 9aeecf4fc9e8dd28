import { CreateStackCommand, DescribeStacksCommand, ListStackResourcesCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { useCfnTestCloud } from './helpers/cfn-test-cloud';

/**
 * The shapes the Amplify provider deploys: the root stack of `amplify init` (named IAM roles, a retained deployment
 * bucket, exported outputs), then a push adding auth and API nested stacks from `amplify-cfn-templates/` keys.
 */
const cloud = useCfnTestCloud();

const role = (kind: string) => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    RoleName: { Ref: kind === 'authenticated' ? 'AuthRoleName' : 'UnauthRoleName' },
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Sid: '', Effect: 'Deny', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }],
    },
  },
});

const rootTemplate = (nested: Record<string, unknown> = {}) => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Description: 'Root Stack for AWS Amplify CLI',
  Parameters: {
    DeploymentBucketName: { Type: 'String', Default: 'DeploymentBucket', Description: 'Name of the common deployment bucket provided by the parent stack' },
    AuthRoleName: { Type: 'String', Default: 'AuthRoleName' },
    UnauthRoleName: { Type: 'String', Default: 'UnAuthRoleName' },
  },
  Outputs: {
    Region: { Value: { Ref: 'AWS::Region' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-Region' } } },
    StackName: { Value: { Ref: 'AWS::StackName' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-StackName' } } },
    StackId: { Value: { Ref: 'AWS::StackId' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-StackId' } } },
    DeploymentBucketName: { Value: { Ref: 'DeploymentBucket' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-DeploymentBucketName' } } },
    AuthRoleArn: { Value: { 'Fn::GetAtt': ['AuthRole', 'Arn'] } },
    UnauthRoleArn: { Value: { 'Fn::GetAtt': ['UnauthRole', 'Arn'] } },
    AuthRoleName: { Value: { Ref: 'AuthRole' } },
    UnauthRoleName: { Value: { Ref: 'UnauthRole' } },
  },
  Resources: {
    DeploymentBucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'DeploymentBucketName' } }, UpdateReplacePolicy: 'Retain', DeletionPolicy: 'Retain' },
    AuthRole: role('authenticated'),
    UnauthRole: role('unauthenticated'),
    ...nested,
  },
});

const authTemplate = `
AWSTemplateFormatVersion: 2010-09-09
Parameters:
  env: {Type: String}
  authRoleArn: {Type: String}
  unauthRoleArn: {Type: String}
  userPoolName: {Type: String}
  identityPoolName: {Type: String}
  allowUnauthenticatedIdentities: {Type: String}
  passwordPolicyMinLength: {Type: Number}
  autoVerifiedAttributes: {Type: CommaDelimitedList}
Conditions:
  ShouldNotCreateEnvResources: !Equals [!Ref env, NONE]
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    UpdateReplacePolicy: Retain
    Properties:
      UserPoolName: !If [ShouldNotCreateEnvResources, !Ref userPoolName, !Join ['', [!Ref userPoolName, '-', !Ref env]]]
      Policies:
        PasswordPolicy:
          MinimumLength: !Ref passwordPolicyMinLength
          RequireLowercase: false
          RequireNumbers: false
          RequireSymbols: false
          RequireUppercase: false
      Schema:
        - Name: email
          Required: true
          Mutable: true
      AutoVerifiedAttributes: !Ref autoVerifiedAttributes
      EmailVerificationMessage: 'Your verification code is {####}'
      EmailVerificationSubject: Your verification code
      MfaConfiguration: 'OFF'
      UsernameConfiguration:
        CaseSensitive: false
      UserAttributeUpdateSettings:
        AttributesRequireVerificationBeforeUpdate: [email]
  UserPoolClientWeb:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      ClientName: app_clientWeb
      RefreshTokenValidity: 30
      TokenValidityUnits: {RefreshToken: days}
    DependsOn: [UserPool]
  UserPoolClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      ClientName: app_client
      GenerateSecret: false
    DependsOn: [UserPool]
  IdentityPool:
    Type: AWS::Cognito::IdentityPool
    Properties:
      IdentityPoolName: !If [ShouldNotCreateEnvResources, !Ref identityPoolName, !Join ['', [!Ref identityPoolName, __, !Ref env]]]
      CognitoIdentityProviders:
        - ClientId: !Ref UserPoolClient
          ProviderName: !Sub 'cognito-idp.\${AWS::Region}.amazonaws.com/\${UserPool}'
        - ClientId: !Ref UserPoolClientWeb
          ProviderName: !GetAtt UserPool.ProviderName
      AllowUnauthenticatedIdentities: !Ref allowUnauthenticatedIdentities
  IdentityPoolRoleMap:
    Type: AWS::Cognito::IdentityPoolRoleAttachment
    Properties:
      IdentityPoolId: !Ref IdentityPool
      Roles:
        unauthenticated: !Ref unauthRoleArn
        authenticated: !Ref authRoleArn
Outputs:
  IdentityPoolId: {Value: !Ref IdentityPool}
  IdentityPoolName: {Value: !GetAtt IdentityPool.Name}
  UserPoolId: {Value: !Ref UserPool}
  UserPoolArn: {Value: !GetAtt UserPool.Arn}
  UserPoolName: {Value: !Ref userPoolName}
  AppClientIDWeb: {Value: !Ref UserPoolClientWeb}
  AppClientID: {Value: !Ref UserPoolClient}
`;

const apiTemplate = JSON.stringify({
  Parameters: { env: { Type: 'String' }, AppSyncApiName: { Type: 'String' }, S3DeploymentBucket: { Type: 'String' }, AuthCognitoUserPoolId: { Type: 'String' } },
  Resources: {
    GraphQLAPI: {
      Type: 'AWS::AppSync::GraphQLApi',
      Properties: {
        AuthenticationType: 'API_KEY',
        Name: { 'Fn::Join': ['', [{ Ref: 'AppSyncApiName' }, '-', { Ref: 'env' }]] },
        AdditionalAuthenticationProviders: [{ AuthenticationType: 'AMAZON_COGNITO_USER_POOLS', UserPoolConfig: { UserPoolId: { Ref: 'AuthCognitoUserPoolId' }, AwsRegion: { Ref: 'AWS::Region' } } }],
      },
    },
    GraphQLAPIDefaultApiKey: { Type: 'AWS::AppSync::ApiKey', Properties: { ApiId: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] }, Expires: 1790000000 } },
    GraphQLSchema: {
      Type: 'AWS::AppSync::GraphQLSchema',
      Properties: { ApiId: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] }, DefinitionS3Location: { 'Fn::Sub': 's3://${S3DeploymentBucket}/amplify-appsync-files/schema.graphql' } },
    },
    TodoDataSource: {
      Type: 'AWS::AppSync::DataSource',
      Properties: {
        ApiId: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] },
        Name: 'TodoTable',
        Type: 'AMAZON_DYNAMODB',
        DynamoDBConfig: { TableName: { Ref: 'TodoTable' }, AwsRegion: { Ref: 'AWS::Region' } },
      },
    },
    QueryGetTodoResolver: {
      Type: 'AWS::AppSync::Resolver',
      Properties: { ApiId: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] }, TypeName: 'Query', FieldName: 'getTodo', Kind: 'UNIT', DataSourceName: { 'Fn::GetAtt': ['TodoDataSource', 'Name'] } },
    },
    TodoTable: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        TableName: { 'Fn::Sub': 'Todo-${GraphQLAPI.ApiId}-${env}' },
      },
    },
  },
  Outputs: {
    DataSourceArn: { Value: { 'Fn::GetAtt': ['TodoDataSource', 'DataSourceArn'] } },
    ResolverArn: { Value: { Ref: 'QueryGetTodoResolver' } },
    GraphQLAPIIdOutput: { Value: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] }, Export: { Name: { 'Fn::Join': [':', [{ Ref: 'AWS::StackName' }, 'GraphQLApiId']] } } },
    GraphQLAPIEndpointOutput: { Value: { 'Fn::GetAtt': ['GraphQLAPI', 'GraphQLUrl'] } },
    GraphQLAPIKeyOutput: { Value: { 'Fn::GetAtt': ['GraphQLAPIDefaultApiKey', 'ApiKey'] } },
    TodoTableStreamArn: { Value: { 'Fn::GetAtt': ['TodoTable', 'StreamArn'] } },
  },
});

const parameters = [
  { ParameterKey: 'DeploymentBucketName', ParameterValue: 'amplify-app-dev-12345-deployment' },
  { ParameterKey: 'AuthRoleName', ParameterValue: 'amplify-app-dev-12345-authRole' },
  { ParameterKey: 'UnauthRoleName', ParameterValue: 'amplify-app-dev-12345-unauthRole' },
];

test('amplify init root stack, then a push with auth and API nested stacks', async () => {
  await cloud.cfn.send(
    new CreateStackCommand({
      StackName: 'amplify-app-dev-12345',
      TemplateBody: JSON.stringify(rootTemplate()),
      Parameters: parameters,
      Capabilities: ['CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
    }),
  );
  const root = await cloud.waitForStack('amplify-app-dev-12345');
  expect(root.StackStatus).toBe('CREATE_COMPLETE');
  const outputs = Object.fromEntries(root.Outputs!.map((output) => [output.OutputKey!, output.OutputValue!]));
  expect(outputs).toMatchObject({
    Region: 'us-east-1',
    StackName: 'amplify-app-dev-12345',
    DeploymentBucketName: 'amplify-app-dev-12345-deployment',
    AuthRoleArn: 'arn:aws:iam::123456789012:role/amplify-app-dev-12345-authRole',
    AuthRoleName: 'amplify-app-dev-12345-authRole',
  });

  const bucket = outputs.DeploymentBucketName;
  const authUrl = await cloud.upload(bucket, 'amplify-cfn-templates/auth/app-cloudformation-template.yml', authTemplate);
  const apiUrl = await cloud.upload(bucket, 'amplify-cfn-templates/api/cloudformation-template.json', apiTemplate);
  // AppSync reads the schema from its S3 location when the GraphQLSchema is created, as push uploads it.
  await cloud.upload(bucket, 'amplify-appsync-files/schema.graphql', 'type Todo { id: ID! }\ntype Query { getTodo(id: ID!): Todo }\n');
  const nested = {
    authapp: {
      Type: 'AWS::CloudFormation::Stack',
      Properties: {
        TemplateURL: authUrl,
        Parameters: {
          env: 'dev',
          authRoleArn: { 'Fn::GetAtt': ['AuthRole', 'Arn'] },
          unauthRoleArn: { 'Fn::GetAtt': ['UnauthRole', 'Arn'] },
          userPoolName: 'app_userpool',
          identityPoolName: 'app_identitypool',
          allowUnauthenticatedIdentities: 'false',
          passwordPolicyMinLength: 8,
          autoVerifiedAttributes: 'email',
        },
      },
    },
    apiapp: {
      Type: 'AWS::CloudFormation::Stack',
      Properties: {
        TemplateURL: apiUrl,
        Parameters: {
          env: 'dev',
          AppSyncApiName: 'app',
          S3DeploymentBucket: bucket,
          AuthCognitoUserPoolId: { 'Fn::GetAtt': ['authapp', 'Outputs.UserPoolId'] },
        },
      },
    },
  };
  /** A push: the root template with `resources` uploaded, and the root stack updated from it. */
  const pushRoot = async (resources: Record<string, unknown>) => {
    await cloud.upload(bucket, 'nested-cloudformation-stack.yml', JSON.stringify(rootTemplate(resources)));
    await cloud.cfn.send(
      new UpdateStackCommand({
        StackName: 'amplify-app-dev-12345',
        TemplateURL: `https://s3.amazonaws.com/${bucket}/nested-cloudformation-stack.yml`,
        Parameters: parameters,
        Capabilities: ['CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
      }),
    );
    return cloud.waitForStack('amplify-app-dev-12345');
  };
  const pushed = await pushRoot(nested);
  expect(pushed.StackStatus).toBe('UPDATE_COMPLETE');

  const { StackResourceSummaries } = await cloud.cfn.send(new ListStackResourcesCommand({ StackName: 'amplify-app-dev-12345' }));
  const ids = Object.fromEntries(StackResourceSummaries!.map((summary) => [summary.LogicalResourceId!, summary.PhysicalResourceId!]));
  const nestedOutputs = async (id: string) =>
    Object.fromEntries((await cloud.cfn.send(new DescribeStacksCommand({ StackName: id }))).Stacks![0].Outputs!.map((output) => [output.OutputKey!, output.OutputValue!]));
  const auth = await nestedOutputs(ids.authapp);
  expect(auth.UserPoolId).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
  expect(auth.AppClientID).toMatch(/^[a-z0-9]{26}$/);
  expect(auth.IdentityPoolId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
  expect(auth.IdentityPoolName).toBe('app_identitypool__dev');
  expect(auth.UserPoolArn).toBe(`arn:aws:cognito-idp:us-east-1:123456789012:userpool/${auth.UserPoolId}`);
  const api = await nestedOutputs(ids.apiapp);
  expect(api.GraphQLAPIIdOutput).toMatch(/^[a-z0-9]{26}$/);
  // The local AppSync serves the API itself.
  expect(api.GraphQLAPIEndpointOutput).toBe(`${cloud.config.endpoint}/appsync/${api.GraphQLAPIIdOutput}/graphql`);
  expect(api.GraphQLAPIKeyOutput).toMatch(/^da2-[a-z0-9]{26}$/);
  const apiArn = `arn:aws:appsync:us-east-1:123456789012:apis/${api.GraphQLAPIIdOutput}`;
  expect(api.DataSourceArn).toBe(`${apiArn}/datasources/TodoTable`);
  expect(api.ResolverArn).toBe(`${apiArn}/types/Query/resolvers/getTodo`);
  expect(api.TodoTableStreamArn).toMatch(new RegExp(`^arn:aws:dynamodb:us-east-1:123456789012:table/Todo-${api.GraphQLAPIIdOutput}-dev/stream/`));

  // With an identity pool, the root stack gets the custom resource that points the roles' trust policies at it.
  expect((await pushRoot({ ...nested, ...updateRolesWithIdp })).StackStatus).toBe('UPDATE_COMPLETE');
  const iam = new IAMClient(cloud.config);
  const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'amplify-app-dev-12345-authRole' }));
  iam.destroy();
  const trust = JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)) as { Statement: { Effect: string; Condition: Record<string, Record<string, string>> }[] };
  expect(trust.Statement[0].Effect).toBe('Allow');
  expect(trust.Statement[0].Condition.StringEquals['cognito-identity.amazonaws.com:aud']).toBe(auth.IdentityPoolId);
}, 30_000);

/** A function like the one Amplify adds to the root stack: it rewrites both roles' trust policies through IAM. */
const updateRolesWithIdp = {
  UpdateRolesWithIDPFunction: {
    DependsOn: ['AuthRole', 'UnauthRole', 'authapp'],
    Type: 'AWS::Lambda::Function',
    Properties: {
      Code: {
        ZipFile: [
          "const response = require('cfn-response');",
          "const { IAMClient, UpdateAssumeRolePolicyCommand } = require('@aws-sdk/client-iam');",
          'exports.handler = async (event, context) => {',
          '  const { authRoleName, unauthRoleName, idpId, region } = event.ResourceProperties;',
          "  const trust = (amr) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: event.RequestType === 'Delete' ? 'Deny' : 'Allow',",
          "    Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity',",
          "    Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': idpId }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr } } }] });",
          '  try {',
          '    const iam = new IAMClient({ region });',
          "    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: authRoleName, PolicyDocument: trust('authenticated') }));",
          "    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: unauthRoleName, PolicyDocument: trust('unauthenticated') }));",
          '    await new Promise(() => response.send(event, context, response.SUCCESS, {}));',
          '  } catch (error) {',
          '    await new Promise(() => response.send(event, context, response.FAILED, { Error: String(error) }));',
          '  }',
          '};',
        ].join('\n'),
      },
      Handler: 'index.handler',
      Runtime: 'nodejs20.x',
      Timeout: 300,
      Role: { 'Fn::GetAtt': ['UpdateRolesWithIDPFunctionRole', 'Arn'] },
    },
  },
  UpdateRolesWithIDPFunctionOutputs: {
    Type: 'Custom::LambdaCallout',
    Properties: {
      ServiceToken: { 'Fn::GetAtt': ['UpdateRolesWithIDPFunction', 'Arn'] },
      region: { Ref: 'AWS::Region' },
      idpId: { 'Fn::GetAtt': ['authapp', 'Outputs.IdentityPoolId'] },
      authRoleName: { Ref: 'AuthRole' },
      unauthRoleName: { Ref: 'UnauthRole' },
    },
  },
  UpdateRolesWithIDPFunctionRole: {
    Type: 'AWS::IAM::Role',
    Properties: {
      RoleName: { 'Fn::Join': ['', [{ Ref: 'AuthRole' }, '-idp']] },
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }] },
    },
  },
};
