import { AmplifyError } from 'amplify-cli-core';

export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Runs a project command (BuildCommand, StartCommand) in the app folder with the terminal attached. The line is split
 * on whitespace like the original does; Windows needs a shell to start `npm.cmd`.
 */
export function runCommandLine(commandLine: string, cwd: string): Promise<CommandResult> {
  const [program, ...args] = commandLine.trim().split(/\s+/);
  // Required here: child_process costs tens of milliseconds to load, and init and push never run a command.
  const { spawn } = require('child_process') as typeof import('child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new AmplifyError('CommandNotFound', `"${program}" was not found (running "${commandLine}" in ${cwd})`, {
              resolution: 'Install it, or change the command with "amplify configure project"',
              cause: error,
            })
          : error,
      );
    });
    child.once('close', (exitCode, signal) => resolve({ exitCode, signal }));
  });
}

export function describeFailure(result: CommandResult): string {
  return result.signal ? `was stopped by ${result.signal}` : `exited with code ${result.exitCode}`;
}
