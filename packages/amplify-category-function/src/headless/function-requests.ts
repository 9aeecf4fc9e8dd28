import { validateHeadlessRequest } from 'amplify-cli-core';
import { SCHEDULE_EXPRESSION_PATTERN } from '../walkthrough/schedule-questions';
import { CRUD_OPERATIONS, type CrudOperation, FUNCTION_TEMPLATES, type WalkthroughTemplateName } from '../function-definition';

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
}

/** `amplify update function --headless`: each given field replaces the function's current setting. */
export interface UpdateFunctionRequest {
  version: 1;
  functionName: string;
  resourceAccess?: HeadlessResourceAccess[];
  /** A schedule expression, or null to stop the schedule. */
  schedule?: string | null;
  environmentVariables?: Record<string, string>;
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
  },
};

export function parseAddFunctionRequest(payload: string | unknown): AddFunctionRequest {
  return validateHeadlessRequest<AddFunctionRequest>(addFunctionRequestSchema, payload, 'AddFunctionRequest');
}

export function parseUpdateFunctionRequest(payload: string | unknown): UpdateFunctionRequest {
  return validateHeadlessRequest<UpdateFunctionRequest>(updateFunctionRequestSchema, payload, 'UpdateFunctionRequest');
}
