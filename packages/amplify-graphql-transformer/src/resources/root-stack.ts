import type { ApiModel, AuthRule } from '../model/api-model';
import { type AuthProviderConfig, type TransformInput, TransformError } from '../transform-types';
import { roleNamePrefix, uniqueId } from './cdk-names';
import { type CfnValue, getAtt, join, ref, sub } from './cfn';
import { APPSYNC_TRUST_POLICY, DYNAMODB_PARAMETERS } from './dynamodb-parameters';
import type { DataSourceUse } from './pipeline';
import { ROOT, type StackSet } from './stack-set';

export const SCHEMA_ID = uniqueId(['GraphQLAPI', 'TransformerSchema']);
export const API_KEY_ID = uniqueId(['GraphQLAPI', 'DefaultApiKey']);
export const NONE_DATA_SOURCE_ID = uniqueId(['GraphQLAPI', 'NONE_DS', 'Resource']);

export const NONE_DATA_SOURCE: DataSourceUse = {
  name: { stack: ROOT, path: ['GraphQLAPI', 'NONE_DS', 'Resource'], logicalId: NONE_DATA_SOURCE_ID, attribute: 'Name' },
  type: 'NONE',
};

const authProviders = (input: TransformInput): AuthProviderConfig[] => [
  input.authConfig.defaultAuthentication,
  ...(input.authConfig.additionalAuthenticationProviders ?? []),
];

const uses = (input: TransformInput, type: AuthProviderConfig['authenticationType']): boolean =>
  authProviders(input).some((provider) => provider.authenticationType === type);

export const usesIam = (input: TransformInput): boolean => uses(input, 'AWS_IAM');

/** Root parameters in the original's order, each only when something needs it. */
export function declareRootParameters(stacks: StackSet, input: TransformInput, api: ApiModel): void {
  const parameters = stacks.root.parameters;
  parameters.env = { Type: 'String', Default: 'NONE' };
  parameters.AppSyncApiName = { Type: 'String', Default: 'AppSyncSimpleTransform' };
  if (usesIam(input)) {
    parameters.authRoleName = { Type: 'String' };
    parameters.unauthRoleName = { Type: 'String' };
  }
  if (uses(input, 'AMAZON_COGNITO_USER_POOLS')) parameters.AuthCognitoUserPoolId = { Type: 'String' };
  if (api.models.length > 0) Object.assign(parameters, DYNAMODB_PARAMETERS);
  parameters.S3DeploymentBucket = { Type: 'String', Description: 'An S3 Bucket name where assets are deployed' };
  parameters.S3DeploymentRootKey = {
    Type: 'String',
    Description: 'An S3 key relative to the S3DeploymentBucket that points to the root of the deployment directory.',
  };
}

const numberOf = (value: string | number | undefined): number | undefined => (value === undefined || value === '' ? undefined : Number(value));

function providerSettings(provider: AuthProviderConfig, isDefault: boolean): Record<string, unknown> {
  switch (provider.authenticationType) {
    case 'AMAZON_COGNITO_USER_POOLS':
      return {
        UserPoolConfig: isDefault
          ? { AwsRegion: ref('AWS::Region'), DefaultAction: 'ALLOW', UserPoolId: ref('AuthCognitoUserPoolId') }
          : { AwsRegion: ref('AWS::Region'), UserPoolId: ref('AuthCognitoUserPoolId') },
      };
    case 'OPENID_CONNECT': {
      const oidc = provider.openIDConnectConfig;
      if (!oidc?.issuerUrl) throw new TransformError('OPENID_CONNECT authentication requires an issuer URL (openIDConnectConfig.issuerUrl).');
      const config: Record<string, unknown> = {};
      if (numberOf(oidc.authTTL) !== undefined) config.AuthTTL = numberOf(oidc.authTTL);
      if (oidc.clientId) config.ClientId = oidc.clientId;
      if (numberOf(oidc.iatTTL) !== undefined) config.IatTTL = numberOf(oidc.iatTTL);
      config.Issuer = oidc.issuerUrl;
      return { OpenIDConnectConfig: config };
    }
    case 'AWS_LAMBDA': {
      const lambda = provider.lambdaAuthorizerConfig;
      if (!lambda?.lambdaFunction) throw new TransformError('AWS_LAMBDA authentication requires a function (lambdaAuthorizerConfig.lambdaFunction).');
      return {
        LambdaAuthorizerConfig: {
          AuthorizerResultTtlInSeconds: numberOf(lambda.ttlSeconds) ?? 300,
          AuthorizerUri: join('', ['arn:', ref('AWS::Partition'), ':lambda:', ref('AWS::Region'), ':', ref('AWS::AccountId'), `:function:${lambda.lambdaFunction}-`, ref('env')]),
          IdentityValidationExpression: '',
        },
      };
    }
    default:
      return {};
  }
}

