import { AmplifyError } from '../errors/amplify-error';

/** A JSON Schema (draft-07, as ajv's default) describing a headless request. */
export type HeadlessSchema = Record<string, unknown>;

type AjvModule = typeof import('ajv');
type ValidateFunction = import('ajv').ValidateFunction;
type ErrorObject = import('ajv').ErrorObject;

// Compiling costs a few milliseconds; a schema object is compiled once per process.
const compiled = new WeakMap<HeadlessSchema, ValidateFunction>();

function compile(schema: HeadlessSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    // ajv is loaded by headless commands only.
    const { default: Ajv } = require('ajv') as AjvModule;
    validate = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** `a.b[0].c` from ajv's JSON pointer `/a/b/0/c` plus the property an error is about. */
function fieldOf(error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  const extra = params.missingProperty ?? params.additionalProperty;
  if (typeof extra === 'string') parts.push(extra);
  return parts.reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part), '') || '(root)';
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(error.data)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}, not ${JSON.stringify(error.data)}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/**
 * The error to report: a branch of `if`/`then`/`else` is chosen by a discriminator (`serviceName`), so when the
 * discriminator itself is wrong, its error is the cause and the branch's complaints (`columns is required` for a
 * `serviceName` of "Glacier") are only consequences.
 */
function firstCause(errors: ErrorObject[]): ErrorObject {
  return errors.find((error) => error.keyword !== 'if' && !/\/(then|else)\//.test(error.schemaPath)) ?? errors[0];
}

/**
 * Parses (when given text) and validates a headless request against `schema`. A bad payload is one
 * `InvalidHeadlessInput` error naming the first bad field, e.g. `serviceConfiguration.serviceName must be one of "S3"`.
 * `label` names the request in the message (e.g. `AddAuthRequest`).
 */
export function validateHeadlessRequest<T>(schema: HeadlessSchema, payload: string | unknown, label: string): T {
  let value: unknown = payload;
  if (typeof payload === 'string') {
    try {
      value = JSON.parse(payload);
    } catch (cause) {
      throw new AmplifyError('InvalidHeadlessInput', `${label} is not valid JSON: ${(cause as Error).message}`, {
        resolution: 'Pipe one JSON document on stdin',
        cause,
      });
    }
  }
  const validate = compile(schema);
  if (!validate(value)) {
    const error = firstCause(validate.errors!);
    throw new AmplifyError('InvalidHeadlessInput', `${label}: ${fieldOf(error)} ${describe(error)}`, {
      resolution: `Fix ${fieldOf(error)} in the --headless payload`,
    });
  }
  return value as T;
}
