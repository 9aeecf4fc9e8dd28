/**
 * The library's own error type, so that it depends on nothing of the CLI. Callers that show errors to users map
 * it into their own family (the provider: `AmplifyError` for a template's problem, `AmplifyFault` for the data's).
 */
export type CloudFormationSpecErrorCode =
  /** A template's JSON or YAML does not parse, or is not an object. */
  | 'TemplateParseError'
  /** `assertValidTemplate` found issues; the message lists them. */
  | 'TemplateValidationFailed'
  /** The generated specification data is absent or of another format version. */
  | 'CloudFormationSpecMissing'
  /** The generated specification data holds something this code cannot read. */
  | 'CloudFormationSpecCorrupt';

const FAULTS: ReadonlySet<CloudFormationSpecErrorCode> = new Set(['CloudFormationSpecMissing', 'CloudFormationSpecCorrupt']);

export interface CloudFormationSpecErrorOptions {
  /** What to do about it, in one sentence. */
  resolution: string;
  link?: string;
  cause?: unknown;
}

export class CloudFormationSpecError extends Error {
  readonly code: CloudFormationSpecErrorCode;
  readonly resolution: string;
  readonly link?: string;
  /** True when the library's installation is at fault rather than the template the caller passed. */
  readonly fault: boolean;

  constructor(code: CloudFormationSpecErrorCode, message: string, options: CloudFormationSpecErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CloudFormationSpecError';
    this.code = code;
    this.resolution = options.resolution;
    this.link = options.link;
    this.fault = FAULTS.has(code);
  }
}

export function isCloudFormationSpecError(error: unknown): error is CloudFormationSpecError {
  return error instanceof CloudFormationSpecError;
}
