import * as path from 'path';
import { runProcess } from 'amplify-test-support';

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
  for (const category of ['Auth', 'Storage', 'Function']) {
    expect(result.stdout).toMatch(new RegExp(`\\| ${category} +\\| \\w+ +\\| Create`));
    expect(result.stdout).toMatch(new RegExp(`\\| ${category} +\\| \\w+ +\\| No Change`));
  }
  expect(result.stdout).toContain('No changes detected');
  expect(result.stdout).toContain('"body": "\\"Hello from Lambda!\\""');
  expect(result.stdout).toMatch(/"aws_user_pools_id": "us-east-1_\w+"/);
  expect(result.stdout).toMatch(/"aws_cognito_identity_pool_id": "us-east-1:[0-9a-f-]+"/);
  expect(result.stdout).toMatch(/"aws_user_files_s3_bucket": "myreactapp\w+-dev"/);
  expect(result.stdout).toMatch(/"tableName": "notes-dev"/);
  expect(result.stdout).toMatch(/Stopped the local cloud/);
});
