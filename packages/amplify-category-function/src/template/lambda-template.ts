import { DEFAULT_HANDLER, NODE_RUNTIME } from '../constants';
import { type CrudTable, dependencyParameter, environmentVariableParameter, resourceEnvironmentVariable } from '../function-definition';
import type { FunctionLayer } from '../layer-definition';

/** Another resource the function reads outputs of: its attributes and the IAM statements its category grants. */
export interface ResolvedAccess {
  category: string;
  resourceName: string;
  attributes: string[];
  /** IAM policy statements from the category's `getPermissionPolicies`. */
  statements: unknown[];
}

export interface LambdaTemplateInput {
  functionName: string;
  roleName: string;
  /** Custom environment variable names; each gets a parameter whose value is env-specific. */
  environmentVariables: readonly string[];
  access: readonly ResolvedAccess[];
  crudTable?: CrudTable;
  /** Trigger template: the storage table whose DynamoDB stream invokes the function. */
  triggerTable?: string;
  /** Invoked on the schedule in the `CloudWatchRule` parameter (parameters.json holds the expression). */
  scheduled?: boolean;
  /** The layers the function runs with, in order. */
  layers?: readonly FunctionLayer[];
}

export interface DependsOnEntry {
  category: string;
  resourceName: string;
  attributes: string[];
}

type Json = string | number | boolean | Json[] | { [key: string]: Json };
export type LambdaTemplate = { [key: string]: Json } & {
  Parameters: Record<string, { [key: string]: Json }>;
  Resources: Record<string, { Type: string; [key: string]: Json }>;
  Outputs: Record<string, { [key: string]: Json }>;
};

const ENV_CONDITION = 'ShouldNotCreateEnvResources';
const ref = (name: string): Json => ({ Ref: name });

/** `name` when env is NONE, else `name-<env>`: the original's physical name convention. */
function envSuffixed(name: string): Json {
  return { 'Fn::If': [ENV_CONDITION, name, { 'Fn::Join': ['', [name, '-', ref('env')]] }] };
}

/** The CRUD template's own dependency on its table, merged with any access the user picked on the same table. */
export function dependenciesOf(input: Pick<LambdaTemplateInput, 'access' | 'crudTable' | 'triggerTable' | 'layers'>): DependsOnEntry[] {
  const byKey = new Map<string, DependsOnEntry>();
  const add = (category: string, resourceName: string, attributes: readonly string[]): void => {
    const key = `${category}/${resourceName}`;
    const entry = byKey.get(key) ?? { category, resourceName, attributes: [] };
    for (const attribute of attributes) if (!entry.attributes.includes(attribute)) entry.attributes.push(attribute);
    byKey.set(key, entry);
  };
  if (input.crudTable) add('storage', input.crudTable.resourceName, ['Name', 'Arn']);
  if (input.triggerTable) add('storage', input.triggerTable, ['Name', 'Arn', 'StreamArn']);
  for (const access of input.access) add(access.category, access.resourceName, access.attributes);
  // As the original records it: a function using a project layer depends on the layer's Arn output.
  for (const layer of input.layers ?? []) if (layer.type === 'ProjectLayer') add('function', layer.resourceName, ['Arn']);
  return [...byKey.values()];
}

function isProjectLayer(layers: readonly FunctionLayer[] | undefined, dependency: DependsOnEntry): boolean {
  return dependency.category === 'function' && (layers ?? []).some((layer) => layer.type === 'ProjectLayer' && layer.resourceName === dependency.resourceName);
}

/**
 * `Layers` as the original renders them: a pinned project layer version by its ARN (`<layer>-<env>:<n>` in this
 * stack's region and account), the latest one through the layer stack's `Arn` output, an external layer as given.
 */
export function layerArns(layers: readonly FunctionLayer[]): Json[] {
  return layers.map((layer): Json => {
    if (layer.type === 'ExternalLayer') return layer.arn;
    if (layer.isLatestVersionSelected) return ref(dependencyParameter('function', layer.resourceName, 'Arn'));
    return { 'Fn::Sub': `arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:layer:${layer.resourceName}-\${env}:${String(layer.version)}` };
  });
}

/** Statements of the execution policy: logs for the function's own log group, plus the table for CRUD. */
function executionStatements(crudTable: CrudTable | undefined): Json[] {
  const statements: Json[] = [
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: {
        'Fn::Sub': [
          'arn:${AWS::Partition}:logs:${region}:${account}:log-group:/aws/lambda/${lambda}:log-stream:*',
          { region: ref('AWS::Region'), account: ref('AWS::AccountId'), lambda: ref('LambdaFunction') },
        ],
      },
    },
  ];
  if (crudTable) {
    const arn = ref(dependencyParameter('storage', crudTable.resourceName, 'Arn'));
    statements.push({
      Effect: 'Allow',
      Action: ['dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
      Resource: [arn, { 'Fn::Join': ['/', [arn, 'index/*']] }],
    });
  }
  return statements;
}

/**
 * The function's CloudFormation template: execution role and policies, the function with its code
 * at `deploymentBucketName`/`s3Key` (filled in at push), environment variables for the env, the region, each custom
 * variable and each attribute of the resources it may access, and the outputs the original writes to meta.
 */
