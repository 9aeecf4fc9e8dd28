import { validateHeadlessRequest } from 'amplify-cli-core';
import { SCHEDULE_EXPRESSION_PATTERN } from '../walkthrough/schedule-questions';
import { CRUD_OPERATIONS, type CrudOperation, FUNCTION_TEMPLATES, type WalkthroughTemplateName } from '../function-definition';
import {
  ACCOUNT_ID_PATTERN,
  type FunctionLayer,
  LATEST_LAYER_VERSION,
  LAYER_NAME_PATTERN,
  LAYER_VERSION_ARN_PATTERN,
  type LayerPermission,
  MAX_FUNCTION_LAYERS,
  ORG_ID_PATTERN,
} from '../layer-definition';

/** A layer in a request: a project layer (its latest version unless `version` pins one) or an existing layer version ARN. */
export type HeadlessLayer = { type: 'ProjectLayer'; resourceName: string; version?: number } | { type: 'ExternalLayer'; arn: string };

/** One resource the function may use, with the operations permitted on it. */
export interface HeadlessResourceAccess {
  category: string;
  resourceName: string;
  operations: CrudOperation[];
}

/** `amplify add function --headless`: the fields of the add walkthrough; every one is optional except the version. */
export interface AddFunctionRequest {
  version: 1;
  functionName?: string;
  runtime?: 'nodejs';
  template?: WalkthroughTemplateName;
  /** The storage DynamoDB resource the CRUD template works on. */
  crudTable?: string;
  /** The storage DynamoDB resource whose stream invokes the trigger template. */
  triggerTable?: string;
  resourceAccess?: HeadlessResourceAccess[];
  /** EventBridge schedule expression: `rate(5 minutes)`, `cron(0 12 * * ? *)`. */
  schedule?: string;
  environmentVariables?: Record<string, string>;
  lambdaLayers?: HeadlessLayer[];
}

/** `amplify update function --headless`: each given field replaces the function's current setting. */
export interface UpdateFunctionRequest {
  version: 1;
  functionName: string;
  resourceAccess?: HeadlessResourceAccess[];
  /** A schedule expression, or null to stop the schedule. */
  schedule?: string | null;
  environmentVariables?: Record<string, string>;
  lambdaLayers?: HeadlessLayer[];
}

/** `amplify add function --headless` with `layerName`: a Lambda layer (Node.js) and who else may use it. */
export interface AddLayerRequest {
  version: 1;
  /** Without the project-name prefix the walkthrough also adds. */
  layerName: string;
  runtimes?: ['nodejs'];
  /** The original's shape; the owning account always has access. */
  permissions?: LayerPermission[];
}

/** `amplify update function --headless` with `layerName` (the full resource name): new permissions. */
export interface UpdateLayerRequest {
  version: 1;
  layerName: string;
  permissions: LayerPermission[];
}

/** A JSON Schema (draft-07), as the core's `validateHeadlessRequest` takes it. */
type JsonSchema = Record<string, unknown>;

const resourceAccessSchema: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['category', 'resourceName', 'operations'],
    additionalProperties: false,
    properties: {
      category: { type: 'string', minLength: 1 },
      resourceName: { type: 'string', minLength: 1 },
      operations: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...CRUD_OPERATIONS] } },
    },
  },
};

const environmentVariablesSchema: JsonSchema = {
  type: 'object',
  propertyNames: { pattern: '^[a-zA-Z][a-zA-Z0-9_]*$' },
  additionalProperties: { type: 'string' },
};

/** `then` for items whose `type` is `value`: a discriminated union whose errors name the failing field of that branch. */
const whenType = (value: string, then: JsonSchema): JsonSchema => ({ if: { properties: { type: { const: value } } }, then });

const lambdaLayersSchema: JsonSchema = {
  type: 'array',
  maxItems: MAX_FUNCTION_LAYERS,
  items: {
    type: 'object',
    required: ['type'],
    additionalProperties: false,
    properties: {
      type: { enum: ['ProjectLayer', 'ExternalLayer'] },
      resourceName: { type: 'string', minLength: 1 },
      version: { type: 'integer', minimum: 1 },
      arn: { type: 'string', pattern: LAYER_VERSION_ARN_PATTERN },
    },
    allOf: [
      whenType('ProjectLayer', { required: ['resourceName'], not: { required: ['arn'] } }),
      whenType('ExternalLayer', { required: ['arn'], not: { anyOf: [{ required: ['resourceName'] }, { required: ['version'] }] } }),
    ],
  },
};

