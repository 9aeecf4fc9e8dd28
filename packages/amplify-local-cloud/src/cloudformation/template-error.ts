import { AmplifyError } from 'amplify-cli-core';

/**
 * A template or request the CloudFormation API refuses. The code is AWS's error code (`ValidationError`, ...)
 * because the query API renders it on the wire as AWS does; the resolution is for callers inside the CLI.
 */
export function validationError(message: string): AmplifyError {
  return new AmplifyError('ValidationError', message, { resolution: 'Fix the template or the request and try again.' });
}

export function cloudFormationError(code: string, message: string, resolution: string): AmplifyError {
  return new AmplifyError(code, message, { resolution });
}
