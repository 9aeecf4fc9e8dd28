import { cfnConstruct, type CfnConstruct, type CfnResourceJson } from './cfn-construct';

/** A template as the transformer writes it; only `Resources` matters here. */
export interface TemplateJson {
  Resources?: Record<string, unknown>;
  [section: string]: unknown;
}

/** The resolvers and pipeline functions of a stack, by logical id (functions also by their construct id). */
export interface AppsyncStackCommon {
  resolvers: Record<string, CfnConstruct>;
  appsyncFunctions: Record<string, CfnConstruct>;
}

export interface ModelDirectiveStack extends AppsyncStackCommon {
  modelStack?: CfnConstruct;
  modelDDBTable?: CfnConstruct;
  modelIamRole?: CfnConstruct;
  modelIamRoleDefaultPolicy?: CfnConstruct;
  dynamoDBAccess?: CfnConstruct;
  modelDatasource?: CfnConstruct;
  invokeLambdaFunction?: CfnConstruct;
}

/** The tree an override file receives for a GraphQL API, shaped as the original's `AmplifyApiGraphQlResourceStackTemplate`. */
export interface AmplifyApiGraphQlResourceStackTemplate {
  api: {
    GraphQLAPI?: CfnConstruct;
    GraphQLAPIDefaultApiKey?: CfnConstruct;
    GraphQLAPITransformerSchema?: CfnConstruct;
    GraphQLAPINONEDS?: CfnConstruct;
    AmplifyDataStore?: CfnConstruct;
    AmplifyDataStoreIAMRole?: CfnConstruct;
    DynamoDBAccess?: CfnConstruct;
  };
  models: Record<string, ModelDirectiveStack>;
  function: AppsyncStackCommon & {
    lambdaDataSource: Record<string, CfnConstruct>;
    lambdaDataSourceRole: Record<string, CfnConstruct>;
    lambdaDataSourceServiceRoleDefaultPolicy: Record<string, CfnConstruct>;
  };
  http: AppsyncStackCommon & {
    httpsDataSource: Record<string, CfnConstruct>;
    httpsDataSourceServiceRole: Record<string, CfnConstruct>;
    httpsDataSourceServiceRoleDefaultPolicy: Record<string, CfnConstruct>;
  };
}

type Entry = [logicalId: string, resource: CfnResourceJson];

function entries(template: TemplateJson | undefined): Entry[] {
  return Object.entries(template?.Resources ?? {}).filter((entry): entry is Entry => typeof (entry[1] as CfnResourceJson | undefined)?.Type === 'string');
}

/** A CDK logical id is the construct path plus an 8-hex hash: the id without the hash, when it has one. */
const withoutHash = (logicalId: string): string => logicalId.replace(/[0-9A-F]{8}$/, '');

function find(all: Entry[], type: string, matches: (logicalId: string) => boolean): CfnConstruct | undefined {
  const entry = all.find(([logicalId, resource]) => resource.Type === type && matches(logicalId));
  return entry && cfnConstruct(...entry);
}

function collect(all: Entry[], type: string): Record<string, CfnConstruct> {
  return Object.fromEntries(all.filter(([, resource]) => resource.Type === type).map(([logicalId, resource]) => [logicalId, cfnConstruct(logicalId, resource)]));
}

/** `<Id><Id>AppSyncFunction<hash>` is the function whose construct id the original uses as its key: `<Id>`. */
function functionConstructId(logicalId: string): string | undefined {
  const match = /^(.+)\1AppSyncFunction[0-9A-F]{8}$/.exec(logicalId);
  return match?.[1];
}

function appsyncStackCommon(all: Entry[]): AppsyncStackCommon {
  const appsyncFunctions = collect(all, 'AWS::AppSync::FunctionConfiguration');
  for (const [logicalId, construct] of Object.entries(appsyncFunctions)) {
    const alias = functionConstructId(logicalId);
    if (alias && !Object.hasOwn(appsyncFunctions, alias)) Object.defineProperty(appsyncFunctions, alias, { value: construct, enumerable: false });
  }
  return { resolvers: collect(all, 'AWS::AppSync::Resolver'), appsyncFunctions };
}

/** The model a relation resolver (or its function) of the ConnectionStack belongs to: the longest model name prefixing its id. */
function ownerModel(logicalId: string, resource: CfnResourceJson, models: string[]): string | undefined {
  const typeName = resource.Properties?.TypeName;
  if (typeof typeName === 'string' && models.includes(typeName)) return typeName;
  return models.filter((model) => logicalId.startsWith(model)).sort((a, b) => b.length - a.length)[0];
}

