/** What a function is made of, as the walkthrough or a headless request decides it and the files record it. */
import type { FunctionLayer } from './layer-definition';

/** The templates `amplify add function` offers. */
export const FUNCTION_TEMPLATES = ['hello-world', 'crud', 'serverless', 'trigger'] as const;
export type WalkthroughTemplateName = (typeof FUNCTION_TEMPLATES)[number];
/**
 * Every template a function can be made from: `s3-trigger` is only created by the storage walkthrough
 * (`addTriggerFunction`), which wires it to its bucket; on its own it would receive no events.
 */
export type FunctionTemplateName = WalkthroughTemplateName | 's3-trigger';

export const CRUD_OPERATIONS = ['create', 'read', 'update', 'delete'] as const;
export type CrudOperation = (typeof CRUD_OPERATIONS)[number];

/** Operations granted on one resource of another category, as the original's `permissions` map records them. */
export interface ResourceAccess {
  category: string;
  resourceName: string;
  operations: CrudOperation[];
}

export type KeyType = 'string' | 'number' | 'binary';

/** A DynamoDB table of the storage category, as the CRUD template needs it. */
export interface CrudTable {
  resourceName: string;
  tableName: string;
  partitionKey: { name: string; type: KeyType };
  sortKey?: { name: string; type: KeyType };
}

/** The contents of `function-parameters.json`: everything needed to regenerate the template on update. */
export interface FunctionParameters {
  template: FunctionTemplateName;
  roleName: string;
  /** category -> resource -> operations (the original's shape). */
  permissions: Record<string, Record<string, CrudOperation[]>>;
  /** Names of the custom environment variables; their values are env-specific (team-provider-info). */
  environmentVariables: string[];
  crudTable?: CrudTable;
  /** For the trigger template: the storage DynamoDB resource whose stream invokes the function. */
  triggerTable?: string;
  /** EventBridge schedule expression (`rate(5 minutes)`, `cron(...)`) when invoked on a schedule. */
  schedule?: string;
  /** The layers the function runs with, in order (the original's `lambdaLayers`). */
  lambdaLayers?: FunctionLayer[];
}

export function permissionsOf(access: readonly ResourceAccess[]): FunctionParameters['permissions'] {
  const permissions: FunctionParameters['permissions'] = {};
  for (const entry of access) (permissions[entry.category] ??= {})[entry.resourceName] = [...entry.operations];
  return permissions;
}

export function accessOf(permissions: FunctionParameters['permissions']): ResourceAccess[] {
  return Object.entries(permissions).flatMap(([category, resources]) =>
    Object.entries(resources).map(([resourceName, operations]) => ({ category, resourceName, operations: [...operations] })),
  );
}

/** `MY_VAR` -> `myVar`: the CloudFormation parameter (and team-provider-info key) of a custom environment variable. */
export function environmentVariableParameter(name: string): string {
  const words = name.toLowerCase().split(/_+/).filter(Boolean);
  return words.map((word, i) => (i === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
}

/** `<CATEGORY>_<RESOURCE>_<ATTRIBUTE>`, upper case: how the original names a resource-access variable. */
export function resourceEnvironmentVariable(category: string, resourceName: string, attribute: string): string {
  return `${category}_${resourceName}_${attribute}`.toUpperCase();
}

/** `<category><resource><Attribute>`: the parameter the root stack fills from the dependency's output. */
export function dependencyParameter(category: string, resourceName: string, attribute: string): string {
  return `${category}${resourceName}${attribute}`;
}
