import type { HeadlessSchema } from 'amplify-cli-core';
import { NAME_PATTERNS, type LexIntent, type OutputVoice } from './lex-params';
import { SAMPLE_BOTS, type SampleBot } from './sample-bots';

/** This CLI's interactions request (the original has none): a sample bot, or a bot of custom intents. */
export interface AddInteractionsRequest {
  version: 1;
  serviceConfiguration: {
    serviceName: 'Lex';
    resourceName?: string;
    coppa?: boolean;
    sample?: SampleBot;
    bot?: { botName: string; outputVoice?: OutputVoice; sessionTimeout?: number; intents: LexIntent[] };
  };
}

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const slot = {
  type: 'object',
  required: ['name', 'type', 'prompt'],
  additionalProperties: false,
  properties: { name: { type: 'string', pattern: NAME_PATTERNS.slotName }, type: { type: 'string', minLength: 1 }, prompt: text(1000), required: { type: 'boolean' }, customType: { type: 'boolean' } },
};
const slotType = {
  type: 'object',
  required: ['slotTypeName', 'slotValues'],
  additionalProperties: false,
  properties: { slotTypeName: { type: 'string', pattern: NAME_PATTERNS.slotName }, slotTypeDescription: { type: 'string' }, slotValues: { type: 'array', minItems: 1, items: text(140) } },
};
const intent = {
  type: 'object',
  required: ['intentName', 'utterances'],
  additionalProperties: false,
  properties: {
    intentName: { type: 'string', pattern: NAME_PATTERNS.intentName },
    utterances: { type: 'array', minItems: 1, items: text(200) },
    slots: { type: 'array', items: slot },
    newSlotTypes: { type: 'array', items: slotType },
    confirmationQuestion: text(1000),
    cancelMessage: text(1000),
    lambda: { type: 'object', required: ['lambdaName'], additionalProperties: false, properties: { lambdaName: { type: 'string', pattern: '^[a-zA-Z0-9]+$' } } },
  },
  dependencies: { confirmationQuestion: ['cancelMessage'], cancelMessage: ['confirmationQuestion'] },
};

export const addInteractionsRequestSchema: HeadlessSchema = {
  type: 'object',
  required: ['version', 'serviceConfiguration'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    serviceConfiguration: {
      type: 'object',
      required: ['serviceName'],
      additionalProperties: false,
      properties: {
        serviceName: { const: 'Lex' },
        resourceName: { type: 'string', pattern: NAME_PATTERNS.resourceName },
        coppa: { type: 'boolean' },
        sample: { enum: [...SAMPLE_BOTS] },
        bot: {
          type: 'object',
          required: ['botName', 'intents'],
          additionalProperties: false,
          properties: {
            botName: { type: 'string', pattern: NAME_PATTERNS.botName },
            outputVoice: { enum: [false, 'Matthew', 'Joanna'] },
            sessionTimeout: { type: 'integer', minimum: 1, maximum: 1440 },
            intents: { type: 'array', minItems: 1, items: intent },
          },
        },
      },
    },
  },
};
