import type { AmplifyError, AmplifyErrorOptions, AmplifyFault } from 'amplify-cli-core';

/**
 * The core library's error family, required only when an error is actually thrown: importing the core costs
 * tens of milliseconds, which a lookup or a validation that finds nothing wrong should not pay.
 */
type CoreErrors = Pick<typeof import('amplify-cli-core'), 'AmplifyError' | 'AmplifyFault'>;

function coreErrors(): CoreErrors {
  return require('amplify-cli-core') as CoreErrors;
}

export function amplifyError(code: string, message: string, options: AmplifyErrorOptions): AmplifyError {
  return new (coreErrors().AmplifyError)(code, message, options);
}

export function amplifyFault(code: string, message: string, options: AmplifyErrorOptions): AmplifyFault {
  return new (coreErrors().AmplifyFault)(code, message, options);
}
