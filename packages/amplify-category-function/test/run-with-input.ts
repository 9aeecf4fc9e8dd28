import { spawn } from 'child_process';
import { AMPLIFY_BIN, type AmplifySandbox, type RunResult } from '../../amplify-cli/test/helpers/amplify-sandbox';

/** Runs `amplify <args>` in `cwd` with `input` piped to stdin (a `--headless` payload). */
export function runWithInput(sandbox: AmplifySandbox, cwd: string, args: string[], input: string): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AMPLIFY_BIN, ...args], { cwd, env: sandbox.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr, ms: Date.now() - started }));
    child.stdin.end(input);
  });
}
