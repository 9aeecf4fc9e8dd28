import type { ApiModel, AuthRule, ModelDefinition, ModelField } from '../model/api-model';
import type { ConflictResolverConfig } from '../transform-types';
import { roleNamePrefix, uniqueId } from './cdk-names';
import { type CfnValue, equals, getAtt, ifCondition, join, noValue, not, ref, sub } from './cfn';
import { APPSYNC_TRUST_POLICY, DYNAMODB_PARAMETERS, DYNAMODB_TABLE_ACTIONS } from './dynamodb-parameters';
import type { DataSourceUse, ResolverPlan, SlotFunction, SlotName } from './pipeline';
import { rootParameter, type StackRef, type StackSet } from './stack-set';
import { createAuthTemplate, existingItemAuthTemplate, fieldReadAuthTemplate, postAuthTemplate, readAuthTemplate, subscriptionAuthTemplate } from './vtl/auth-templates';
import { nonePayloadRequest, ownerFieldResponseTemplate, protectedFieldResponseTemplate } from './vtl/field-templates';
import { hasCustomPrimaryKey, keyLayout } from './vtl/key-templates';
import * as templates from './vtl/model-templates';
import { hasManyRequestTemplate, hasManyResponseTemplate, singleRelationRequestTemplate, singleRelationResponseTemplate } from './vtl/relation-templates';

export const API_ID: StackRef = { stack: '', path: ['GraphQLAPI', 'Resource'], logicalId: 'GraphQLAPI', attribute: 'ApiId' };
export const CONNECTION_STACK = 'ConnectionStack';

/** The stack holding a model's table: its own, or with `@mapsTo` the stack named after the original type. */
const tableStack = (model: ModelDefinition): string => model.originalName ?? model.name;
const tableId = (model: ModelDefinition): string => `${model.originalName ?? model.name}Table`;

export const tableRef = (model: ModelDefinition): StackRef => ({ stack: tableStack(model), path: [tableId(model), 'Resource'], logicalId: tableId(model) });

export function dataSourceOf(model: ModelDefinition): DataSourceUse {
  const id = `${model.originalName ?? model.name}DataSource`;
  return { name: { stack: tableStack(model), path: [id, 'Resource'], logicalId: id, attribute: 'Name' }, type: 'AMAZON_DYNAMODB' };
}

const NUMBER_SCALARS = new Set(['Int', 'Float', 'AWSTimestamp', 'BigInt', 'Double']);

function attributeType(model: ModelDefinition, attribute: string): 'S' | 'N' {
  const field = model.fields.find((candidate) => candidate.name === attribute);
  return field && !field.type.list && NUMBER_SCALARS.has(field.type.name) ? 'N' : 'S';
}

function keySchemaOf(key: { partitionKey: string; sortKeyFields: string[] }) {
  const layout = keyLayout(key);
  return [
    { AttributeName: layout.partition, KeyType: 'HASH' },
    ...(layout.sort ? [{ AttributeName: layout.sort.attribute, KeyType: 'RANGE' }] : []),
  ];
}

const PAY_PER_REQUEST = 'ShouldUsePayPerRequestBilling';

function provisionedThroughput() {
  return ifCondition(PAY_PER_REQUEST, noValue, { ReadCapacityUnits: ref('DynamoDBModelTableReadIOPS'), WriteCapacityUnits: ref('DynamoDBModelTableWriteIOPS') });
}

export interface ModelStackOptions {
  stacks: StackSet;
  api: ApiModel;
  none: DataSourceUse;
  sandbox: boolean;
  populateOwnerForStaticGroups: boolean;
  subUsernameClaim: boolean;
}

function declareModelStack(stacks: StackSet, name: string): void {
  if (stacks.has(name)) return;
  const stack = stacks.stack(name);
  for (const [parameter, definition] of Object.entries(DYNAMODB_PARAMETERS)) {
    stack.parameters[parameter] = definition;
    stack.passedParameters[parameter] = ref(parameter);
  }
  const env = stacks.value(name, rootParameter('env'));
  Object.assign(stack.conditions, {
    HasEnvironmentParameter: not(equals(env, 'NONE')),
    ShouldUseServerSideEncryption: equals(ref('DynamoDBEnableServerSideEncryption'), 'true'),
    [PAY_PER_REQUEST]: equals(ref('DynamoDBBillingMode'), 'PAY_PER_REQUEST'),
    ShouldUsePointInTimeRecovery: equals(ref('DynamoDBEnablePointInTimeRecovery'), 'true'),
  });
}

