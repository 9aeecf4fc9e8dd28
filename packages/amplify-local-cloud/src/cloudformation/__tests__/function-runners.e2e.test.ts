import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { ensureLocalCloud, stopInstance } from '../..';

/**
 * Custom-resource functions run in child processes of the server: they must end with it, whether it stops cleanly
 * or is killed outright. Needs the built package (`npx tsc -b packages/amplify-local-cloud`): the server is the
 * detached bin that `ensureLocalCloud` starts.
 */

/** A function that records its pid and then never answers: only the end of its server can end it. */
const SLEEPER = `
exports.handler = () => {
  require('fs').writeFileSync(process.env.PID_FILE, String(process.pid));
  setInterval(() => undefined, 1000);
  return new Promise(() => undefined);
};`;

/** Alive and not a zombie waiting for a parent that is gone (a container's init may never reap it). */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let root: string;
beforeAll(() => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-runners-'));
});
afterAll(async () => {
  for (const entry of fs.readdirSync(root)) await stopInstance({ dataDir: path.join(root, entry) });
  fs.rmSync(root, { recursive: true, force: true });
});

/** Starts a detached server for `name`, deploys the sleeping custom resource, and answers the runner's pid. */
async function runnerOfNewServer(name: string): Promise<{ dataDir: string; serverPid: number; runnerPid: number }> {
  const dataDir = path.join(root, name);
  const { endpoint, credentials } = await ensureLocalCloud({ dataDir, port: 0 });
  const serverPid = (JSON.parse(fs.readFileSync(path.join(dataDir, 'server.json'), 'utf8')) as { pid: number }).pid;
  const pidFile = path.join(root, `${name}.pid`);
  const cfn = new CloudFormationClient({ endpoint, region: 'us-east-1', credentials });
  await cfn.send(
    new CreateStackCommand({
      StackName: 'sleeper',
      Capabilities: ['CAPABILITY_IAM'],
      TemplateBody: JSON.stringify({
        Resources: {
          Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } },
          Fn: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              Runtime: 'nodejs20.x',
              Handler: 'index.handler',
              Timeout: 900,
              Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
              Environment: { Variables: { PID_FILE: pidFile } },
              Code: { ZipFile: SLEEPER },
            },
          },
          Sleeper: { Type: 'Custom::Sleeper', Properties: { ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] } } },
        },
      }),
    }),
  );
  cfn.destroy();
  await until(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8') !== '', 'the function to start', 30000);
  const runnerPid = Number(fs.readFileSync(pidFile, 'utf8'));
  expect(running(runnerPid)).toBe(true);
  return { dataDir, serverPid, runnerPid };
}

test('a function runner ends within seconds of its server being killed with SIGKILL', async () => {
  const { serverPid, runnerPid } = await runnerOfNewServer('killed');
  process.kill(serverPid, 'SIGKILL');
  await until(() => !running(serverPid), 'the server to die');
  await until(() => !running(runnerPid), 'the orphaned runner to end');
});

test('a clean stop ends the function runner instead of waiting for it', async () => {
  const { dataDir, serverPid, runnerPid } = await runnerOfNewServer('stopped');
  // stopInstance sends SIGTERM, and SIGKILL only after 10 s: not forced means the server stopped itself.
  await expect(stopInstance({ dataDir })).resolves.toMatchObject({ type: 'stopped', forced: false });
  expect(running(serverPid)).toBe(false);
  await until(() => !running(runnerPid), 'the runner to end');
});