/** Whether `parameters.json` turned the API key off (`CreateAPIKey` present and not 1). */
const apiKeySuppressed = (input: TransformInput): boolean => {
  const value = input.parameters?.CreateAPIKey;
  return value !== undefined && value !== 1 && value !== '1';
};

const DAY_SECONDS = 86400;

/** GraphQLAPI, its schema, API key and NONE data source. */
export function synthesizeApi(stacks: StackSet, input: TransformInput): { apiKey: boolean } {
  const root = stacks.root;
  const [defaultProvider, ...additional] = authProviders(input);
  root.addResource('GraphQLAPI', {
    Type: 'AWS::AppSync::GraphQLApi',
    Properties: {
      AuthenticationType: defaultProvider.authenticationType,
      Name: join('', [ref('AppSyncApiName'), '-', ref('env')]),
      ...(additional.length > 0
        ? { AdditionalAuthenticationProviders: additional.map((provider) => ({ AuthenticationType: provider.authenticationType, ...providerSettings(provider, false) })) }
        : {}),
      ...providerSettings(defaultProvider, true),
    },
  });
  root.addResource(SCHEMA_ID, {
    Type: 'AWS::AppSync::GraphQLSchema',
    Properties: {
      ApiId: getAtt('GraphQLAPI', 'ApiId'),
      DefinitionS3Location: join('', ['s3://', ref('S3DeploymentBucket'), '/', ref('S3DeploymentRootKey'), '/schema.graphql']),
    },
  });
  const apiKeyProvider = authProviders(input).find((provider) => provider.authenticationType === 'API_KEY');
  const apiKey = apiKeyProvider !== undefined && !apiKeySuppressed(input);
  if (apiKeyProvider && apiKey) {
    const config = apiKeyProvider.apiKeyConfig ?? {};
    const now = (input.now ?? new Date()).getTime();
    let expiresMs: number;
    if (config.apiKeyExpirationDate !== undefined && config.apiKeyExpirationDays === undefined) {
      expiresMs = new Date(config.apiKeyExpirationDate).getTime();
    } else {
      const days = config.apiKeyExpirationDays ?? 7;
      if (!Number.isFinite(days) || days < 1 || days > 365) throw new TransformError('API key expiration must be between 1 and 365 days.');
      expiresMs = now + days * DAY_SECONDS * 1000;
    }
    root.addResource(API_KEY_ID, {
      Type: 'AWS::AppSync::ApiKey',
      Properties: {
        ApiId: getAtt('GraphQLAPI', 'ApiId'),
        ...(config.description ? { Description: config.description } : {}),
        Expires: Math.round(expiresMs / 1000),
      },
    });
  }
  root.addResource(NONE_DATA_SOURCE_ID, {
    Type: 'AWS::AppSync::DataSource',
    Properties: { ApiId: getAtt('GraphQLAPI', 'ApiId'), Description: 'None Data Source for Pipeline functions', Name: 'NONE_DS', Type: 'NONE' },
  });
  return { apiKey };
}

export function rootOutputs(apiKey: boolean): Record<string, unknown> {
  const exportAs = (suffix: string) => ({ Name: join(':', [ref('AWS::StackName'), suffix]) });
  return {
    ...(apiKey
      ? { GraphQLAPIKeyOutput: { Description: 'Your GraphQL API ID.', Value: getAtt(API_KEY_ID, 'ApiKey'), Export: exportAs('GraphQLApiKey') } }
      : {}),
    GraphQLAPIIdOutput: { Description: 'Your GraphQL API ID.', Value: getAtt('GraphQLAPI', 'ApiId'), Export: exportAs('GraphQLApiId') },
    GraphQLAPIEndpointOutput: { Description: 'Your GraphQL API endpoint.', Value: getAtt('GraphQLAPI', 'GraphQLUrl'), Export: exportAs('GraphQLApiEndpoint') },
  };
}

const MAX_POLICY_CHARACTERS = 6144;

