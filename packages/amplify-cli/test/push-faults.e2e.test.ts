import * as fs from 'fs';
import * as path from 'path';
import { CloudFormationClient, DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { AmplifySandbox, readJson } from 'amplify-test-support';

/**
 * A push cut off at the worst moments (amplify-cli-core `fault-point.ts`; `scripts/fault-injection/run.js` runs
 * every point): the next command must settle it, so that status tells the truth, the outputs reach the meta and
 * aws-exports.js, and `env pull --restore` keeps what is deployed.
 */
jest.setTimeout(180_000);

const TABLE = 'orders';
const JOURNAL = path.join('amplify', '.config', 'local-push-journal.json');

describe('a push interrupted by a crash', () => {
  let sandbox: AmplifySandbox;
  let apps = 0;

  beforeAll(async () => {
    sandbox = await AmplifySandbox.start({ cloudProcess: 'child' });
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  async function projectWithTable(): Promise<string> {
    const app = sandbox.createApp(`faults${++apps}`);
    expect((await sandbox.init(app)).exitCode).toBe(0);
    const table = { version: 1, serviceConfiguration: { serviceName: 'DynamoDB', resourceName: TABLE, columns: [{ name: 'id', type: 'string' }], partitionKey: 'id' } };
    expect((await sandbox.run(app, ['add', 'storage', '--headless'], JSON.stringify(table))).exitCode).toBe(0);
    return app;
  }

  /** The table's nested-stack outputs as the cloud reports them. */
  async function deployedOutputs(app: string): Promise<Record<string, string>> {
    const stackName = readJson<Record<string, { awscloudformation: { StackName: string } }>>(path.join(app, 'amplify', 'team-provider-info.json')).dev.awscloudformation.StackName;
    const cfn = new CloudFormationClient(sandbox.sdkConfig);
    try {
      const resources = (await cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }))).StackResources ?? [];
      const nested = resources.find((r) => r.LogicalResourceId === `storage${TABLE}`);
      const stack = (await cfn.send(new DescribeStacksCommand({ StackName: nested!.PhysicalResourceId }))).Stacks![0];
      return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!]));
    } finally {
      cfn.destroy();
    }
  }

  async function tableOperation(app: string): Promise<string | undefined> {
    const status = await sandbox.run(app, ['status', '--json']);
    expect(status.exitCode).toBe(0);
    return (JSON.parse(status.stdout) as { resources: Array<{ resourceName: string; operation: string }> }).resources.find((r) => r.resourceName === TABLE)?.operation;
  }

  /** After the push has been settled: everything agrees with the cloud, and a restore keeps the table. */
  async function expectConverged(app: string): Promise<void> {
    expect(fs.existsSync(path.join(app, JOURNAL))).toBe(false);
    expect(await tableOperation(app)).toBe('No Change');
    const outputs = await deployedOutputs(app);
    expect(readJson<{ storage: Record<string, { output: unknown }> }>(path.join(app, 'amplify', 'backend', 'amplify-meta.json')).storage[TABLE].output).toEqual(outputs);
    expect(fs.readFileSync(path.join(app, 'src', 'aws-exports.js'), 'utf8')).toContain(JSON.stringify(outputs.Name));
    expect((await sandbox.run(app, ['env', 'pull', '--restore'])).exitCode).toBe(0);
    expect(fs.existsSync(path.join(app, 'amplify', 'backend', 'storage', TABLE))).toBe(true);
  }

  test('killed during the upload of #current-cloud-backend.zip: the next status records the deploy', async () => {
    const app = await projectWithTable();
    const push = await sandbox.run(app, ['push', '--yes'], undefined, { AMPLIFY_FAULT_POINT: 'push:during-final-upload' });
    expect(push.exitCode).not.toBe(0);
    expect(fs.existsSync(path.join(app, JOURNAL))).toBe(true);

    const status = await sandbox.run(app, ['status']);
    expect(status.exitCode).toBe(0);
    expect(status.stderr).toMatch(/was interrupted after its deploy; it is now recorded locally and in the cloud/);
    expect(status.stdout).toMatch(/\| Storage +\| orders +\| No Change/);
    await expectConverged(app);
  });

  test('killed right after UpdateStack started: the stack finishes without the CLI, and the next push sees no change', async () => {
    const app = await projectWithTable();
    const push = await sandbox.run(app, ['push', '--yes'], undefined, { AMPLIFY_FAULT_POINT: 'push:after-update-stack-started' });
    expect(push.exitCode).not.toBe(0);

    const again = await sandbox.run(app, ['push', '--yes']);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toMatch(/was interrupted after its deploy/);
    expect(again.stdout).toMatch(/No changes detected/);
    await expectConverged(app);
  });

  test('the local cloud killed mid-push: status says what it cannot know, and once the cloud is back it converges', async () => {
    const app = await projectWithTable();
    const cloud = sandbox.cloudProcess;
    const push = await sandbox.run(app, ['push', '--yes'], undefined, { AMPLIFY_FAULT_POINT: 'push:during-stack-wait', AMPLIFY_FAULT_KILL_PID: String(cloud.pid) });
    expect(push.exitCode).toBe(1);
    expect(push.stderr).toMatch(/whether the cloud took its deploy cannot be settled now/);
    await cloud.kill();

    const blind = await sandbox.run(app, ['status']);
    expect(blind.exitCode).toBe(0);
    expect(blind.stderr).toMatch(/was interrupted and cannot be settled now/);
    expect((await sandbox.run(app, ['push', '--yes'])).stderr).toMatch(/^✖ The push of .* was interrupted/);

    await cloud.restart();
    expect((await sandbox.run(app, ['push', '--yes'])).exitCode).toBe(0);
    await expectConverged(app);
  });
});
