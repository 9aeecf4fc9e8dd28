/**
 * The one error family of the CLI.
 *
 * - `AmplifyError`: something the user can fix. It carries a PascalCase code, a one-line message and a
 *   resolution that tells what to do next.
 * - `AmplifyFault`: our own bug or an unexpected failure underneath us. Reported as such, with the cause kept.
 * - `UserAbort`: a declined confirmation. Not a failure of the tool, but the command did not do its job,
 *   so it still exits non-zero.
 *
 * Only the binary's entry point catches these and decides how to render them.
 */
export interface AmplifyErrorOptions {
  /** What the user should do about it, in one sentence. */
  resolution?: string;
  /** A documentation link, when one helps. */
  link?: string;
  cause?: unknown;
}

export abstract class AmplifyBaseError extends Error {
  readonly code: string;
  readonly resolution?: string;
  readonly link?: string;

  protected constructor(code: string, message: string, options: AmplifyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.resolution = options.resolution;
    this.link = options.link;
  }
}

export class AmplifyError extends AmplifyBaseError {
  constructor(code: string, message: string, options: AmplifyErrorOptions = {}) {
    super(code, message, options);
  }
}

export class AmplifyFault extends AmplifyBaseError {
  constructor(code: string, message: string, options: AmplifyErrorOptions = {}) {
    super(code, message, options);
  }
}

export class UserAbort extends AmplifyBaseError {
  constructor(message = 'Aborted.', options: AmplifyErrorOptions = {}) {
    super('UserAbort', message, options);
  }
}

export function isAmplifyError(error: unknown): error is AmplifyBaseError {
  return error instanceof AmplifyBaseError;
}
