import type { HeadlessSchema } from 'amplify-cli-core';
import { MAX_SHARDS } from './analytics-config';

/** This CLI's analytics requests (the original has no headless analytics): `version: 1`, one service each. */

const name = { type: 'string', pattern: '^[a-zA-Z0-9]+$', maxLength: 128 };
const shardCount = { type: 'integer', minimum: 1, maximum: MAX_SHARDS };

export const addAnalyticsRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceConfiguration'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    serviceConfiguration: {
      type: 'object',
      required: ['serviceName'],
      additionalProperties: false,
      properties: { serviceName: { enum: ['Pinpoint', 'Kinesis'] }, name, shardCount, allowGuests: { type: 'boolean' } },
    },
  },
};

export const updateAnalyticsRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceModification'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    serviceModification: {
      type: 'object',
      required: ['serviceName', 'resourceName', 'shardCount'],
      additionalProperties: false,
      properties: { serviceName: { const: 'Kinesis' }, resourceName: name, shardCount },
    },
  },
};

export interface AddAnalyticsRequest {
  version: 1;
  serviceConfiguration: { serviceName: 'Pinpoint' | 'Kinesis'; name?: string; shardCount?: number; allowGuests?: boolean };
}

export interface UpdateAnalyticsRequest {
  version: 1;
  serviceModification: { serviceName: 'Kinesis'; resourceName: string; shardCount: number };
}
