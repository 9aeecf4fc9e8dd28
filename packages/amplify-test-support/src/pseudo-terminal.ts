import { spawn } from 'child_process';
import type { RunResult } from './amplify-sandbox';

/** One expected question (matched on the terminal output since the previous answer) and the keys that answer it. */
export interface ScriptedAnswer {
  question: RegExp;
  keys: string;
}

/** Keys as a terminal sends them, for answers that move through a list. */
export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A' };

/** Inquirer redraws with escape sequences; questions are matched on the plain text. */
export function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

/**
 * Runs a command inside a pseudo-terminal (util-linux `script`), so the CLI sees a TTY exactly as with a person,
 * and types each answer once its question has appeared. Fails with the transcript when a question never comes.
 */
export function runInTerminal(commandLine: string, answers: ScriptedAnswer[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult & { unanswered: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qefc', commandLine, '/dev/null'], {
      cwd: options.cwd,
      env: { ...options.env, TERM: 'xterm', COLUMNS: '200', LINES: '50' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let transcript = '';
    let consumed = 0;
    let next = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Timed out waiting for ${answers[next]?.question ?? 'the command to end'}; transcript:\n${plain(transcript)}`));
    }, options.timeoutMs ?? 60000);
    const answerIfAsked = (): void => {
      const answer = answers[next];
      if (!answer) return;
      const recent = plain(transcript.slice(consumed));
      if (answer.question.test(recent)) {
        next++;
        consumed = transcript.length;
        // A moment for the prompt to start reading keys after it has drawn itself.
        setTimeout(() => {
          child.stdin.write(answer.keys);
          answerIfAsked();
        }, 80);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      transcript += chunk.toString();
      answerIfAsked();
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? -1, stdout: plain(transcript), stderr, ms: Date.now() - started, unanswered: answers.length - next });
    });
  });
}