/** Table, role, data source and outputs of one model, in its stack (or the `@mapsTo` original's). */
export function synthesizeModelTable(model: ModelDefinition, options: ModelStackOptions): void {
  const { stacks } = options;
  const stackName = tableStack(model);
  declareModelStack(stacks, model.name);
  declareModelStack(stacks, stackName);
  const stack = stacks.stack(stackName);
  const apiId = stacks.value(stackName, API_ID);
  const env = stacks.value(stackName, rootParameter('env'));
  const baseName = model.originalName ?? model.name;
  const versioned = model.conflictResolution !== undefined;
  const table = tableId(model);
  const tableName = join('', [`${baseName}-`, apiId, '-', env]);
  const keyAttributes = new Set<string>();
  const collect = (key: { partitionKey: string; sortKeyFields: string[] }) => keySchemaOf(key).forEach((entry) => keyAttributes.add(entry.AttributeName));
  collect(model.primaryKey);
  model.indexes.forEach(collect);

  stack.addResource(table, {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      KeySchema: keySchemaOf(model.primaryKey),
      AttributeDefinitions: [...keyAttributes].map((name) => ({ AttributeName: name, AttributeType: name.includes('#') ? 'S' : attributeType(model, name) })),
      BillingMode: ifCondition(PAY_PER_REQUEST, 'PAY_PER_REQUEST', noValue),
      ...(model.indexes.length > 0
        ? {
            GlobalSecondaryIndexes: model.indexes.map((index) => ({
              IndexName: index.name,
              KeySchema: keySchemaOf(index),
              Projection: { ProjectionType: 'ALL' },
              ProvisionedThroughput: provisionedThroughput(),
            })),
          }
        : {}),
      PointInTimeRecoverySpecification: ifCondition('ShouldUsePointInTimeRecovery', { PointInTimeRecoveryEnabled: true }, noValue),
      ProvisionedThroughput: provisionedThroughput(),
      SSESpecification: { SSEEnabled: ifCondition('ShouldUseServerSideEncryption', true, false) },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TableName: tableName,
      ...(versioned ? { TimeToLiveSpecification: { AttributeName: '_ttl', Enabled: true } } : {}),
    },
    UpdateReplacePolicy: 'Delete',
    DeletionPolicy: 'Delete',
  });

  const roleId = `${baseName}IAMRole`;
  const roleLogicalId = uniqueId([roleId, 'Resource']);
  const tableArn = (name: unknown, suffix: string) =>
    sub(`arn:aws:dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${tablename}${suffix}`, { tablename: name });
  const dataStoreTable = join('', ['AmplifyDataStore-', apiId, '-', env]);
  stack.addResource(roleLogicalId, {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: APPSYNC_TRUST_POLICY,
      Policies: [
        {
          PolicyDocument: {
            Statement: [
              {
                Action: DYNAMODB_TABLE_ACTIONS,
                Effect: 'Allow',
                Resource: [
                  tableArn(tableName, ''),
                  tableArn(tableName, '/*'),
                  ...(versioned ? [tableArn(dataStoreTable, ''), tableArn(dataStoreTable, '/*')] : []),
                ],
              },
            ],
            Version: '2012-10-17',
          },
          PolicyName: 'DynamoDBAccess',
        },
      ],
      RoleName: join('', [`${roleNamePrefix(roleId)}-`, apiId, '-', env]),
    },
  });
  const policyId = uniqueId([roleId, 'DefaultPolicy', 'Resource']);
  stack.addResource(policyId, {
    Type: 'AWS::IAM::Policy',
    Properties: {
      PolicyDocument: {
        Statement: [{ Action: DYNAMODB_TABLE_ACTIONS, Effect: 'Allow', Resource: [getAtt(table, 'Arn'), join('', [getAtt(table, 'Arn'), '/index/*'])] }],
        Version: '2012-10-17',
      },
      PolicyName: policyId,
      Roles: [ref(roleLogicalId)],
    },
  });
  const dataSourceId = `${baseName}DataSource`;
  stack.addResource(dataSourceId, {
    Type: 'AWS::AppSync::DataSource',
    Properties: {
      ApiId: apiId,
      Name: table,
      Type: 'AMAZON_DYNAMODB',
      DynamoDBConfig: {
        AwsRegion: ref('AWS::Region'),
        TableName: ref(table),
        ...(versioned
          ? { Versioned: true, DeltaSyncConfig: { BaseTableTTL: '43200', DeltaSyncTableName: dataStoreTable, DeltaSyncTableTTL: '30' } }
          : {}),
      },
      ServiceRoleArn: getAtt(roleLogicalId, 'Arn'),
    },
    DependsOn: [roleLogicalId],
  });
  const exportName = (resource: string, attribute: string) => ({ Name: join(':', [apiId, 'GetAtt', resource, attribute]) });
  Object.assign(stack.outputs, {
    [`GetAtt${table}StreamArn`]: { Description: 'Your DynamoDB table StreamArn.', Value: getAtt(table, 'StreamArn'), Export: exportName(table, 'StreamArn') },
    [`GetAtt${table}Name`]: { Description: 'Your DynamoDB table name.', Value: ref(table), Export: exportName(table, 'Name') },
    [`GetAtt${dataSourceId}Name`]: {
      Description: 'Your model DataSource name.',
      Value: getAtt(dataSourceId, 'Name'),
      Export: exportName(dataSourceId, 'Name'),
    },
  });
}

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** DataStore conflict handling of a data function; a Lambda handler named with `${env}` gets the stack's env. */
function syncConfig(config: ConflictResolverConfig, env: CfnValue): Record<string, unknown> {
  const handler = config.ConflictHandler === 'LAMBDA' ? config.LambdaConflictHandler : undefined;
  const arn = (name: string) => `arn:aws:lambda:${handler?.region ?? '${AWS::Region}'}:\${AWS::AccountId}:function:${name}`;
  return {
    ConflictDetection: config.ConflictDetection,
    ConflictHandler: config.ConflictHandler,
    ...(handler
      ? {
          LambdaConflictHandlerConfig: {
            LambdaConflictHandlerArn: handler.lambdaArn ?? (handler.name.includes('${env}') ? sub(arn(handler.name), { env }) : sub(arn(handler.name))),
          },
        }
      : {}),
  };
}

