/**
 * The environment variables the provider's AWS layer reads (regions, `AWS_PROFILE`, access keys, the AWS config file
 * locations, proxies, endpoint overrides). Passed in as a value: only the provider's entry points fall back to
 * `process.env`, so tests hand in their own instead of changing the process's.
 */
export type AwsEnv = Readonly<Record<string, string | undefined>>;
