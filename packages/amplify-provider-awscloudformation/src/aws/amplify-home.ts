import * as os from 'os';
import * as path from 'path';

/** `~/.amplify`, or `AMPLIFY_HOME` when set (tests and sandboxes keep their files apart this way). */
export function amplifyHomeDir(): string {
  return process.env.AMPLIFY_HOME || path.join(os.homedir(), '.amplify');
}

/** Where access keys given at init are kept: outside the project, so they are never committed. */
export function keysDir(): string {
  return path.join(amplifyHomeDir(), 'awscloudformation');
}
