import * as fs from 'fs';
import * as path from 'path';
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { strToU8, zipSync } from 'fflate';
import { startTestCloud } from '../../__tests__/test-cloud';

test('a function stays warm between invocations until it is redeployed, and answers after a restart with its log kept', async () => {
  const first = await startTestCloud();
  const cfn = new CloudFormationClient(first.config);
  await first.s3.send(new CreateBucketCommand({ Bucket: 'code' }));
  await first.s3.send(new PutObjectCommand({ Bucket: 'code', Key: 'f.zip', Body: Buffer.from(zipSync({ 'index.js': strToU8('let count = 0; exports.handler = async (e) => ({ twice: e.n * 2, env: process.env.MODE, count: ++count });') })) }));
  const template = (mode: string) => ({
    Resources: {
      Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } } },
      Doubler: {
        Type: 'AWS::Lambda::Function',
        Properties: { FunctionName: 'doubler', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { S3Bucket: 'code', S3Key: 'f.zip' }, Environment: { Variables: { MODE: mode } } },
      },
    },
  });
  const settled = async () => {
    for (;;) {
      const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'fn' }));
      if (!Stacks![0].StackStatus!.endsWith('_IN_PROGRESS')) return Stacks![0].StackStatus;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await cfn.send(new CreateStackCommand({ StackName: 'fn', TemplateBody: JSON.stringify(template('first')), Capabilities: ['CAPABILITY_IAM'] }));
  expect(await settled()).toBe('CREATE_COMPLETE');
  const invoke = async (lambda: LambdaClient) => JSON.parse(Buffer.from((await lambda.send(new InvokeCommand({ FunctionName: 'doubler', Payload: Buffer.from('{"n":21}') }))).Payload!).toString('utf8')) as unknown;
  const before = new LambdaClient(first.config);
  expect(await invoke(before)).toEqual({ twice: 42, env: 'first', count: 1 });
  expect(await invoke(before)).toEqual({ twice: 42, env: 'first', count: 2 });
  await cfn.send(new UpdateStackCommand({ StackName: 'fn', TemplateBody: JSON.stringify(template('kept')), Capabilities: ['CAPABILITY_IAM'] }));
  expect(await settled()).toBe('UPDATE_COMPLETE');
  expect(await invoke(before)).toEqual({ twice: 42, env: 'kept', count: 1 });
  before.destroy();
  cfn.destroy();
  await first.stop();

  const second = await startTestCloud(first.dataDir);
  const after = new LambdaClient(second.config);
  try {
    expect(await invoke(after)).toEqual({ twice: 42, env: 'kept', count: 1 });
    const log = fs.readFileSync(path.join(second.dataDir, 'lambda-logs', 'doubler.log'), 'utf8');
    expect(log.match(/^START RequestId/gm)).toHaveLength(4);
  } finally {
    after.destroy();
    await second.dispose();
  }
});