/** The pipelines of a model's operations, index queries and protected fields. */
export function modelResolverPlans(model: ModelDefinition, options: ModelStackOptions): ResolverPlan[] {
  const { api, none } = options;
  const dataSource = dataSourceOf(model);
  const versioned = model.conflictResolution !== undefined;
  const hasAuth = model.auth.length > 0;
  const customKey = hasCustomPrimaryKey(model);
  const compositeIndexes = model.indexes.some((index) => index.sortKeyFields.length > 1);
  const onNone = (request: string): SlotFunction => ({ dataSource: none, request });
  const postAuth = (requestFileName?: string): SlotFunction => ({ ...onNone(postAuthTemplate(options.sandbox)), requestFileName });

  interface OperationPlan {
    typeName: 'Query' | 'Mutation' | 'Subscription';
    fieldName: string;
    logicalId: string;
    kind: ResolverPlan['kind'];
    slots: Partial<Record<SlotName, Array<SlotFunction | false>>>;
    request: string;
    response: string;
    /** The data function's source: the model's table unless given (subscriptions use NONE). */
    dataOn?: DataSourceUse;
  }
  const plan = ({ typeName, fieldName, logicalId, kind, slots, request, response, dataOn = dataSource }: OperationPlan): ResolverPlan => ({
    typeName,
    fieldName,
    logicalId,
    stack: model.name,
    kind,
    dataSourceType: dataOn.type,
    table: dataOn === dataSource ? tableRef(model) : undefined,
    deltaSync: versioned && dataOn === dataSource,
    slots: Object.fromEntries(
      Object.entries(slots)
        .map(([slot, functions]) => [slot, (functions ?? []).filter((fn): fn is SlotFunction => fn !== false)])
        .filter(([, functions]) => functions.length > 0),
    ),
    steps: [
      {
        name: `${typeName}${pascal(fieldName)}DataResolverFn`,
        dataSource: dataOn,
        request: { file: `${typeName}.${fieldName}.req.vtl`, content: request },
        response: { file: `${typeName}.${fieldName}.res.vtl`, content: response },
        syncConfig:
          versioned && dataOn === dataSource && model.conflictResolution
            ? syncConfig(model.conflictResolution, options.stacks.value(model.name, rootParameter('env')))
            : undefined,
      },
    ],
  });
  const read = (operation: 'get' | 'list' | 'sync'): SlotFunction | false => hasAuth && onNone(readAuthTemplate(api.authProviders, model.auth, operation));
  const existingItemAuth = (operation: 'update' | 'delete'): SlotFunction | false =>
    hasAuth && {
      dataSource,
      request: templates.existingItemRequestTemplate(),
      response: existingItemAuthTemplate(api.authProviders, model.auth, model.fields, operation),
    };
  const mutationKeys = [customKey && onNone(templates.primaryKeyMutationTemplate(model)), compositeIndexes && onNone(templates.compositeIndexKeysTemplate(model))];

  const plans: ResolverPlan[] = [];
  const ops = model.operations;
  if (ops.get) {
    plans.push(
      plan({
        typeName: 'Query',
        fieldName: ops.get,
        logicalId: `Get${model.name}Resolver`,
        kind: 'query',
        slots: { preAuth: [customKey && onNone(templates.primaryKeyGetTemplate(model))], auth: [read('get')], postAuth: [postAuth()] },
        request: templates.getRequestTemplate(),
        response: templates.getResponseTemplate(),
      }),
    );
  }
  if (ops.list) {
    plans.push(
      plan({
        typeName: 'Query',
        fieldName: ops.list,
        logicalId: `List${model.name}Resolver`,
        kind: 'query',
        slots: { preAuth: [customKey && onNone(templates.primaryKeyListTemplate(model))], auth: [read('list')], postAuth: [postAuth()] },
        request: templates.listRequestTemplate(),
        response: templates.listResponseTemplate(),
      }),
    );
  }
  if (ops.sync) {
    plans.push(
      plan({
        typeName: 'Query',
        fieldName: ops.sync,
        logicalId: `Sync${model.name}Resolver`,
        kind: 'query',
        slots: { auth: [read('sync')], postAuth: [postAuth()] },
        request: templates.syncRequestTemplate(),
        response: templates.listResponseTemplate(),
      }),
    );
  }
  if (ops.create) {
    plans.push(
      plan({
        typeName: 'Mutation',
        fieldName: ops.create,
        logicalId: `Create${model.name}Resolver`,
        kind: 'mutation',
        slots: {
          init: [onNone(templates.createInitTemplate(model)), model.defaults.length > 0 && onNone(templates.defaultValuesTemplate(model))],
          preAuth: mutationKeys,
          auth: [hasAuth && onNone(createAuthTemplate(api.authProviders, model.auth, model.fields, options.populateOwnerForStaticGroups))],
          postAuth: [postAuth()],
        },
        request: templates.createRequestTemplate(model),
        response: templates.mutationResponseTemplate(),
      }),
    );
  }
  if (ops.update) {
    plans.push(
      plan({
        typeName: 'Mutation',
        fieldName: ops.update,
        logicalId: `Update${model.name}Resolver`,
        kind: 'mutation',
        slots: { init: [onNone(templates.updateInitTemplate(model))], preAuth: mutationKeys, auth: [existingItemAuth('update')], postAuth: [postAuth()] },
        request: templates.updateRequestTemplate(model, versioned),
        response: templates.mutationResponseTemplate(),
      }),
    );
  }
  if (ops.delete) {
    plans.push(
      plan({
        typeName: 'Mutation',
        fieldName: ops.delete,
        logicalId: `Delete${model.name}Resolver`,
        kind: 'mutation',
        slots: { preAuth: mutationKeys, auth: [existingItemAuth('delete')], postAuth: [postAuth()] },
        request: templates.deleteRequestTemplate(model, versioned),
        response: templates.mutationResponseTemplate(),
      }),
    );
  }
  const subscriptions = ops.subscriptions;
  if (subscriptions.level !== 'off') {
    // `level: public` subscriptions run the data function alone.
    const guarded = subscriptions.level === 'on';
    for (const fieldName of [...subscriptions.onCreate, ...subscriptions.onUpdate, ...subscriptions.onDelete]) {
      plans.push(
        plan({
          typeName: 'Subscription',
          fieldName,
          logicalId: `Subscription${fieldName}Resolver`,
          kind: 'subscription',
          slots: guarded ? { auth: [hasAuth && onNone(subscriptionAuthTemplate(api.authProviders, model.auth))], postAuth: [postAuth()] } : {},
          request: templates.subscriptionRequestTemplate(),
          response: templates.subscriptionResponseTemplate(),
          dataOn: none,
        }),
      );
    }
  }
  for (const index of model.indexes) {
    if (!index.queryField) continue;
    plans.push(
      plan({
        typeName: 'Query',
        fieldName: index.queryField,
        logicalId: `Query${index.queryField}Resolver`,
        kind: 'query',
        // The original writes this request template under a `.res.vtl` name.
        slots: { auth: [read('list')], postAuth: [postAuth(`Query.${index.queryField}.postAuth.1.res.vtl`)] },
        request: templates.indexQueryRequestTemplate(index),
        response: templates.listResponseTemplate(),
      }),
    );
  }
  plans.push(...protectedFieldPlans(model, options));
  return plans;
}

