import type { CfnResource, CfnTemplate } from '../root-stack/root-stack-template';

type Crud = 'create' | 'read' | 'update' | 'delete';

/** What the auth stack needs of one REST API: its paths' access (the api category's `cli-inputs.json`). */
export interface RestApiAccess {
  apiName: string;
  paths: Record<string, { permissions?: { setting?: string; auth?: Crud[]; guest?: Crud[] } }>;
}

export const API_GATEWAY_AUTH_STACK = 'APIGatewayAuthStack';
/** Managed policies are split before this many characters of resources, as the original does. */
const POLICY_SIZE_LIMIT = 6144;

function methodsOf(operations: readonly Crud[]): string[] {
  const unique = new Set(operations);
  if (unique.size === 4) return ['*'];
  const methods: string[] = [];
  if (unique.has('create')) methods.push('POST');
  if (unique.has('read')) methods.push('GET');
  if (unique.has('update')) methods.push('PUT', 'PATCH');
  if (unique.has('delete')) methods.push('DELETE');
  return methods;
}

function invokeArns(apiName: string, apiPath: string, operations: readonly Crud[]): unknown[] {
  const arnPath = apiPath.replace(/\{[^}]+\}/g, '*');
  const stage = { 'Fn::If': ['ShouldNotCreateEnvResources', 'Prod', { Ref: 'env' }] };
  return methodsOf(operations).flatMap((method) =>
    [arnPath, `${arnPath === '/' ? '' : arnPath}/*`].map((p) => ({
      'Fn::Join': ['', ['arn:aws:execute-api:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':', { Ref: apiName }, '/', stage, `/${method}${p}`]],
    })),
  );
}

function policies(prefix: string, roleParameter: string, resources: unknown[]): Record<string, CfnResource> {
  const groups: unknown[][] = [];
  let size = POLICY_SIZE_LIMIT;
  for (const resource of resources) {
    const length = JSON.stringify(resource).length;
    if (size + length > POLICY_SIZE_LIMIT) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(resource);
    size += length;
  }
  return Object.fromEntries(
    groups.map((group, index) => [
      `${prefix}${index + 1}`,
      {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: {
          Roles: [{ Ref: roleParameter }],
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['execute-api:Invoke'], Resource: group }] },
        },
      },
    ]),
  );
}

/**
 * The stack that lets signed-in and guest identities call the restricted paths of REST APIs (reference §3.4):
 * `execute-api:Invoke` on each path's methods, attached to the project's auth and unauth roles. Undefined when no
 * path is restricted.
 */
export function apiGatewayAuthStack(apis: readonly RestApiAccess[]): CfnTemplate | undefined {
  const authResources: unknown[] = [];
  const guestResources: unknown[] = [];
  const used: string[] = [];
  for (const api of apis) {
    let restricted = false;
    for (const [apiPath, config] of Object.entries(api.paths)) {
      const permissions = config.permissions;
      if (permissions?.setting !== 'private' && permissions?.setting !== 'protected') continue;
      restricted = true;
      authResources.push(...invokeArns(api.apiName, apiPath, permissions.auth ?? []));
      if (permissions.setting === 'protected') guestResources.push(...invokeArns(api.apiName, apiPath, permissions.guest ?? []));
    }
    if (restricted) used.push(api.apiName);
  }
  if (authResources.length === 0 && guestResources.length === 0) return undefined;
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'API Gateway policy stack created using Amplify CLI',
    Parameters: {
      authRoleName: { Type: 'String' },
      unauthRoleName: { Type: 'String' },
      env: { Type: 'String' },
      ...Object.fromEntries(used.map((name) => [name, { Type: 'String' }])),
    },
    Conditions: { ShouldNotCreateEnvResources: { 'Fn::Equals': [{ Ref: 'env' }, 'NONE'] } },
    Resources: { ...policies('PolicyAPIGWAuth', 'authRoleName', authResources), ...policies('PolicyAPIGWUnauth', 'unauthRoleName', guestResources) },
  };
}

/** The root template's parameters for the auth stack: role names from the root, each API's id from its stack. */
export function apiGatewayAuthStackParameters(template: CfnTemplate, envName: string): Record<string, unknown> {
  const parameters: Record<string, unknown> = { authRoleName: { Ref: 'AuthRoleName' }, unauthRoleName: { Ref: 'UnauthRoleName' }, env: envName };
  for (const name of Object.keys(template.Parameters ?? {})) {
    if (!(name in parameters)) parameters[name] = { 'Fn::GetAtt': [`api${name}`, 'Outputs.ApiId'] };
  }
  return parameters;
}