/** The `appsync:GraphQL` grants of IAM rules: `types/<T>/*` and `types/<Root>/fields/<field>`, per role. */
export function synthesizeIamPolicies(stacks: StackSet, api: ApiModel): void {
  const grants = { auth: new Set<string>(), unauth: new Set<string>() };
  const grantFor = (rules: AuthRule[], resources: string[]) => {
    for (const rule of rules.filter((candidate) => candidate.provider === 'iam')) {
      const target = rule.allow === 'public' ? grants.unauth : grants.auth;
      resources.forEach((resource) => target.add(resource));
    }
  };
  for (const model of api.models) {
    const ops = model.operations;
    const fields = (root: string, names: Array<string | undefined>) => names.filter((name): name is string => name !== undefined).map((name) => `${root}/fields/${name}`);
    const resources = [
      `${model.name}/*`,
      ...(ops.list || model.indexes.some((index) => index.queryField) ? [`Model${model.name}Connection/*`] : []),
      ...fields('Query', [ops.get, ops.list, ops.sync, ...model.indexes.map((index) => index.queryField)]),
      ...fields('Mutation', [ops.create, ops.update, ops.delete]),
      ...fields('Subscription', ops.subscriptions.level === 'off' ? [] : [...ops.subscriptions.onCreate, ...ops.subscriptions.onUpdate, ...ops.subscriptions.onDelete]),
    ];
    grantFor(model.auth, resources);
    for (const field of model.fields) if (field.auth) grantFor(field.auth, [`${model.name}/fields/${field.name}`]);
  }
  for (const field of api.customFields) if (field.auth) grantFor(field.auth, [`${field.typeName}/fields/${field.fieldName}`]);

  const addPolicies = (prefix: 'AuthRolePolicy' | 'UnauthRolePolicy', roleParameter: string, resources: Set<string>) => {
    const chunks: string[][] = [];
    let size = 0;
    for (const resource of resources) {
      const cost = resource.length + 120;
      if (chunks.length === 0 || size + cost > MAX_POLICY_CHARACTERS) {
        chunks.push([]);
        size = 200;
      }
      chunks[chunks.length - 1].push(resource);
      size += cost;
    }
    chunks.forEach((chunk, index) => {
      const id = uniqueId([`${prefix}${String(index + 1).padStart(2, '0')}`, 'Resource']);
      stacks.root.addResource(id, {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          Description: '',
          Path: '/',
          PolicyDocument: {
            Statement: [
              {
                Action: 'appsync:GraphQL',
                Effect: 'Allow',
                Resource: chunk.map((resource) =>
                  sub('arn:aws:appsync:${AWS::Region}:${AWS::AccountId}:apis/${apiId}/types/' + resource, { apiId: getAtt('GraphQLAPI', 'ApiId') }),
                ),
              },
            ],
            Version: '2012-10-17',
          },
          Roles: [ref(roleParameter)],
        },
      });
    });
  };
  addPolicies('AuthRolePolicy', 'authRoleName', grants.auth);
  addPolicies('UnauthRolePolicy', 'unauthRoleName', grants.unauth);
}

const DATASTORE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PutItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:Scan',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];

/** The delta-sync table DataStore reads changes from, with its role. */
export function synthesizeDataStore(stacks: StackSet): void {
  const root = stacks.root;
  const tableName = join('', ['AmplifyDataStore-', getAtt('GraphQLAPI', 'ApiId'), '-', ref('env')]);
  root.addResource('DataStore', {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      KeySchema: [
        { AttributeName: 'ds_pk', KeyType: 'HASH' },
        { AttributeName: 'ds_sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'ds_pk', AttributeType: 'S' },
        { AttributeName: 'ds_sk', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: '_ttl', Enabled: true },
    },
    UpdateReplacePolicy: 'Delete',
    DeletionPolicy: 'Delete',
  });
  const roleId = uniqueId(['AmplifyDataStoreIAMRole', 'Resource']);
  root.addResource(roleId, {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: APPSYNC_TRUST_POLICY,
      RoleName: join('', [`${roleNamePrefix('AmplifyDataStoreIAMRole')}-`, getAtt('GraphQLAPI', 'ApiId'), '-', ref('env')]),
    },
  });
  const policyId = uniqueId(['DynamoDBAccess', 'Resource']);
  const arn = (suffix: string): CfnValue => sub(`arn:aws:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${tablename}${suffix}`, { tablename: tableName });
  root.addResource(policyId, {
    Type: 'AWS::IAM::Policy',
    Properties: {
      PolicyDocument: { Statement: [{ Action: DATASTORE_ACTIONS, Effect: 'Allow', Resource: [arn(''), arn('/*')] }], Version: '2012-10-17' },
      PolicyName: policyId,
      Roles: [ref(roleId)],
    },
  });
}

/** Nests every generated stack in the root, feeding it the parameters its references asked for. */
export function attachNestedStacks(stacks: StackSet, order: string[]): void {
  for (const name of order) {
    const stack = stacks.stack(name);
    stacks.root.addResource(name, {
      Type: 'AWS::CloudFormation::Stack',
      Properties: {
        Parameters: stack.passedParameters,
        TemplateURL: join('', [
          'https://s3.',
          ref('AWS::Region'),
          '.',
          ref('AWS::URLSuffix'),
          '/',
          ref('S3DeploymentBucket'),
          '/',
          ref('S3DeploymentRootKey'),
          `/stacks/${name}.json`,
        ]),
      },
      DependsOn: [SCHEMA_ID, ...[...stack.dependencies].filter((dependency) => dependency !== name)],
    });
  }
}
