import * as fs from 'fs';
import * as path from 'path';
import { AmplifySandbox, AMPLIFY_BIN, runProcess, snapshotDir, type RunResult } from 'amplify-test-support';
import { BAD_INPUTS, type BadInput, type CaseWorld } from './fixtures/bad-inputs';

/**
 * The bad-input corpus (issue 15): every case breaks a copy of one initialised project (a DynamoDB table and a
 * function in it) or feeds the built binary a bad flag or payload, and must end in exit 1 with one `✖` line naming
 * the path or field, one line saying what to do, no stack trace, and not one file changed.
 */
jest.setTimeout(600_000);

const CONCURRENCY = 3;

describe('bad-input corpus on the built binary', () => {
  let sandbox: AmplifySandbox;
  let pristine: string;
  const outcomes = new Map<string, { result: RunResult; changed: string[] }>();

  async function runCase(badInput: BadInput, index: number): Promise<void> {
    const app = sandbox.copyApp(pristine);
    const world: CaseWorld = { app, home: sandbox.home, scratch: path.join(sandbox.root, `scratch-${index}`) };
    fs.mkdirSync(world.scratch);
    badInput.breakProject?.(world);
    const before = snapshotDir(app);
    const env = { ...sandbox.env, ...badInput.env?.(world) };
    const cwd = badInput.cwd?.(world) ?? app;
    const args = badInput.args(world);
    const result = badInput.deleteCwd
      ? await runProcess('/bin/sh', ['-c', 'rmdir "$PWD" && exec "$0" "$@"', process.execPath, AMPLIFY_BIN, ...args], { cwd, env, stdin: badInput.stdin })
      : await runProcess(process.execPath, [AMPLIFY_BIN, ...args], { cwd, env, stdin: badInput.stdin });
    badInput.restore?.(world);
    const after = snapshotDir(app);
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((file) => before[file] !== after[file]);
    outcomes.set(badInput.name, { result, changed });
  }

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    sandbox = await AmplifySandbox.start();
    pristine = sandbox.createApp('pristine');
    expect((await sandbox.init(pristine)).exitCode).toBe(0);
    const table = {
      version: 1,
      serviceConfiguration: { serviceName: 'DynamoDB', resourceName: 'orders', columns: [{ name: 'id', type: 'string' }], partitionKey: 'id' },
    };
    expect((await sandbox.run(pristine, ['add', 'storage', '--headless'], JSON.stringify(table))).exitCode).toBe(0);
    expect((await sandbox.run(pristine, ['add', 'function', '--headless'], JSON.stringify({ version: 1, functionName: 'hello' }))).exitCode).toBe(0);
    const queue = BAD_INPUTS.map((badInput, index) => [badInput, index] as const);
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) await runCase(...next);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  });

  afterAll(async () => {
    // BAD_INPUT_REPORT=<file> keeps every case's outcome, for the tally and for reading the messages side by side.
    const report = process.env.BAD_INPUT_REPORT;
    if (report) fs.writeFileSync(report, JSON.stringify(Object.fromEntries(outcomes), null, 2));
    await sandbox?.close();
  });

  test('the corpus holds at least 200 cases with distinct names', () => {
    expect(new Set(BAD_INPUTS.map((badInput) => badInput.name)).size).toBe(BAD_INPUTS.length);
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(200);
  });

  test.each(BAD_INPUTS.map((badInput) => [badInput.name, badInput] as const))('%s', (_name, badInput) => {
    const { result, changed } = outcomes.get(badInput.name)!;
    // Context lines may come first (push says what it left); the error itself is the last two lines.
    const lines = result.stderr.split('\n');
    expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({ exitCode: 1, stderr: expect.stringMatching(/(^|\n)✖ [^\n]+\n {2}\S[^\n]*\n$/) });
    expect(lines.filter((line) => line.startsWith('✖'))).toHaveLength(1);
    expect(lines[lines.length - 3]).toMatch(badInput.names);
    expect(result.stderr).not.toMatch(/This is a bug|report it to|\n\s+at |Error: |[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(changed).toEqual([]);
  });
});
