/**
 * Names shared by the server and the commands that manage it, kept apart from the server code so that `status`,
 * `stop` and `reset` load none of it.
 */

/** Answers without authentication, so `status` can tell a live local cloud from something else on the port. */
export const HEALTH_PATH = '/_local-cloud/health';

/** The CloudFormation engine's own files (Lambda code, custom-resource work dirs) live under this sub-folder. */
export const CLOUDFORMATION_DIR = 'cloudformation';

/** The DynamoDB tables' items (dynalite's LevelDB store). */
export const DYNAMODB_DIR = 'dynamodb';

/** Lambda functions' logs, one file per function. */
export const LAMBDA_LOGS_DIR = 'lambda-logs';

/**
 * The credential-scope service of the local cloud's own API, signed with the instance's key: `status` asks
 * `DEPLOYED_PATH` what is deployed.
 */
export const LOCAL_CLOUD_SERVICE = 'local-cloud';
export const DEPLOYED_PATH = '/_local-cloud/deployed';

/**
 * Where deployed REST APIs answer: `<endpoint>/_restapis/<apiId>/<stage>/<path>`. No bucket name can begin with `_`,
 * so the prefix never shadows a path-style S3 request.
 */
export const REST_API_PATH_PREFIX = '/_restapis/';

/** The local form of a REST API's root URL (on AWS `https://<apiId>.execute-api.<region>.amazonaws.com/<stage>`). */
export function restApiRootUrl(endpoint: string, apiId: string, stage: string): string {
  return `${endpoint}${REST_API_PATH_PREFIX}${apiId}/${stage}`;
}
/** Cognito's files: the log of messages user pools would have sent (read by `amplify local-cloud messages`). */
export const COGNITO_DIR = 'cognito';

/** The Amplify service's uploaded deployment zips and the sites unpacked from them. */
export const AMPLIFY_DIR = 'amplify';
