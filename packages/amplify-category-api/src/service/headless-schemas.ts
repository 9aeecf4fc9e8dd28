import type { HeadlessSchema } from 'amplify-cli-core';

/**
 * JSON Schemas of the original's AddApiRequest / UpdateApiRequest (AppSync) and of this CLI's REST form (the REST
 * cli-inputs inside `serviceConfiguration`). Each auth mode is its own `if/then`, so an error names the bad field
 * of that mode rather than a `oneOf` mismatch.
 */

const API_NAME = '^[a-zA-Z0-9]{1,80}$';

const modeRules: Array<[string, Record<string, unknown>, string[]]> = [
  ['API_KEY', { expirationTime: { type: 'integer', minimum: 1, maximum: 365 }, apiKeyExpirationDate: { type: 'string' }, keyDescription: { type: 'string' } }, []],
  ['AWS_IAM', {}, []],
  ['AMAZON_COGNITO_USER_POOLS', { cognitoUserPoolId: { type: 'string' } }, []],
  [
    'OPENID_CONNECT',
    {
      openIDProviderName: { type: 'string', minLength: 1 },
      openIDIssuerURL: { type: 'string', pattern: '^(https://|http://localhost)[^\\s]*/$' },
      openIDClientID: { type: 'string' },
      openIDAuthTTL: { type: 'string', pattern: '^\\d*$' },
      openIDIatTTL: { type: 'string', pattern: '^\\d*$' },
    },
    ['openIDProviderName', 'openIDIssuerURL'],
  ],
  ['AWS_LAMBDA', { lambdaFunction: { type: 'string', minLength: 1 }, ttlSeconds: { type: ['string', 'integer'], pattern: '^\\d+$', minimum: 0, maximum: 3600 } }, ['lambdaFunction']],
];

const authType = {
  type: 'object',
  required: ['mode'],
  properties: { mode: { enum: modeRules.map(([mode]) => mode) } },
  allOf: modeRules.map(([mode, properties, required]) => ({
    if: { properties: { mode: { const: mode } } },
    then: { required: ['mode', ...required], additionalProperties: false, properties: { mode: { const: mode }, ...properties } },
  })),
};

const resolutionStrategy = {
  type: 'object',
  required: ['type'],
  properties: { type: { enum: ['AUTOMERGE', 'OPTIMISTIC_CONCURRENCY', 'NONE', 'LAMBDA'] } },
  if: { properties: { type: { const: 'LAMBDA' } } },
  then: {
    required: ['type', 'resolver'],
    additionalProperties: false,
    properties: {
      type: { const: 'LAMBDA' },
      resolver: {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: ['NEW', 'EXISTING'] } },
        if: { properties: { type: { const: 'EXISTING' } } },
        then: { required: ['type', 'name'], additionalProperties: false, properties: { type: { const: 'EXISTING' }, name: { type: 'string', minLength: 1 }, region: { type: 'string' }, arn: { type: 'string' } } },
        else: { additionalProperties: false, properties: { type: { const: 'NEW' } } },
      },
    },
  },
  else: { additionalProperties: false, properties: { type: { enum: ['AUTOMERGE', 'OPTIMISTIC_CONCURRENCY', 'NONE'] } } },
};

const conflictResolution = {
  type: 'object',
  additionalProperties: false,
  properties: {
    defaultResolutionStrategy: resolutionStrategy,
    perModelResolutionStrategy: {
      type: 'array',
      items: {
        type: 'object',
        required: ['entityName', 'resolutionStrategy'],
        additionalProperties: false,
        properties: { entityName: { type: 'string', pattern: '^[_A-Za-z][_0-9A-Za-z]*$' }, resolutionStrategy },
      },
    },
  },
};

const crud = { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['create', 'read', 'update', 'delete'] } };

const restPaths = {
  type: 'object',
  minProperties: 1,
  additionalProperties: {
    type: 'object',
    required: ['lambdaFunction', 'permissions'],
    additionalProperties: false,
    properties: {
      lambdaFunction: { type: 'string', pattern: '^[a-zA-Z0-9]+$' },
      permissions: {
        type: 'object',
        required: ['setting'],
        additionalProperties: false,
        properties: {
          setting: { enum: ['open', 'private', 'protected'] },
          auth: crud,
          guest: crud,
          groups: { type: 'object', propertyNames: { pattern: '^[a-zA-Z0-9_-]+$' }, additionalProperties: crud },
        },
      },
    },
  },
};

const appSyncConfiguration = (required: string[], nameRequired: boolean): Record<string, unknown> => ({
  required: ['serviceName', ...required],
  additionalProperties: false,
  properties: {
    serviceName: { const: 'AppSync' },
    ...(nameRequired ? { apiName: { type: 'string', pattern: API_NAME } } : {}),
    transformSchema: { type: 'string', minLength: 1 },
    defaultAuthType: authType,
    additionalAuthTypes: { type: 'array', items: authType },
    conflictResolution,
    apiKeyExpiration: { type: 'object', additionalProperties: false, properties: { days: { type: 'integer', minimum: 1, maximum: 365 } } },
  },
});

const restConfiguration = {
  required: ['serviceName', 'apiName', 'paths'],
  additionalProperties: false,
  properties: { serviceName: { const: 'API Gateway' }, apiName: { type: 'string', pattern: '^[a-zA-Z0-9]+$' }, paths: restPaths },
};

const byService = (appSync: Record<string, unknown>): Record<string, unknown> => ({
  type: 'object',
  required: ['serviceName'],
  properties: { serviceName: { enum: ['AppSync', 'API Gateway'] } },
  allOf: [
    { if: { properties: { serviceName: { const: 'AppSync' } } }, then: appSync },
    { if: { properties: { serviceName: { const: 'API Gateway' } } }, then: restConfiguration },
  ],
});

export const addApiRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceConfiguration'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    serviceConfiguration: byService(appSyncConfiguration(['apiName', 'transformSchema', 'defaultAuthType'], true)),
  },
};

export const updateApiRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceModification'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    serviceModification: byService(appSyncConfiguration([], false)),
  },
};
