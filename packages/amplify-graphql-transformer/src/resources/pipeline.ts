import { TransformError } from '../transform-types';
import { functionLogicalId } from './cdk-names';
import { type CfnValue, joinText, ref } from './cfn';
import { rootParameter, type StackRef, type StackSet } from './stack-set';

export type SlotName = 'init' | 'preAuth' | 'auth' | 'postAuth' | 'preDataLoad' | 'preUpdate' | 'preSubscribe' | 'postDataLoad' | 'postUpdate' | 'finish';
export type OperationKind = 'query' | 'mutation' | 'subscription';
export type DataSourceType = 'AMAZON_DYNAMODB' | 'NONE' | 'AWS_LAMBDA' | 'HTTP' | 'AMAZON_ELASTICSEARCH';

const ALL_SLOTS: SlotName[] = ['init', 'preAuth', 'auth', 'postAuth', 'preDataLoad', 'preUpdate', 'preSubscribe', 'postDataLoad', 'postUpdate', 'finish'];

/** The slots of each kind of operation, around its data function. */
export const SLOTS: Record<OperationKind, { before: SlotName[]; after: SlotName[] }> = {
  query: { before: ['init', 'preAuth', 'auth', 'postAuth', 'preDataLoad'], after: ['postDataLoad', 'finish'] },
  mutation: { before: ['init', 'preAuth', 'auth', 'postAuth', 'preUpdate'], after: ['postUpdate', 'finish'] },
  subscription: { before: ['init', 'preAuth', 'auth', 'postAuth', 'preSubscribe'], after: [] },
};

/** A data source a function runs against: the `Name` of its resource. */
export interface DataSourceUse {
  name: StackRef;
  type: DataSourceType;
}

export interface SlotFunction {
  dataSource: DataSourceUse;
  request?: string;
  response?: string;
  /** The file the request template is written to when not the slot's own `.req.vtl` (index queries' postAuth). */
  requestFileName?: string;
}

/** A function of the pipeline outside the slots: the data function(s), or an auth function of a custom field. */
export interface PipelineStep {
  name: string;
  dataSource: DataSourceUse;
  request: { file: string; content: string };
  response?: { file: string; content: string };
  /** Where the function lives when not with its resolver (custom fields' auth functions live in the root). */
  stack?: string;
  syncConfig?: Record<string, unknown>;
}

export interface ResolverPlan {
  typeName: string;
  fieldName: string;
  logicalId: string;
  stack: string;
  kind: OperationKind;
  dataSourceType: DataSourceType;
  /** DynamoDB table whose name the resolver stashes as `tableName`. */
  table?: StackRef;
  /** Stash `deltaSyncTableTtl` (DataStore). */
  deltaSync?: boolean;
  slots: Partial<Record<SlotName, SlotFunction[]>>;
  steps: PipelineStep[];
  /** Deployment values templates read from the stash (`@http` URLs naming `${env}` or `${aws_region}`). */
  stashDeploymentValues?: Array<'env' | 'awsRegion'>;
  /** A response template file; absent means the inline "previous result" response. */
  response?: { file: string; content: string };
}

export interface PipelineOptions {
  stacks: StackSet;
  apiId: StackRef;
  none: DataSourceUse;
  iam: boolean;
  identityPoolId?: string;
  adminRoles: string[];
  dedupe: boolean;
  stackMapping: Record<string, string>;
}

const slotFile = (plan: ResolverPlan, slot: SlotName, position: number, half: 'req' | 'res'): string =>
  `${plan.typeName}.${plan.fieldName}.${slot}.${position}.${half}.vtl`;

/** Every generated template file of the plans, by file name. */
export function generatedFiles(plans: ResolverPlan[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const plan of plans) {
    for (const slot of ALL_SLOTS) {
      (plan.slots[slot] ?? []).forEach((fn, index) => {
        if (fn.request !== undefined) files[fn.requestFileName ?? slotFile(plan, slot, index + 1, 'req')] = fn.request;
        if (fn.response !== undefined) files[slotFile(plan, slot, index + 1, 'res')] = fn.response;
      });
    }
    for (const step of plan.steps) {
      files[step.request.file] = step.request.content;
      if (step.response) files[step.response.file] = step.response.content;
    }
    if (plan.response) files[plan.response.file] = plan.response.content;
  }
  return files;
}

