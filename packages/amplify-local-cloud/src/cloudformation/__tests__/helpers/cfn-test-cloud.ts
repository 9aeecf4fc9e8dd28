import { CloudFormationClient, DescribeStacksCommand, DescribeStackEventsCommand, StackEvent, Stack } from '@aws-sdk/client-cloudformation';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTestCloud, usePerFileCloud, type TestCloud, type UseTestCloudOptions } from '../../../__tests__/test-cloud';

/** The local cloud on a free port over a temp data directory, with CloudFormation and S3 clients pointed at it. */
export interface CfnTestCloud {
  endpoint: string;
  dataDir: string;
  /** The running local cloud itself (its HTTPS endpoint, CA, role lookup). */
  cloud: TestCloud['cloud'];
  /** Endpoint, region and the instance's credentials: the configuration for any other SDK client. */
  config: TestCloud['config'];
  cfn: CloudFormationClient;
  s3: S3Client;
  /** Uploads a template (or any body) and answers its `https://s3.amazonaws.com/<bucket>/<key>` URL. */
  upload(bucket: string, key: string, body: string | Buffer): Promise<string>;
  /** Polls DescribeStacks until the stack leaves every IN_PROGRESS status. */
  waitForStack(stackName: string): Promise<Stack>;
  /** Every event of the stack, newest first, across pages. */
  events(stackName: string): Promise<StackEvent[]>;
  /** Stops the server, keeping the data directory (for restart tests). */
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startCfnTestCloud(): Promise<CfnTestCloud> {
  const base = await startTestCloud();
  const cfn = new CloudFormationClient(base.config);
  const { s3 } = base;
  return {
    endpoint: base.cloud.endpoint,
    dataDir: base.dataDir,
    cloud: base.cloud,
    config: base.config,
    cfn,
    s3,
    async upload(bucket, key, body) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
      return `https://s3.amazonaws.com/${bucket}/${key}`;
    },
    async waitForStack(stackName) {
      for (;;) {
        const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
        const stack = Stacks![0];
        if (!stack.StackStatus!.endsWith('_IN_PROGRESS')) return stack;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async events(stackName) {
      const all: StackEvent[] = [];
      let token: string | undefined;
      do {
        const page = await cfn.send(new DescribeStackEventsCommand({ StackName: stackName, NextToken: token }));
        all.push(...(page.StackEvents ?? []));
        token = page.NextToken;
      } while (token);
      return all;
    },
    async stop() {
      cfn.destroy();
      await base.stop();
    },
    async dispose() {
      cfn.destroy();
      await base.dispose();
    },
  };
}

/** One CloudFormation test cloud for the tests of a file. */
export function useCfnTestCloud(options: UseTestCloudOptions = {}): CfnTestCloud {
  return usePerFileCloud(startCfnTestCloud, options);
}
