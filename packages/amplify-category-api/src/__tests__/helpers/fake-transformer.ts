import type { CfnTemplate, TransformInput, TransformOutput } from 'amplify-graphql-transformer';
import type { CompileDependencies } from '../../service/compile';

/** Thrown by the fake like the real transformer's TransformError (the compile recognises it by name). */
export class FakeTransformError extends Error {
  constructor(
    message: string,
    readonly location?: { path: string; line: number; column: number },
  ) {
    super(message);
    this.name = 'TransformError';
  }
}

/** `type X @model` names of the input, in order. */
export function modelsOf(input: TransformInput): string[] {
  return input.sources.flatMap((source) => [...source.text.matchAll(/\btype\s+(\w+)[^{]*@model\b/g)].map((m) => m[1]));
}

/**
 * A stand-in for the transformer with the contract's shape: one nested stack per model (a table keyed on `id`),
 * a root stack declaring the parameters the real one declares for the input's auth modes, user resolvers copied.
 * `@broken` on a field is refused with the field's place, as a real schema error is.
 */
export function fakeTransform(input: TransformInput): TransformOutput {
  for (const source of input.sources) {
    const lines = source.text.split('\n');
    const line = lines.findIndex((l) => l.includes('@broken'));
    if (line >= 0) {
      const field = /(\w+)\s*:/.exec(lines[line])?.[1] ?? '?';
      throw new FakeTransformError(`Unknown directive "@broken" on field '${field}'.`, { path: source.path, line: line + 1, column: lines[line].indexOf('@broken') + 1 });
    }
  }
  const modes = [input.authConfig.defaultAuthentication, ...input.authConfig.additionalAuthenticationProviders].map((p) => p.authenticationType);
  const models = modelsOf(input);
  const stacks: Record<string, CfnTemplate> = {};
  for (const model of models) {
    stacks[model] = {
      Resources: {
        [`${model}Table`]: {
          Type: 'AWS::DynamoDB::Table',
          Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' },
        },
      },
    };
  }
  for (const [name, text] of Object.entries(input.userStacks ?? {})) stacks[name.replace(/\.json$/, '')] = JSON.parse(text) as CfnTemplate;
  const parameters: Record<string, unknown> = { env: { Type: 'String', Default: 'NONE' }, AppSyncApiName: { Type: 'String', Default: 'AppSyncSimpleTransform' } };
  if (modes.includes('AWS_IAM')) Object.assign(parameters, { authRoleName: { Type: 'String' }, unauthRoleName: { Type: 'String' } });
  if (modes.includes('AMAZON_COGNITO_USER_POOLS')) parameters.AuthCognitoUserPoolId = { Type: 'String' };
  Object.assign(parameters, {
    DynamoDBBillingMode: { Type: 'String', Default: 'PAY_PER_REQUEST' },
    DynamoDBEnableServerSideEncryption: { Type: 'String', Default: 'true' },
    S3DeploymentBucket: { Type: 'String' },
    S3DeploymentRootKey: { Type: 'String' },
  });
  const days = input.authConfig.defaultAuthentication.apiKeyConfig?.apiKeyExpirationDays ?? 7;
  const resources: Record<string, unknown> = { GraphQLAPI: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: { Ref: 'AppSyncApiName' }, AuthenticationType: modes[0] } } };
  if (modes.includes('API_KEY')) {
    resources.GraphQLAPIDefaultApiKey215A6DD7 = {
      Type: 'AWS::AppSync::ApiKey',
      Properties: { ApiId: { 'Fn::GetAtt': ['GraphQLAPI', 'ApiId'] }, Expires: Math.floor((input.now ?? new Date()).getTime() / 1000) + days * 86400 },
    };
  }
  const resolvers: Record<string, string> = {};
  for (const model of models) resolvers[`Query.get${model}.req.vtl`] = `## get ${model}`;
  Object.assign(resolvers, input.userResolvers ?? {});
  return {
    schema: models.map((m) => `type ${m} {\n  id: ID!\n}\n`).join('\n'),
    rootStack: { Parameters: parameters, Resources: resources, Outputs: {} },
    stacks,
    resolvers,
    warnings: modes.includes('API_KEY') && input.sources.some((s) => s.text.includes('input AMPLIFY')) ? ['⚠️  WARNING: your GraphQL API currently allows public create, read, update, and delete access to all models via an API Key.'] : [],
  };
}

/** A table whose key schema differs, or a model gone, is destructive (what the real guard reports, in short). */
export function fakeFindDestructiveChanges(deployed: { stacks: Record<string, CfnTemplate> }, next: { stacks: Record<string, CfnTemplate> }): string[] {
  const removed = Object.keys(deployed.stacks).filter((name) => name !== 'CustomResources' && !(name in next.stacks));
  return removed.length > 0 ? [`This update will remove table(s) [${removed.map((n) => `${n}Table`).join(', ')}].`, 'ALL EXISTING DATA IN THESE TABLES WILL BE LOST!'] : [];
}

export const fakeDependencies: CompileDependencies = { transform: fakeTransform, findDestructiveChanges: fakeFindDestructiveChanges };
