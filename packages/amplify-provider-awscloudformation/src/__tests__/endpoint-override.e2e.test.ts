import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startLocalCloud, type LocalCloud } from 'amplify-local-cloud';
import { AwsClientFactory } from '../aws/client-factory';
import { resolveAwsTarget } from '../aws/credentials';
import { createEnvironment } from '../env/create-env';
import { deleteEnvFromCloud } from '../env/delete-env';
import { pushResources } from '../deploy/push-resources';
import { ignoreProgress } from '../deploy/progress-event';

/**
 * `configLevel: "general"` with nothing but the standard AWS variables, `AWS_ENDPOINT_URL` among them: the way a
 * CI job reaches LocalStack or any AWS-compatible endpoint. The local cloud stands in for that endpoint here.
 */

const KEYS = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AMPLIFY_HOME', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'] as const;
const saved: Record<string, string | undefined> = {};
let tmp: string;
let cloud: LocalCloud;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-endpoint-'));
  cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'cloud') });
  for (const key of KEYS) saved[key] = process.env[key];
  delete process.env.AWS_PROFILE;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: cloud.endpoint,
    AWS_ACCESS_KEY_ID: cloud.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: cloud.credentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AMPLIFY_HOME: path.join(tmp, 'amplify-home'),
    AWS_CONFIG_FILE: path.join(tmp, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, 'no-credentials'),
  });
});

afterAll(async () => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await cloud.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

it('init, push and delete reach the endpoint from AWS_ENDPOINT_URL with the default credential chain', async () => {
  const target = await resolveAwsTarget({ configLevel: 'general' }, { env: process.env });
  expect(target).toEqual({ region: 'us-east-1' });
  const factory = new AwsClientFactory(target, process.env);
  const projectRoot = path.join(tmp, 'app');
  const write = (relative: string, data: unknown) => {
    fs.mkdirSync(path.dirname(path.join(projectRoot, relative)), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, relative), JSON.stringify(data));
  };
  write('amplify/.config/project-config.json', { projectName: 'ciapp', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write('amplify/.config/local-env-info.json', { envName: 'ci' });
  try {
    const rootStack = await createEnvironment({ projectRoot, projectName: 'ciapp', envName: 'ci', awsConfig: { configLevel: 'general' }, factory, onProgress: ignoreProgress, maxPollIntervalMs: 50 });
    write('amplify/backend/storage/data/data-cloudformation-template.json', {
      Parameters: { env: { Type: 'String' } },
      Resources: { Queue: { Type: 'AWS::SQS::Queue' } },
      Outputs: { QueueName: { Value: { 'Fn::GetAtt': ['Queue', 'QueueName'] } } },
    });
    const meta = JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/backend/amplify-meta.json'), 'utf8'));
    write('amplify/backend/amplify-meta.json', { ...meta, storage: { data: { service: 'SQS', providerPlugin: 'awscloudformation' } } });
    const result = await pushResources({ projectRoot, envName: 'ci', resources: [{ category: 'storage', resourceName: 'data' }], factory, onProgress: ignoreProgress, maxPollIntervalMs: 50 });
    expect(result.outputs.storage.data.QueueName).toMatch(/\S/);
    expect(JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/.config/local-aws-info.json'), 'utf8'))).toEqual({ ci: { configLevel: 'general' } });
    const deleted = await deleteEnvFromCloud({ envName: 'ci', rootStack, factory, deleteS3: true, onProgress: ignoreProgress, maxPollIntervalMs: 50 });
    expect(deleted.stack).toBe('deleted');
  } finally {
    factory.destroy();
  }
});
