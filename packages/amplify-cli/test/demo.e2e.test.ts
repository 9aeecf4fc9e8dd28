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
  // An env on the local cloud gets aws-amplify 6's config shape, pointing sign-in at the local cloud.
  expect(result.stdout).toMatch(/"userPoolId": "us-east-1_\w+"/);
  expect(result.stdout).toMatch(/"userPoolEndpoint": "https:\/\/127\.0\.0\.1:\d+"/);
  expect(result.stdout).toMatch(/"identityPoolId": "us-east-1:[0-9a-f-]+"/);
  expect(result.stdout).toMatch(/"bucket": "myreactapp\w+-dev"/);
  expect(result.stdout).toMatch(/\| Storage +\| notes +\| No Change/);
  expect(result.stdout).toMatch(/Stopped the local cloud/);
});
