import { PassThrough } from 'stream';
import { plain } from 'amplify-test-support';
import { runCli } from '../../cli';
import { fakeEnvironment, FakeMachine, RunOptions } from './fixtures';

/**
 * One exchange with a prompt: when `question` appears in the output (after the previous one), `keys` are typed (a
 * function is called at that moment, so a test can also look at the world as it is when the question is asked).
 */
export interface TerminalAnswer {
  question: string | RegExp;
  keys: string | (() => string);
}

export interface TerminalRun {
  code: number;
  /** Everything written to the terminal, escape sequences removed. */
  screen: string;
  stderr: string;
  /** Scripted answers whose question never appeared. */
  unusedAnswers: number;
}

/**
 * Runs the CLI in-process with a terminal on both ends, typing each answer only once its question is on screen
 * (inquirer reads keys per prompt: typed ahead, they would be lost). Exchanges must happen in order.
 */
export async function runInTerminal(machine: FakeMachine, args: string[], answers: TerminalAnswer[], options: RunOptions = {}): Promise<TerminalRun> {
  const run = fakeEnvironment(machine, args, { ...options, stdinIsTTY: true });
  const stdin = run.environment.stdin as PassThrough;
  const output = new PassThrough();
  let screen = '';
  let searchFrom = 0;
  const pending = [...answers];
  const typeWhenAsked = (): void => {
    const next = pending[0];
    if (!next) return;
    const visible = plain(screen.slice(searchFrom));
    const found = typeof next.question === 'string' ? visible.includes(next.question) : next.question.test(visible);
    if (!found) return;
    pending.shift();
    searchFrom = screen.length;
    const keys = typeof next.keys === 'function' ? next.keys() : next.keys;
    setImmediate(() => stdin.write(keys));
  };
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    typeWhenAsked();
  });
  // Each prompt pipes into the output and ends it when done; a real stdout outlives that, so ending is ignored.
  run.environment.stdout = Object.assign(output, { isTTY: true, end: () => output }) as unknown as typeof run.environment.stdout;
  const code = await runCli(run.environment);
  stdin.end();
  return {
    code,
    screen: plain(screen + run.stdout()),
    stderr: run.stderr(),
    unusedAnswers: pending.length,
  };
}