/**
 * The override tree over a compiled GraphQL API: the root stack's API resources, one entry per `@model` stack (its
 * relation resolvers from the ConnectionStack included) and the `@function` and `@http` stacks. Leaves edit the
 * given templates in place.
 */
export function graphqlOverrideResources(rootStack: TemplateJson, stacks: Record<string, TemplateJson>): AmplifyApiGraphQlResourceStackTemplate {
  const root = entries(rootStack);
  const api: AmplifyApiGraphQlResourceStackTemplate['api'] = {
    GraphQLAPI: find(root, 'AWS::AppSync::GraphQLApi', (id) => id === 'GraphQLAPI'),
    GraphQLAPIDefaultApiKey: find(root, 'AWS::AppSync::ApiKey', (id) => withoutHash(id) === 'GraphQLAPIDefaultApiKey'),
    GraphQLAPITransformerSchema: find(root, 'AWS::AppSync::GraphQLSchema', (id) => withoutHash(id) === 'GraphQLAPITransformerSchema'),
    GraphQLAPINONEDS: find(root, 'AWS::AppSync::DataSource', (id) => withoutHash(id) === 'GraphQLAPINONEDS'),
    AmplifyDataStore: find(root, 'AWS::DynamoDB::Table', (id) => id === 'DataStore' || id === 'AmplifyDataStore'),
    AmplifyDataStoreIAMRole: find(root, 'AWS::IAM::Role', (id) => withoutHash(id) === 'AmplifyDataStoreIAMRole'),
    DynamoDBAccess: find(root, 'AWS::IAM::Policy', (id) => withoutHash(id) === 'DynamoDBAccess'),
  };
  const modelNames = Object.keys(stacks).filter((name) => entries(stacks[name]).some(([id, r]) => r.Type === 'AWS::DynamoDB::Table' && id === `${name}Table`));
  const models: Record<string, ModelDirectiveStack> = {};
  for (const name of modelNames) {
    const all = entries(stacks[name]);
    models[name] = {
      modelStack: find(root, 'AWS::CloudFormation::Stack', (id) => id === name),
      modelDDBTable: find(all, 'AWS::DynamoDB::Table', (id) => id === `${name}Table`),
      modelIamRole: find(all, 'AWS::IAM::Role', (id) => withoutHash(id) === `${name}IAMRole`),
      modelIamRoleDefaultPolicy: find(all, 'AWS::IAM::Policy', (id) => withoutHash(id) === `${name}IAMRoleDefaultPolicy`),
      dynamoDBAccess: find(all, 'AWS::IAM::Policy', (id) => withoutHash(id) === 'DynamoDBAccess'),
      modelDatasource: find(all, 'AWS::AppSync::DataSource', (id) => id === `${name}DataSource`),
      invokeLambdaFunction: find(all, 'AWS::IAM::Policy', (id) => withoutHash(id).startsWith('InvokeLambdaFunction')),
      ...appsyncStackCommon(all),
    };
  }
  for (const [logicalId, resource] of entries(stacks.ConnectionStack)) {
    const model = ownerModel(logicalId, resource, modelNames);
    if (!model) continue;
    const common = appsyncStackCommon([[logicalId, resource]]);
    Object.assign(models[model].resolvers, common.resolvers);
    for (const id of Object.getOwnPropertyNames(common.appsyncFunctions)) {
      Object.defineProperty(models[model].appsyncFunctions, id, Object.getOwnPropertyDescriptor(common.appsyncFunctions, id) as PropertyDescriptor);
    }
  }
  const functionStack = entries(stacks.FunctionDirectiveStack);
  const httpStack = entries(stacks.HttpStack);
  const roles = (all: Entry[], suffix: string, type: string) => Object.fromEntries(Object.entries(collect(all, type)).filter(([id]) => withoutHash(id).endsWith(suffix)));
  return {
    api,
    models,
    function: {
      lambdaDataSource: collect(functionStack, 'AWS::AppSync::DataSource'),
      lambdaDataSourceRole: roles(functionStack, 'LambdaDataSourceServiceRole', 'AWS::IAM::Role'),
      lambdaDataSourceServiceRoleDefaultPolicy: roles(functionStack, 'LambdaDataSourceServiceRoleDefaultPolicy', 'AWS::IAM::Policy'),
      ...appsyncStackCommon(functionStack),
    },
    http: {
      httpsDataSource: collect(httpStack, 'AWS::AppSync::DataSource'),
      httpsDataSourceServiceRole: roles(httpStack, 'ServiceRole', 'AWS::IAM::Role'),
      httpsDataSourceServiceRoleDefaultPolicy: roles(httpStack, 'ServiceRoleDefaultPolicy', 'AWS::IAM::Policy'),
      ...appsyncStackCommon(httpStack),
    },
  };
}
