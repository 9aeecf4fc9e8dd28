import * as path from 'path';
import { pathManager } from 'amplify-cli-core';

/** Which local cloud a command is about: its data directory and, when given, the port it must listen on. */
export interface InstanceSelector {
  dataDir: string;
  port?: number;
}

/** `<AMPLIFY_HOME or ~/.amplify>/local-cloud`, resolved when called. */
export function defaultDataDir(): string {
  return path.join(pathManager.getHomeDotAmplifyDirPath(), 'local-cloud');
}
