import { AmplifyError, UserAbort } from 'amplify-cli-core';

/** The AmplifyError that `fn` throws; anything else thrown, or nothing thrown, fails the test. */
export function thrownAmplifyError(fn: () => unknown): AmplifyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AmplifyError) return e;
    throw e;
  }
  throw new Error('expected an AmplifyError');
}

/** The AmplifyError (or UserAbort, a declined confirmation) that `promise` rejects with; anything else fails the test. */
export async function rejectedAmplifyError(promise: Promise<unknown>): Promise<AmplifyError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof AmplifyError || e instanceof UserAbort) return e as AmplifyError;
    throw e;
  }
  throw new Error('expected a rejection');
}
