import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Runs the built library (lib/) in separate node processes, as two `amplify` commands on one project would.
const lib = path.join(__dirname, '..', 'lib', 'index.js');

function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-lock-e2e-'));
  fs.mkdirSync(path.join(root, 'amplify', '.config'), { recursive: true });
  return root;
}

/** A process that takes the lock through withProjectLock, says so, and holds it until stdin closes. */
function holder(root: string, command: string): Promise<ChildProcess> {
  const script = `
    const { withProjectLock } = require(${JSON.stringify(lib)});
    withProjectLock(${JSON.stringify(root)}, ${JSON.stringify(command)}, () => new Promise((resolve) => {
      process.stdout.write('locked\\n');
      process.stdin.on('end', resolve);
      process.stdin.resume();
    })).then(() => process.stdout.write('released\\n'));
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

/** A second command trying the lock; resolves with its exit code and what it printed. */
function contender(root: string): Promise<{ code: number | null; output: string }> {
  const script = `
    const { withProjectLock } = require(${JSON.stringify(lib)});
    withProjectLock(${JSON.stringify(root)}, 'status', () => process.stdout.write('got the lock\\n')).catch((e) => {
      process.stdout.write(e.code + ': ' + e.message + '\\n');
      process.exitCode = 1;
    });
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

function exit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

describe('project lock across processes', () => {
  const roots: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
      await exit(child);
    }
    for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });

  it('a second command fails at once naming the first; after the first ends, the lock is free', async () => {
    const root = project();
    roots.push(root);
    const first = await holder(root, 'push');
    children.push(first);

    const refused = await contender(root);
    expect(refused.code).toBe(1);
    expect(refused.output.trim()).toBe(`ProjectLocked: Another amplify process (pid ${first.pid}, "amplify push") is changing this project`);

    first.stdin!.end();
    await exit(first);
    expect(fs.existsSync(path.join(root, 'amplify', '.config', '.lock'))).toBe(false);
    expect(await contender(root)).toEqual({ code: 0, output: 'got the lock\n' });
  });

  it('a command that crashed while holding the lock does not block the next one', async () => {
    const root = project();
    roots.push(root);
    const crashed = await holder(root, 'push');
    crashed.kill('SIGKILL');
    await exit(crashed);
    expect(fs.existsSync(path.join(root, 'amplify', '.config', '.lock'))).toBe(true);
    expect(await contender(root)).toEqual({ code: 0, output: 'got the lock\n' });
  });
});
