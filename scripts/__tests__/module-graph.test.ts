/**
 * The module graph of every package's sources and end-to-end tests (`test/`) obeys `.dependency-cruiser.js`: no
 * import cycles, no imports into another package's files. dependency-cruiser is ESM-only, so it runs as its own
 * process.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

it('has no import cycle and no deep import across packages', () => {
  const bin = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [bin, '--config', '.dependency-cruiser.js', '--output-type', 'err', 'packages/*/src', 'packages/*/test'], {
    cwd: root,
    encoding: 'utf8',
  });
  // On failure the report names each violation with its chain of files.
  expect({ status: run.status, report: run.stdout.trim() }).toEqual({ status: 0, report: expect.stringMatching(/^✔ no dependency violations found/) });
}, 60_000);