const ownerRulesWithDefaultClaim = (rules: AuthRule[], subUsernameClaim: boolean): AuthRule[] =>
  subUsernameClaim ? rules.filter((rule) => rule.allow === 'owner' && (rule.identityClaim === undefined || rule.identityClaim === 'sub::username')) : [];

/** Field-level auth resolvers and the owner-field resolvers that show `sub::username` owners as usernames. */
function protectedFieldPlans(model: ModelDefinition, options: ModelStackOptions): ResolverPlan[] {
  const relational = new Set(model.relations.map((relation) => relation.field));
  const fieldPlan = (field: ModelField, request: string, response: string): ResolverPlan => ({
    typeName: model.name,
    fieldName: field.name,
    logicalId: `${model.name}${field.name}Resolver`,
    stack: model.name,
    kind: 'query',
    dataSourceType: 'NONE',
    slots: {},
    steps: [
      {
        name: `${model.name}${pascal(field.name)}DataResolverFn`,
        dataSource: options.none,
        request: { file: `${model.name}.${field.name}.req.vtl`, content: request },
        response: { file: `${model.name}.${field.name}.res.vtl`, content: response },
      },
    ],
  });
  const plans: ResolverPlan[] = [];
  const covered = new Set<string>();
  for (const field of model.fields) {
    if (!field.auth || relational.has(field.name)) continue;
    covered.add(field.name);
    plans.push(fieldPlan(field, fieldReadAuthTemplate(options.api.authProviders, field.auth), protectedFieldResponseTemplate(field.name)));
  }
  for (const rule of ownerRulesWithDefaultClaim(model.auth, options.subUsernameClaim)) {
    const name = rule.ownerField ?? 'owner';
    const field = model.fields.find((candidate) => candidate.name === name);
    if (!field || covered.has(name)) continue;
    covered.add(name);
    plans.push(fieldPlan(field, nonePayloadRequest(), ownerFieldResponseTemplate(name, rule.ownerFieldIsList ?? field.type.list)));
  }
  return plans;
}