const permissionsSchema: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['type'],
    additionalProperties: false,
    properties: {
      type: { enum: ['Private', 'Public', 'AwsAccounts', 'AwsOrg'] },
      accounts: { type: 'array', minItems: 1, items: { type: 'string', pattern: ACCOUNT_ID_PATTERN } },
      orgs: { type: 'array', minItems: 1, items: { type: 'string', pattern: ORG_ID_PATTERN } },
    },
    allOf: [
      whenType('AwsAccounts', { required: ['accounts'], not: { required: ['orgs'] } }),
      whenType('AwsOrg', { required: ['orgs'], not: { required: ['accounts'] } }),
      whenType('Private', { maxProperties: 1 }),
      whenType('Public', { maxProperties: 1 }),
    ],
  },
};

/** Lambda names are at most 64 characters and the deployed one is `<name>-<env>` (envs have up to 10). */
const MAX_FUNCTION_NAME_LENGTH = 64 - 11;

export const addFunctionRequestSchema: JsonSchema = {
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    functionName: { type: 'string', pattern: '^[a-zA-Z0-9]+$', maxLength: MAX_FUNCTION_NAME_LENGTH },
    runtime: { enum: ['nodejs'] },
    template: { enum: [...FUNCTION_TEMPLATES] },
    crudTable: { type: 'string', minLength: 1 },
    triggerTable: { type: 'string', minLength: 1 },
    resourceAccess: resourceAccessSchema,
    schedule: { type: 'string', pattern: SCHEDULE_EXPRESSION_PATTERN },
    environmentVariables: environmentVariablesSchema,
    lambdaLayers: lambdaLayersSchema,
  },
};

export const updateFunctionRequestSchema: JsonSchema = {
  type: 'object',
  required: ['version', 'functionName'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    functionName: { type: 'string', pattern: '^[a-zA-Z0-9]+$' },
    resourceAccess: resourceAccessSchema,
    schedule: { anyOf: [{ type: 'string', pattern: SCHEDULE_EXPRESSION_PATTERN }, { type: 'null' }] },
    environmentVariables: environmentVariablesSchema,
    lambdaLayers: lambdaLayersSchema,
  },
};

export const addLayerRequestSchema: JsonSchema = {
  type: 'object',
  required: ['version', 'layerName'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    layerName: { type: 'string', pattern: LAYER_NAME_PATTERN },
    runtimes: { type: 'array', items: { const: 'nodejs' }, minItems: 1, maxItems: 1 },
    permissions: permissionsSchema,
  },
};

export const updateLayerRequestSchema: JsonSchema = {
  type: 'object',
  required: ['version', 'layerName', 'permissions'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    layerName: { type: 'string', minLength: 1 },
    permissions: permissionsSchema,
  },
};

export function parseAddFunctionRequest(payload: string | unknown): AddFunctionRequest {
  return validateHeadlessRequest<AddFunctionRequest>(addFunctionRequestSchema, payload, 'AddFunctionRequest');
}

export function parseUpdateFunctionRequest(payload: string | unknown): UpdateFunctionRequest {
  return validateHeadlessRequest<UpdateFunctionRequest>(updateFunctionRequestSchema, payload, 'UpdateFunctionRequest');
}

export function parseAddLayerRequest(payload: string | unknown): AddLayerRequest {
  return validateHeadlessRequest<AddLayerRequest>(addLayerRequestSchema, payload, 'AddLayerRequest');
}

export function parseUpdateLayerRequest(payload: string | unknown): UpdateLayerRequest {
  return validateHeadlessRequest<UpdateLayerRequest>(updateLayerRequestSchema, payload, 'UpdateLayerRequest');
}

/** Whether a headless payload is about a layer (it names `layerName`) rather than a function. */
export function isLayerRequest(payload: string): boolean {
  try {
    const parsed = JSON.parse(payload) as unknown;
    return typeof parsed === 'object' && parsed !== null && 'layerName' in parsed;
  } catch {
    // The function request's parser reports the broken JSON.
    return false;
  }
}

/** The layers of a request as function-parameters.json records them. */
export function functionLayersOf(layers: readonly HeadlessLayer[], env: string): FunctionLayer[] {
  return layers.map((layer): FunctionLayer => {
    if (layer.type === 'ExternalLayer') return { type: 'ExternalLayer', arn: layer.arn };
    return layer.version === undefined
      ? { type: 'ProjectLayer', resourceName: layer.resourceName, env, version: LATEST_LAYER_VERSION, isLatestVersionSelected: true }
      : { type: 'ProjectLayer', resourceName: layer.resourceName, env, version: layer.version, isLatestVersionSelected: false };
  });
}
