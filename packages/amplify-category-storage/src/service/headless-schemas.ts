import type { HeadlessSchema } from 'amplify-cli-core';

/** JSON Schemas of the original's S3 headless requests and of this CLI's DynamoDB add request. */

const permission = { enum: ['CREATE_AND_UPDATE', 'READ', 'DELETE'] };
const permissionList = { type: 'array', minItems: 1, uniqueItems: true, items: permission };
const permissions = {
  type: 'object',
  required: ['auth'],
  additionalProperties: false,
  properties: {
    auth: { type: 'array', uniqueItems: true, items: permission },
    guest: { type: 'array', uniqueItems: true, items: permission },
    groups: { type: 'object', propertyNames: { pattern: '^[a-zA-Z0-9]+$' }, additionalProperties: permissionList },
  },
};
/** `{mode: "existing", name}` or `{mode: "new", name?}` (the new function's name; default S3Trigger<id> / <table>Trigger<id>). */
const lambdaTrigger = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  properties: { mode: { enum: ['existing', 'new'] }, name: { type: 'string', pattern: '^[a-zA-Z0-9]+$' } },
  if: { properties: { mode: { const: 'existing' } } },
  then: { required: ['mode', 'name'] },
};

const columns = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['name', 'type'],
    additionalProperties: false,
    properties: { name: { type: 'string', pattern: '^[a-zA-Z0-9_-]+$' }, type: { enum: ['string', 'number', 'binary', 'boolean', 'list', 'map'] } },
  },
};
const gsi = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name', 'partitionKey'],
    additionalProperties: false,
    properties: { name: { type: 'string', pattern: '^[a-zA-Z0-9_-]+$' }, partitionKey: { type: 'string' }, sortKey: { type: 'string' } },
  },
};

export const addStorageRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceConfiguration'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    serviceConfiguration: {
      type: 'object',
      required: ['serviceName'],
      properties: { serviceName: { enum: ['S3', 'DynamoDB'] } },
      if: { properties: { serviceName: { const: 'S3' } } },
      then: {
        required: ['serviceName', 'permissions'],
        additionalProperties: false,
        properties: {
          serviceName: { const: 'S3' },
          resourceName: { type: 'string', pattern: '^[a-zA-Z0-9]+$' },
          bucketName: { type: 'string', pattern: '^[a-z0-9-]{3,47}$' },
          permissions,
          lambdaTrigger,
        },
      },
      else: {
        required: ['serviceName', 'columns', 'partitionKey'],
        additionalProperties: false,
        properties: {
          serviceName: { const: 'DynamoDB' },
          resourceName: { type: 'string', pattern: '^[a-zA-Z0-9]+$' },
          tableName: { type: 'string', pattern: '^[a-zA-Z0-9._-]+$' },
          columns,
          partitionKey: { type: 'string' },
          sortKey: { type: 'string' },
          gsi,
          lambdaTrigger,
        },
      },
    },
  },
};

export const updateStorageRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceModification'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    serviceModification: {
      type: 'object',
      required: ['serviceName', 'resourceName'],
      properties: { serviceName: { enum: ['S3', 'DynamoDB'] } },
      if: { properties: { serviceName: { const: 'S3' } } },
      then: {
        additionalProperties: false,
        properties: { serviceName: { const: 'S3' }, resourceName: { type: 'string', minLength: 1 }, permissions, lambdaTrigger },
      },
      // Keys and names of a table cannot change: an update replaces its indexes (which may use new key columns) and may add a trigger.
      else: {
        required: ['serviceName', 'resourceName'],
        additionalProperties: false,
        properties: { serviceName: { const: 'DynamoDB' }, resourceName: { type: 'string', minLength: 1 }, columns, gsi, lambdaTrigger },
      },
    },
  },
};

export const removeStorageRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceConfiguration'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    serviceConfiguration: {
      type: 'object',
      required: ['serviceName', 'resourceName'],
      additionalProperties: false,
      properties: { serviceName: { const: 'S3' }, resourceName: { type: 'string', minLength: 1 }, deleteBucketAndContents: { type: 'boolean' } },
    },
  },
};