/** Relational fields, resolved in the ConnectionStack against the related model's table. */
export function relationResolverPlans(model: ModelDefinition, options: ModelStackOptions): ResolverPlan[] {
  const byName = new Map(options.api.models.map((candidate) => [candidate.name, candidate]));
  return model.relations.map((relation) => {
    const target = byName.get(relation.joinModel ?? relation.relatedModel);
    if (!target) throw new Error(`relation ${model.name}.${relation.field} names an unknown model`);
    const many = relation.kind === 'hasMany' || relation.kind === 'manyToMany';
    const dataSource = dataSourceOf(target);
    const readRules = target.auth;
    return {
      typeName: model.name,
      fieldName: relation.field,
      logicalId: `${model.name}${relation.field}Resolver`,
      stack: CONNECTION_STACK,
      kind: 'query',
      dataSourceType: 'AMAZON_DYNAMODB',
      table: tableRef(target),
      slots:
        readRules.length > 0
          ? { auth: [{ dataSource: options.none, request: readAuthTemplate(options.api.authProviders, readRules, many ? 'list' : 'get', true) }] }
          : {},
      steps: [
        {
          name: `${model.name}${pascal(relation.field)}DataResolverFn`,
          dataSource,
          request: {
            file: `${model.name}.${relation.field}.req.vtl`,
            content: many ? hasManyRequestTemplate(relation, target) : singleRelationRequestTemplate(relation, target),
          },
          response: { file: `${model.name}.${relation.field}.res.vtl`, content: many ? hasManyResponseTemplate() : singleRelationResponseTemplate() },
          syncConfig: target.conflictResolution ? syncConfig(target.conflictResolution, options.stacks.value(CONNECTION_STACK, rootParameter('env'))) : undefined,
        },
      ],
    };
  });
}

