import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';

// Mutual exclusion under real contention: processes that each read, increment and rewrite one counter under
// withFileLockSync must never lose an increment. A lock released between a waiter's failed create and its look
// at the lock file used to be "removed" by that waiter, deleting the next holder's lock and letting two in.
const lib = path.join(__dirname, '..', 'lib', 'index.js');
const PROCESSES = 8;
const INCREMENTS = 150;

function incrementer(counter: string): Promise<number | null> {
  const script = `
    const fs = require('fs');
    const { withFileLockSync } = require(${JSON.stringify(lib)});
    for (let i = 0; i < ${INCREMENTS}; i++) {
      withFileLockSync(${JSON.stringify(counter)}, 'counting', () => {
        const value = Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8'));
        fs.writeFileSync(${JSON.stringify(counter)}, String(value + 1));
      }, { waitMs: 30000 });
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

afterEach(cleanupTempDirs);

it('loses no update when several processes take one file lock in turn', async () => {
  const counter = path.join(makeTempDir(), 'counter');
  fs.writeFileSync(counter, '0');
  const codes = await Promise.all(Array.from({ length: PROCESSES }, () => incrementer(counter)));
  expect(codes).toEqual(Array(PROCESSES).fill(0));
  expect(Number(fs.readFileSync(counter, 'utf8'))).toBe(PROCESSES * INCREMENTS);
  expect(fs.existsSync(`${counter}.lock`)).toBe(false);
});

it('names the holder in every refusal when processes race for one project lock', async () => {
  const root = makeTempDir();
  fs.mkdirSync(path.join(root, 'amplify', '.config'), { recursive: true });
  const script = `
    const { withProjectLock } = require(${JSON.stringify(lib)});
    withProjectLock(${JSON.stringify(root)}, 'push', () => new Promise((resolve) => setTimeout(resolve, 20)))
      .then(() => process.stdout.write('held'), (error) => process.stdout.write(error.message));`;
  const outcomes: string[] = [];
  for (let round = 0; round < 5; round++) {
    outcomes.push(
      ...(await Promise.all(
        Array.from({ length: PROCESSES }, () => new Promise<string>((resolve, reject) => {
          let out = '';
          const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.on('error', reject);
          child.on('exit', () => resolve(out));
        })),
      )),
    );
  }
  const refusals = outcomes.filter((outcome) => outcome !== 'held');
  expect(refusals.filter((message) => !/^Another amplify process \(pid \d+, "amplify push"\) is changing this project$/.test(message))).toEqual([]);
});
