import * as fs from 'fs';
import * as path from 'path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { AmplifySandbox, GENERAL_PROVIDERS, readJson, snapshotDir } from './helpers/amplify-sandbox';

/**
 * What the CLI writes, and where: a failed command leaves the project as it found it, init checks that it can write
 * before it creates anything in the cloud, settings that name folders stay inside the project, and a template
 * naming a resource in a way AWS refuses fails the push before any upload.
 */
jest.setTimeout(180_000);

type Meta = { providers: { awscloudformation: { StackName: string; DeploymentBucketName: string } } } & Record<string, Record<string, unknown>>;

const ADD_REQUESTS: Record<string, unknown> = {
  function: { version: 1, functionName: 'worker' },
  storage: {
    version: 1,
    serviceConfiguration: { serviceName: 'DynamoDB', resourceName: 'orders', columns: [{ name: 'id', type: 'string' }], partitionKey: 'id' },
  },
  auth: {
    version: 2,
    resourceName: 'shopauth',
    serviceConfiguration: { serviceName: 'Cognito', includeIdentityPool: false, userPoolConfiguration: { signinMethod: 'EMAIL', requiredSignupAttributes: ['EMAIL'] } },
  },
};

describe('write safety (built binary, local cloud)', () => {
  let sandbox: AmplifySandbox;
  /** An initialised project that each test copies before breaking the copy. */
  let pristine: string;
  let copies = 0;
  const copyProject = (): string => {
    const copy = path.join(sandbox.root, `copy-${++copies}`);
    fs.cpSync(pristine, copy, { recursive: true });
    return copy;
  };
  const credentials = () => ({ accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID!, secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY! });
  const rootStacks = async (): Promise<string[]> => {
    const cfn = new CloudFormationClient({ endpoint: sandbox.cloud.endpoint, region: 'us-east-1', credentials: credentials() });
    const listed = await cfn.send(new ListStacksCommand({}));
    cfn.destroy();
    return (listed.StackSummaries ?? []).filter((s) => s.StackStatus !== 'DELETE_COMPLETE').map((s) => s.StackName!);
  };

  beforeAll(async () => {
    sandbox = await AmplifySandbox.start();
    pristine = sandbox.createApp('pristine');
    const init = await sandbox.init(pristine);
    expect(init.stderr).toBe('');
    expect(init.exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  describe.each(['function', 'storage', 'auth'])('amplify add %s', (category) => {
    test.each([
      ['backend-config.json', '{ "function": { '],
      ['amplify-meta.json', '{"providers": }'],
    ])('with a corrupt %s fails in one line naming the file and changes nothing', async (file, corrupt) => {
      const app = copyProject();
      fs.writeFileSync(path.join(app, 'amplify', 'backend', file), corrupt);
      const before = snapshotDir(app);
      const result = await sandbox.run(app, ['add', category, '--headless'], JSON.stringify(ADD_REQUESTS[category]));
      expect(result.exitCode).toBe(1);
      // The error and its resolution, no stack.
      const [message, ...rest] = result.stderr.trimEnd().split('\n');
      expect(message).toMatch(new RegExp(`^✖ .*${path.join('amplify', 'backend', file).replace(/[.]/g, '\\.')}`));
      expect(rest.length).toBeLessThanOrEqual(1);
      expect(snapshotDir(app)).toEqual(before);
    });
  });
});
