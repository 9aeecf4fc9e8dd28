import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand, waitUntilStackCreateComplete } from '@aws-sdk/client-cloudformation';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startLocalCloud } from '../local-cloud';
import { signedRequest, startTestCloud } from './test-cloud';

describe('startLocalCloud', () => {
  it('serves CloudFormation, S3 and STS from one endpoint, and stacks survive a restart', async () => {
    const first = await startTestCloud();
    const cfn = new CloudFormationClient(first.config);
    const template = { Resources: { Site: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'stack-made-bucket' } } }, Outputs: { Name: { Value: { Ref: 'Site' } } } };
    await cfn.send(new CreateStackCommand({ StackName: 'wired', TemplateBody: JSON.stringify(template) }));
    await waitUntilStackCreateComplete({ client: cfn, maxWaitTime: 30, minDelay: 1 }, { StackName: 'wired' });
    await first.s3.send(new HeadBucketCommand({ Bucket: 'stack-made-bucket' }));
    const sts = new STSClient(first.config);
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
    sts.destroy();
    cfn.destroy();
    await first.stop();

    const second = await startTestCloud(first.dataDir);
    try {
      const again = new CloudFormationClient(second.config);
      const { Stacks } = await again.send(new DescribeStacksCommand({ StackName: 'wired' }));
      expect(Stacks?.[0]).toMatchObject({ StackStatus: 'CREATE_COMPLETE', Outputs: [{ OutputKey: 'Name', OutputValue: 'stack-made-bucket' }] });
      again.destroy();
    } finally {
      await second.dispose();
    }
  });

  it('routes IAM calls to the engine, which knows the roles its stacks made', async () => {
    const t = await startTestCloud();
    try {
      const response = await signedRequest(
        `${t.cloud.endpoint}/`,
        { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'Action=GetRole&RoleName=no-such-role&Version=2010-05-08' },
        { credentials: t.cloud.credentials, service: 'iam' },
      );
      expect(response.body).toContain('<Code>NoSuchEntity</Code>');
    } finally {
      await t.dispose();
    }
  });

  it('listens on loopback addresses only', async () => {
    await expect(startLocalCloud({ port: 0, dataDir: '/nonexistent', host: '0.0.0.0' })).rejects.toMatchObject({ code: 'LocalCloudHostNotLoopback' });
  });
});
