import { isRecord } from '../utils/is-record';
import { PLUGIN_EVENTS, PLUGIN_TYPES } from './plugin-types';

/**
 * The subset of JSON Schema used to declare the manifest. It is small on purpose: the manifest is validated on
 * every plugin scan, and a hand-sized validator keeps that free of a schema library's start-up cost.
 */
export type JsonSchema =
  | { type: 'string'; enum?: readonly string[]; pattern?: string; minLength?: number; description?: string }
  | { type: 'array'; items: JsonSchema; uniqueItems?: boolean; description?: string }
  | {
      type: 'object';
      properties?: Record<string, JsonSchema>;
      required?: readonly string[];
      additionalProperties?: JsonSchema | boolean;
      description?: string;
    };

const word = '^[a-zA-Z][a-zA-Z0-9_-]*$';

function commandHelpSchema(): JsonSchema {
  const text: JsonSchema = { type: 'string', minLength: 1 };
  const flag: JsonSchema = {
    type: 'object',
    required: ['name', 'description'],
    properties: { name: { type: 'string', pattern: word }, short: { type: 'string', pattern: '^[a-zA-Z]$' }, value: text, description: text },
    additionalProperties: false,
  };
  return {
    type: 'object',
    required: ['description'],
    properties: {
      usage: text,
      description: text,
      subcommands: { type: 'object', additionalProperties: text },
      flags: { type: 'array', items: flag },
      examples: { type: 'array', items: text },
      learnMore: text,
    },
    additionalProperties: false,
  };
}

/** `amplify-plugin.json`, declared once; `validatePluginManifest` checks documents against it. */
export const pluginManifestSchema: JsonSchema = {
  type: 'object',
  description: 'amplify-plugin.json',
  required: ['name', 'type'],
  properties: {
    name: { type: 'string', pattern: word, description: 'short name, the noun on the command line' },
    type: { type: 'string', enum: PLUGIN_TYPES },
    displayName: { type: 'string', minLength: 1 },
    aliases: { type: 'array', items: { type: 'string', pattern: word }, uniqueItems: true },
    commands: { type: 'array', items: { type: 'string', pattern: word }, uniqueItems: true },
    commandAliases: { type: 'object', additionalProperties: { type: 'string', pattern: word } },
    services: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    eventHandlers: { type: 'array', items: { type: 'string', enum: PLUGIN_EVENTS }, uniqueItems: true },
    commandHelp: { type: 'object', additionalProperties: commandHelpSchema() },
  },
  // Unknown keys are tolerated so that manifests written for newer CLIs still load here.
  additionalProperties: true,
};

/** Problems found in `value`, each as `<json path>: <what is wrong>`; empty when it conforms. */
export function validateJsonSchema(schema: JsonSchema, value: unknown, path = '$'): string[] {
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') {
        return [`${path}: must be a string`];
      }
      if (schema.enum && !schema.enum.includes(value)) {
        return [`${path}: must be one of ${schema.enum.join(', ')} (got "${value}")`];
      }
      if (schema.minLength !== undefined && value.length < schema.minLength) {
        return [`${path}: must not be empty`];
      }
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
        return [`${path}: "${value}" must match ${schema.pattern}`];
      }
      return [];
    }
    case 'array': {
      if (!Array.isArray(value)) {
        return [`${path}: must be an array`];
      }
      const errors = value.flatMap((item, index) => validateJsonSchema(schema.items, item, `${path}[${index}]`));
      if (schema.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) {
        errors.push(`${path}: must not contain duplicates`);
      }
      return errors;
    }
    case 'object': {
      if (!isRecord(value)) {
        return [`${path}: must be an object`];
      }
      const record = value;
      const errors = (schema.required ?? [])
        .filter((key) => record[key] === undefined)
        .map((key) => `${path}.${key}: is required`);
      for (const [key, item] of Object.entries(record)) {
        const propertySchema = schema.properties?.[key];
        if (propertySchema) {
          errors.push(...validateJsonSchema(propertySchema, item, `${path}.${key}`));
        } else if (schema.additionalProperties === false) {
          errors.push(`${path}.${key}: is not allowed`);
        } else if (typeof schema.additionalProperties === 'object') {
          errors.push(...validateJsonSchema(schema.additionalProperties, item, `${path}.${key}`));
        }
      }
      return errors;
    }
  }
}
