/**
 * Names shared by the server and the commands that manage it, kept apart from the server code so that `status`,
 * `stop` and `reset` load none of it.
 */

/** Answers without authentication, so `status` can tell a live local cloud from something else on the port. */
export const HEALTH_PATH = '/_local-cloud/health';

/** The CloudFormation engine's own files (Lambda code, custom-resource work dirs) live under this sub-folder. */
export const CLOUDFORMATION_DIR = 'cloudformation';

/** Cognito's files: the log of messages user pools would have sent (read by `amplify local-cloud messages`). */
export const COGNITO_DIR = 'cognito';
