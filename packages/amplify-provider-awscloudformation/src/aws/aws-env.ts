/**
 * The environment variables the provider's AWS layer reads (regions, `AWS_PROFILE`, access keys, the AWS config file
 * locations, proxies, endpoint overrides). Passed in as a value, from the context's `environment.env` at the provider's
 * entry points: nothing here reads `process.env`, so in-process runs and tests hand in their own.
 */
export type AwsEnv = Readonly<Record<string, string | undefined>>;
