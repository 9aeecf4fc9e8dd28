import { WireError } from '../query/wire-error';

/** A template or request the CloudFormation API refuses: a 400 `ValidationError`, as AWS words it. */
export function validationError(message: string): WireError {
  return new WireError('ValidationError', message);
}
