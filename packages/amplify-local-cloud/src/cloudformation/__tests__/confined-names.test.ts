import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CreateStackCommand, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { useCfnTestCloud } from './helpers/cfn-test-cloud';

const cloud = useCfnTestCloud();

/** Files and folders a hostile `FunctionName` would reach, each with content that proves it was left alone. */
function plantSentinels(): Map<string, string> {
  const engine = path.join(cloud.dataDir, 'cloudformation');
  const files = new Map([
    [path.join(outside, 'keep.txt'), 'outside the data directory'],
    [path.join(engine, 'x', 'keep.txt'), 'a sibling of the lambda folder'],
    [path.join(engine, 'keep.txt'), "the engine's own folder"],
    [path.join(engine, 'lambda', 'a', 'keep.txt'), 'a folder inside the lambda folder'],
    [path.join(engine, 'lambda', 'b', 'keep.txt'), 'another function'],
  ]);
  for (const [file, content] of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return files;
}

function expectUntouched(files: Map<string, string>): void {
  for (const [file, content] of files) expect(fs.readFileSync(file, 'utf8')).toBe(content);
}

let outside: string;
beforeAll(() => {
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-outside-'));
});
afterAll(() => {
  fs.rmSync(outside, { recursive: true, force: true });
});

const functionTemplate = (properties: Record<string, unknown>) =>
  JSON.stringify({
    Resources: {
      Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } },
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: 'exports.handler = async () => {};' }, ...properties },
      },
    },
  });

async function failedReason(stackName: string): Promise<string> {
  const stack = await cloud.waitForStack(stackName);
  expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
  const failed = (await cloud.events(stackName)).find((event) => event.LogicalResourceId === 'Fn' && event.ResourceStatus === 'CREATE_FAILED');
  return failed?.ResourceStatusReason ?? '';
}

describe('a FunctionName that would leave the lambda folder', () => {
  const escaping = () => `../../../${path.basename(outside)}`;
  test.each([['../x'], ['..'], ['a/b'], ['escape']])('%s fails the resource as Lambda refuses it, and touches nothing on create or delete', async (given) => {
    const name = given === 'escape' ? escaping() : given;
    const sentinels = plantSentinels();
    const stackName = `bad-name-${['../x', '..', 'a/b', 'escape'].indexOf(given)}`;
    await cloud.cfn.send(new CreateStackCommand({ StackName: stackName, TemplateBody: functionTemplate({ FunctionName: name }), Capabilities: ['CAPABILITY_IAM'] }));
    expect(await failedReason(stackName)).toMatch(
      new RegExp(`^Resource handler returned message: "1 validation error detected: Value '${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: .*\\(Service: Lambda, Status Code: 400, Request ID: [-0-9a-f]+\\)" \\(HandlerErrorCode: InvalidRequest\\)$`),
    );
    expectUntouched(sentinels);
    await cloud.cfn.send(new DeleteStackCommand({ StackName: stackName }));
    await cloud.waitForStack(stackName).catch(() => undefined);
    expectUntouched(sentinels);
  });
});

test('names Lambda accepts (plain, ARN) deploy under the lambda folder; a too-long one and a bad layer name are refused', async () => {
  await cloud.cfn.send(
    new CreateStackCommand({
      StackName: 'arn-name',
      TemplateBody: functionTemplate({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:by-arn_1' }),
      Capabilities: ['CAPABILITY_IAM'],
    }),
  );
  expect((await cloud.waitForStack('arn-name')).StackStatus).toBe('CREATE_COMPLETE');
  expect(fs.existsSync(path.join(cloud.dataDir, 'cloudformation', 'lambda', 'by-arn_1', 'index.js'))).toBe(true);

  await cloud.cfn.send(new CreateStackCommand({ StackName: 'long-name', TemplateBody: functionTemplate({ FunctionName: 'f'.repeat(65) }), Capabilities: ['CAPABILITY_IAM'] }));
  expect(await failedReason('long-name')).toContain('at \'functionName\' failed to satisfy constraint: Member must have length less than or equal to 64');

  await cloud.cfn.send(new CreateStackCommand({ StackName: 'bad-handler', TemplateBody: functionTemplate({ Handler: 'index handler' }), Capabilities: ['CAPABILITY_IAM'] }));
  expect(await failedReason('bad-handler')).toContain("Value 'index handler' at 'handler' failed to satisfy constraint");

  await cloud.cfn.send(
    new CreateStackCommand({
      StackName: 'bad-layer',
      TemplateBody: JSON.stringify({ Resources: { Layer: { Type: 'AWS::Lambda::LayerVersion', Properties: { LayerName: '../layer', Content: { S3Bucket: 'b', S3Key: 'k' } } } } }),
    }),
  );
  expect((await cloud.waitForStack('bad-layer')).StackStatus).toBe('ROLLBACK_COMPLETE');
  const layerFailure = (await cloud.events('bad-layer')).find((event) => event.ResourceStatus === 'CREATE_FAILED');
  expect(layerFailure?.ResourceStatusReason).toContain("Value '../layer' at 'layerName' failed to satisfy constraint");
});

test('CreateStack refuses a stack name AWS refuses', async () => {
  await expect(cloud.cfn.send(new CreateStackCommand({ StackName: '../stack', TemplateBody: functionTemplate({}) }))).rejects.toMatchObject({ name: 'ValidationError' });
  await expect(cloud.cfn.send(new CreateStackCommand({ StackName: `s${'a'.repeat(128)}`, TemplateBody: functionTemplate({}) }))).rejects.toMatchObject({
    name: 'ValidationError',
    message: expect.stringContaining('Member must have length less than or equal to 128'),
  });
});