const USER_SLOT_FILE = new RegExp(`^([_A-Za-z][_0-9A-Za-z]*)\\.([_A-Za-z][_0-9A-Za-z]*)\\.(${ALL_SLOTS.join('|')})\\.([1-9][0-9]*)\\.(req|res)\\.vtl$`);

/**
 * User slot files (`<Type>.<field>.<slot>.<n>.(req|res).vtl`) add functions to a resolver's slot where the slot
 * has no n-th function; the contents of existing ones are replaced through the file map.
 */
export function addUserSlots(plans: ResolverPlan[], userFiles: Record<string, string>, none: DataSourceUse): void {
  for (const [fileName, content] of Object.entries(userFiles)) {
    const match = USER_SLOT_FILE.exec(fileName);
    if (!match) continue;
    const [, typeName, fieldName, slotText, positionText, half] = match;
    const slot = slotText as SlotName;
    const plan = plans.find((candidate) => candidate.typeName === typeName && candidate.fieldName === fieldName);
    if (!plan) continue;
    const { before, after } = SLOTS[plan.kind];
    if (!before.includes(slot) && !after.includes(slot)) throw new TransformError(`Resolver is missing slot ${slot}`);
    const functions = (plan.slots[slot] ??= []);
    const position = Number(positionText);
    while (functions.length < position) functions.push({ dataSource: none });
    const fn = functions[position - 1];
    if (half === 'req') fn.request = content;
    else fn.response = content;
  }
}

interface FunctionPlan {
  name: string;
  stack: string;
  dataSource: DataSourceUse;
  request: { file?: string; content: string };
  response: { file?: string; content: string };
  syncConfig?: Record<string, unknown>;
}

/** Default templates of a slot function that has only one half written. */
const INLINE_REQUEST = '$util.toJson({})';
const INLINE_RESPONSE_BEFORE_DATA = '$util.toJson({})';
const INLINE_RESPONSE_AFTER_DATA = '$util.toJson($ctx.prev.result)';

/** Creates the functions and resolvers of the plans in their stacks, sharing identical functions unless disabled. */
export function synthesizePipelines(plans: ResolverPlan[], files: Record<string, string>, options: PipelineOptions): void {
  const { stacks } = options;
  const shared = new Map<string, StackRef>();
  // Templates are compared by a number per distinct text, so a key is short whatever the templates' size.
  const texts = new Map<string, number>();
  const textId = (text: string): number => {
    let id = texts.get(text);
    if (id === undefined) {
      id = texts.size;
      texts.set(text, id);
    }
    return id;
  };

  const functionRef = (fn: FunctionPlan): StackRef => {
    const { stack: dataSourceStack, logicalId: dataSourceId } = fn.dataSource.name;
    const key = `${dataSourceStack}/${dataSourceId}:${textId(fn.request.content)}:${textId(fn.response.content)}:${fn.syncConfig ? JSON.stringify(fn.syncConfig) : ''}`;
    const existing = options.dedupe ? shared.get(key) : undefined;
    // Sharing must not make two stacks wait for each other (a StackMapping stack reading the model's table).
    if (existing && (existing.stack === fn.stack || !stacks.dependsOn(existing.stack, fn.stack))) return existing;
    const logicalId = functionLogicalId(fn.name);
    const stack = stacks.stack(fn.stack);
    const template = (half: 'Request' | 'Response', part: FunctionPlan['request']): Record<string, CfnValue> =>
      part.file !== undefined
        ? { [`${half}MappingTemplateS3Location`]: stacks.s3Location(fn.stack, `resolvers/${part.file}`) }
        : { [`${half}MappingTemplate`]: part.content };
    stack.addResource(logicalId, {
      Type: 'AWS::AppSync::FunctionConfiguration',
      Properties: {
        ApiId: stacks.value(fn.stack, options.apiId),
        DataSourceName: stacks.value(fn.stack, fn.dataSource.name),
        FunctionVersion: '2018-05-29',
        Name: fn.name,
        ...template('Request', fn.request),
        ...template('Response', fn.response),
        ...(fn.syncConfig ? { SyncConfig: fn.syncConfig } : {}),
      },
    });
    const reference: StackRef = { stack: fn.stack, path: [fn.name, `${fn.name}.AppSyncFunction`], logicalId, attribute: 'FunctionId' };
    if (options.dedupe && !existing) shared.set(key, reference);
    return reference;
  };

  for (const plan of plans) {
    const stackName = options.stackMapping[plan.logicalId] ?? plan.stack;
    const slotFunctions = (slots: SlotName[], afterData: boolean): FunctionPlan[] =>
      slots.flatMap((slot) =>
        (plan.slots[slot] ?? []).map((fn, index) => {
          const requestFile = fn.request !== undefined ? (fn.requestFileName ?? slotFile(plan, slot, index + 1, 'req')) : undefined;
          const responseFile = fn.response !== undefined ? slotFile(plan, slot, index + 1, 'res') : undefined;
          return {
            name: `${plan.typeName}${plan.fieldName}${slot}${index}Function`,
            stack: stackName,
            dataSource: fn.dataSource,
            request: requestFile !== undefined ? { file: requestFile, content: files[requestFile] } : { content: INLINE_REQUEST },
            response:
              responseFile !== undefined
                ? { file: responseFile, content: files[responseFile] }
                : { content: afterData ? INLINE_RESPONSE_AFTER_DATA : INLINE_RESPONSE_BEFORE_DATA },
          };
        }),
      );
    const steps: FunctionPlan[] = plan.steps.map((step) => ({
      name: step.name,
      stack: step.stack ?? stackName,
      dataSource: step.dataSource,
      request: { file: step.request.file, content: files[step.request.file] },
      response: step.response ? { file: step.response.file, content: files[step.response.file] } : { content: INLINE_RESPONSE_AFTER_DATA },
      syncConfig: step.syncConfig,
    }));
    const { before, after } = SLOTS[plan.kind];
    const functions = [...slotFunctions(before, false), ...steps, ...slotFunctions(after, true)].map(functionRef);
    const stack = stacks.stack(stackName);
    stack.addResource(plan.logicalId, {
      Type: 'AWS::AppSync::Resolver',
      Properties: {
        ApiId: stacks.value(stackName, options.apiId),
        FieldName: plan.fieldName,
        Kind: 'PIPELINE',
        PipelineConfig: { Functions: functions.map((fn) => stacks.value(stackName, fn)) },
        RequestMappingTemplate: resolverRequestTemplate(plan, stackName, options),
        ...(plan.response
          ? { ResponseMappingTemplateS3Location: stacks.s3Location(stackName, `resolvers/${plan.response.file}`) }
          : { ResponseMappingTemplate: '$util.toJson($ctx.prev.result)' }),
        TypeName: plan.typeName,
      },
    });
  }
}

