import { fork } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, fileSystemError } from 'amplify-cli-core';
import { DEFAULT_HANDLER, RESOURCES_DIR } from '../constants';

export interface InvokeOptions {
  functionName: string;
  /** The function's `src/` folder. */
  srcDir: string;
  event: unknown;
  /** `<file>.<export>`, relative to `src/`. */
  handler?: string;
  /** Environment the handler sees (on top of this process's). */
  environment: Record<string, string>;
  timeoutMs: number;
}

/** What the handler did: its value, or the error it threw (or passed to its callback). */
export type InvokeOutcome = { ok: true; result: unknown } | { ok: false; error: { name: string; message: string; stack?: string } };

/** Reads an event file; a missing or non-JSON file is an error naming it. */
export function readEvent(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AmplifyError('EventFileNotFound', `The --event file ${file} does not exist`, { resolution: 'Pass an existing JSON file with --event', cause });
    }
    const problem = fileSystemError(cause)?.message ?? (cause as Error).message;
    throw new AmplifyError('InvalidEventFile', `The --event file cannot be read: ${problem}`, { resolution: 'Pass a JSON file with --event, e.g. --event src/event.json', cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AmplifyError('InvalidEventFile', `The --event file ${file} is not valid JSON: ${(cause as Error).message}`, {
      resolution: 'Fix the JSON in the event file',
      cause,
    });
  }
}

/** What `require` tries after the handler's file name, in its order. */
const MODULE_SUFFIXES = ['', '.js', '.json', '.node', '.cjs', '.mjs', '/index.js'];

/** Whether `src/package.json` declares dependencies that are not installed yet (no `node_modules/`). */
export function dependenciesMissing(srcDir: string): boolean {
  const manifest = path.join(srcDir, 'package.json');
  if (!fs.existsSync(manifest) || fs.existsSync(path.join(srcDir, 'node_modules'))) return false;
  const dependencies = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> }).dependencies;
  return dependencies !== undefined && Object.keys(dependencies).length > 0;
}

/**
 * Runs the handler locally in a child node process (so the function's own modules, globals and exit never touch
 * the CLI), with its console output passed through. A handler that runs past the timeout is killed.
 */
export function invokeFunction(options: InvokeOptions): Promise<InvokeOutcome> {
  const [file, exportName] = splitHandler(options.handler ?? DEFAULT_HANDLER);
  const modulePath = path.join(options.srcDir, file);
  if (!MODULE_SUFFIXES.some((suffix) => fs.existsSync(modulePath + suffix))) {
    return Promise.reject(
      new AmplifyError('FunctionHandlerMissing', `The handler file ${path.relative(process.cwd(), modulePath) || modulePath}.js of function ${options.functionName} does not exist`, {
        resolution: `Restore it (e.g. from version control), or point the function's handler at an existing file`,
      }),
    );
  }
  return new Promise((resolve, reject) => {
    const child = fork(path.join(RESOURCES_DIR, 'handler-runner.js'), [], {
      cwd: options.srcDir,
      env: { ...process.env, ...options.environment },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // The CLI may run under a TypeScript loader in tests; the function is plain JavaScript.
      execArgv: [],
    });
    let outcome: InvokeOutcome | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new AmplifyError('FunctionTimedOut', `Function ${options.functionName} did not finish within ${options.timeoutMs / 1000} s`, {
          resolution: 'Make the handler return (or call its callback), or give it longer with --timeout <seconds>',
        }),
      );
    }, options.timeoutMs);
    child.on('message', (message) => (outcome = message as InvokeOutcome));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (outcome) resolve(outcome);
      else resolve({ ok: false, error: { name: 'Error', message: `the function's process exited with code ${code} before the handler finished` } });
    });
    child.send({ file: modulePath, handler: exportName, event: options.event, functionName: options.functionName, timeoutMs: options.timeoutMs });
  });
}

function splitHandler(handler: string): [string, string] {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) {
    throw new AmplifyError('InvalidHandler', `Handler "${handler}" is not of the form <file>.<function>`, { resolution: 'Use e.g. index.handler' });
  }
  return [handler.slice(0, dot), handler.slice(dot + 1)];
}
