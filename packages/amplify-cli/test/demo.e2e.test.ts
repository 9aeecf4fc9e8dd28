import * as path from 'path';
import { runProcess } from './helpers/amplify-sandbox';

jest.setTimeout(120_000);

/** `npm run demo` is the README's main-job command: it must run to the end and show the generated config. */
test('scripts/demo.js initialises, pushes and prints aws-exports.js, leaving nothing running', async () => {
  const repo = path.resolve(__dirname, '..', '..', '..');
  const result = await runProcess(process.execPath, [path.join(repo, 'scripts', 'demo.js')], {
    cwd: repo,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' },
  });
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(result.stdout).toMatch(/\| Demo +\| photos +\| Create/);
  expect(result.stdout).toMatch(/\| Demo +\| notes +\| No Change/);
  expect(result.stdout).toContain('No changes detected');
  expect(result.stdout).toMatch(/"aws_user_files_s3_bucket": "amplify-myreactapp-dev-/);
  expect(result.stdout).toMatch(/"tableName": "amplify-myreactapp-dev-/);
  expect(result.stdout).toMatch(/Stopped the local cloud/);
});