/** The resolver's inline "before" template: what every function of the pipeline finds in the stash. */
function resolverRequestTemplate(plan: ResolverPlan, stackName: string, options: PipelineOptions): CfnValue {
  const { stacks } = options;
  const put = (key: string, value: string): string => `$util.qr($ctx.stash.put("${key}", ${value}))\n`;
  const roleArn = (parameter: string): CfnValue[] => [
    'arn:aws:sts::',
    ref('AWS::AccountId'),
    ':assumed-role/',
    stacks.value(stackName, rootParameter(parameter)),
    '/CognitoIdentityCredentials',
  ];
  const parts: CfnValue[] = [
    put('typeName', `"${plan.typeName}"`),
    put('fieldName', `"${plan.fieldName}"`),
    put('conditions', '[]'),
    put('metadata', '{}'),
    `$util.qr($ctx.stash.metadata.put("dataSourceType", "${plan.dataSourceType}"))\n`,
    '$util.qr($ctx.stash.metadata.put("apiId", "',
    stacks.value(stackName, options.apiId),
    '"))\n',
    put('connectionAttributes', '{}'),
  ];
  if (plan.table) parts.push('$util.qr($ctx.stash.put("tableName", "', stacks.value(stackName, plan.table), '"))\n');
  if (plan.deltaSync) parts.push(put('deltaSyncTableTtl', '"30"'));
  if (options.iam) {
    parts.push('$util.qr($ctx.stash.put("authRole", "', ...roleArn('authRoleName'), '"))\n');
    parts.push('$util.qr($ctx.stash.put("unauthRole", "', ...roleArn('unauthRoleName'), '"))\n');
  }
  for (const key of plan.stashDeploymentValues ?? []) {
    parts.push(`$util.qr($ctx.stash.put("${key}", "`, key === 'env' ? stacks.value(stackName, rootParameter('env')) : ref('AWS::Region'), '"))\n');
  }
  if (options.identityPoolId !== undefined) parts.push(put('identityPoolId', `"${options.identityPoolId}"`));
  parts.push(put('adminRoles', JSON.stringify(options.adminRoles)));
  parts.push('$util.toJson({})');
  return joinText(parts);
}