export function lambdaTemplate(input: LambdaTemplateInput): LambdaTemplate {
  const dependencies = dependenciesOf(input);
  const parameters: LambdaTemplate['Parameters'] = {
    CloudWatchRule: { Type: 'String', Default: 'NONE', Description: ' Schedule Expression' },
    deploymentBucketName: { Type: 'String' },
    env: { Type: 'String' },
    s3Key: { Type: 'String' },
  };
  const variables: Record<string, Json> = { ENV: ref('env'), REGION: ref('AWS::Region') };
  for (const dependency of dependencies) {
    for (const attribute of dependency.attributes) {
      const parameter = dependencyParameter(dependency.category, dependency.resourceName, attribute);
      // The default lets the template stand alone (validation, a first deploy); the root stack passes the real value.
      parameters[parameter] = { Type: 'String', Default: parameter };
      if (isProjectLayer(input.layers, dependency)) continue;
      variables[resourceEnvironmentVariable(dependency.category, dependency.resourceName, attribute)] = ref(parameter);
    }
  }
  for (const name of input.environmentVariables) {
    const parameter = environmentVariableParameter(name);
    parameters[parameter] = { Type: 'String' };
    variables[name] = ref(parameter);
  }

  const resources: LambdaTemplate['Resources'] = {
    LambdaFunction: {
      Type: 'AWS::Lambda::Function',
      Metadata: { 'aws:asset:path': './src', 'aws:asset:property': 'Code' },
      Properties: {
        Code: { S3Bucket: ref('deploymentBucketName'), S3Key: ref('s3Key') },
        Handler: DEFAULT_HANDLER,
        FunctionName: envSuffixed(input.functionName),
        Environment: { Variables: variables },
        Role: { 'Fn::GetAtt': ['LambdaExecutionRole', 'Arn'] },
        Runtime: NODE_RUNTIME,
        Layers: layerArns(input.layers ?? []),
        Timeout: 25,
      },
    },
    LambdaExecutionRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: envSuffixed(input.roleName),
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
        },
      },
    },
    lambdaexecutionpolicy: {
      DependsOn: ['LambdaExecutionRole'],
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: 'lambda-execution-policy',
        Roles: [ref('LambdaExecutionRole')],
        PolicyDocument: { Version: '2012-10-17', Statement: executionStatements(input.crudTable) },
      },
    },
  };
  const statements = input.access.flatMap((access) => access.statements) as Json[];
  if (statements.length > 0) {
    resources.AmplifyResourcesPolicy = {
      DependsOn: ['LambdaExecutionRole'],
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: 'amplify-lambda-execution-policy',
        Roles: [ref('LambdaExecutionRole')],
        PolicyDocument: { Version: '2012-10-17', Statement: statements },
      },
    };
  }

  if (input.triggerTable) {
    const streamArn = ref(dependencyParameter('storage', input.triggerTable, 'StreamArn'));
    resources[`LambdaTriggerPolicy${input.triggerTable}`] = {
      DependsOn: ['LambdaExecutionRole'],
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: `amplify-lambda-execution-policy-${input.triggerTable}`,
        Roles: [ref('LambdaExecutionRole')],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'], Resource: streamArn }],
        },
      },
    };
    // The mapping needs the stream permissions in place, or Lambda refuses to create it.
    resources[`LambdaEventSourceMapping${input.triggerTable}`] = {
      Type: 'AWS::Lambda::EventSourceMapping',
      DependsOn: [`LambdaTriggerPolicy${input.triggerTable}`, 'LambdaExecutionRole'],
      Properties: {
        BatchSize: 100,
        Enabled: true,
        EventSourceArn: streamArn,
        FunctionName: { 'Fn::GetAtt': ['LambdaFunction', 'Arn'] },
        StartingPosition: 'LATEST',
      },
    };
  }
  const outputs: LambdaTemplate['Outputs'] = {
    Name: { Value: ref('LambdaFunction') },
    Arn: { Value: { 'Fn::GetAtt': ['LambdaFunction', 'Arn'] } },
    Region: { Value: ref('AWS::Region') },
    LambdaExecutionRole: { Value: ref('LambdaExecutionRole') },
    LambdaExecutionRoleArn: { Value: { 'Fn::GetAtt': ['LambdaExecutionRole', 'Arn'] } },
  };
  if (input.scheduled) {
    resources.CloudWatchEvent = {
      Type: 'AWS::Events::Rule',
      Properties: {
        Description: 'Schedule rule for Lambda',
        ScheduleExpression: ref('CloudWatchRule'),
        State: 'ENABLED',
        Targets: [{ Arn: { 'Fn::GetAtt': ['LambdaFunction', 'Arn'] }, Id: ref('LambdaFunction') }],
      },
    };
    resources.PermissionForEventsToInvokeLambda = {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        FunctionName: ref('LambdaFunction'),
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': ['CloudWatchEvent', 'Arn'] },
      },
    };
    outputs.CloudWatchEventRule = { Value: ref('CloudWatchEvent') };
  }

  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Lambda function ${input.functionName}, generated by the amplify function category`,
    Parameters: parameters,
    Conditions: { [ENV_CONDITION]: { 'Fn::Equals': [ref('env'), 'NONE'] } },
    Resources: resources,
    Outputs: outputs,
  };
}
