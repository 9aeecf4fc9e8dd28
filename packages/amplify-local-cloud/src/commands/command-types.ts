import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { defaultDataDir, type InstanceSelector } from '../instance/instance-selector';

/** Where commands write; gluegun's `print` (the `amplify` CLI) and the standalone bin's printer both fit. */
export interface CommandOutput {
  info(message: string): void;
  success(message: string): void;
  warning(message: string): void;
}

/** Options as parsed from a command line: `--x value` gives a string, a bare `--x` gives true. */
export type RawOptions = Record<string, string | boolean | number | undefined>;

export interface LocalCloudCommand {
  description: string;
  run(options: RawOptions, output: CommandOutput): Promise<void>;
}

/** Reads `--port` and `--data-dir`, which select the instance every command acts on. */
export function readSelector(options: RawOptions): InstanceSelector {
  const dataDir = options['data-dir'] ?? options.dataDir;
  if (dataDir !== undefined && (typeof dataDir !== 'string' || dataDir === '')) {
    throw new AmplifyError('LocalCloudInvalidOption', '--data-dir needs a directory path.', {
      resolution: 'Pass it as --data-dir <dir>.',
    });
  }
  return { dataDir: path.resolve(dataDir ?? defaultDataDir()), port: readPort(options.port) };
}

function readPort(value: RawOptions[string]): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const port = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new AmplifyError('LocalCloudInvalidOption', `--port must be a port number from 0 to 65535, not '${String(value)}'.`, {
      resolution: 'Pass it as --port <n>, for example --port 4581.',
    });
  }
  return port;
}
