import { randomUUID } from 'crypto';

/**
 * Lambda's own constraints on the names a template gives it, checked where the resource is created: these names
 * become folders of the engine (`lambda/<FunctionName>`), so a name Lambda would refuse never reaches the disk.
 * Patterns and limits are those of the Lambda API reference (CreateFunction, PublishVersion, PublishLayerVersion).
 */

/** A function name, or its full or partial ARN, without a version or alias qualifier. */
const FUNCTION_REFERENCE = /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)$/;
const FUNCTION_REFERENCE_SOURCE = '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)';
const FUNCTION_REFERENCE_MAX = 140;
const FUNCTION_NAME_MAX = 64;

const LAYER_NAME = /^((arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+)$/;
const LAYER_NAME_SOURCE = '(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+';
const LAYER_NAME_MAX = 140;

const HANDLER = /^[^\s]+$/;
const HANDLER_MAX = 128;

/** How CloudFormation reports a service's refusal of a resource: the service's message inside the handler's. */
function lambdaValidationError(value: string, member: string, constraint: string): Error {
  return new Error(
    `Resource handler returned message: "1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint} ` +
      `(Service: Lambda, Status Code: 400, Request ID: ${randomUUID()})" (HandlerErrorCode: InvalidRequest)`,
  );
}

/** The function name a `FunctionName` (name, partial or full ARN) designates; throws Lambda's validation error. */
export function functionNameOf(value: string): string {
  if (value.length < 1 || value.length > FUNCTION_REFERENCE_MAX) {
    throw lambdaValidationError(value, 'functionName', `Member must have length ${value.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${FUNCTION_REFERENCE_MAX}`}`);
  }
  const match = FUNCTION_REFERENCE.exec(value);
  if (match === null) {
    throw lambdaValidationError(value, 'functionName', `Member must satisfy regular expression pattern: ${FUNCTION_REFERENCE_SOURCE}`);
  }
  const name = match[7];
  if (name.length > FUNCTION_NAME_MAX) {
    throw lambdaValidationError(name, 'functionName', `Member must have length less than or equal to ${FUNCTION_NAME_MAX}`);
  }
  return name;
}

/** Throws Lambda's validation error for a `LayerName` it refuses. */
export function checkLayerName(value: string): void {
  if (value.length < 1 || value.length > LAYER_NAME_MAX) {
    throw lambdaValidationError(value, 'layerName', `Member must have length ${value.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${LAYER_NAME_MAX}`}`);
  }
  if (!LAYER_NAME.test(value)) {
    throw lambdaValidationError(value, 'layerName', `Member must satisfy regular expression pattern: ${LAYER_NAME_SOURCE}`);
  }
}

/** Throws Lambda's validation error for a `Handler` it refuses. */
export function checkHandler(value: string): void {
  if (value.length > HANDLER_MAX) {
    throw lambdaValidationError(value, 'handler', `Member must have length less than or equal to ${HANDLER_MAX}`);
  }
  if (!HANDLER.test(value)) {
    throw lambdaValidationError(value, 'handler', 'Member must satisfy regular expression pattern: [^\\s]+');
  }
}
