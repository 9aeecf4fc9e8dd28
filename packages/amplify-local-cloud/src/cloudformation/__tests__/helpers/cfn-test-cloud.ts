import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CloudFormationClient, DescribeStacksCommand, DescribeStackEventsCommand, StackEvent, Stack } from '@aws-sdk/client-cloudformation';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_ACCOUNT_ID, type CloudFormationService, type ServiceHandler } from '../../../contracts';
import { createS3Handler } from '../../../s3/s3-api';
import { S3Store } from '../../../s3/s3-store';
import { WEBSITE_PATH_PREFIX } from '../../../s3/website-path';
import { serveWebsite } from '../../../s3/website-server';
import { listenHttp } from '../../../server/http-server';
import { routeRequest } from '../../../server/request-router';
import { openDatabase } from '../../../store/database';
import { createCloudFormationService } from '../../index';

/** The local cloud's S3 and CloudFormation on a free port, with SDK clients pointed at it. */
export interface CfnTestCloud {
  endpoint: string;
  dataDir: string;
  cfn: CloudFormationClient;
  s3: S3Client;
  /** Uploads a template (or any body) and answers its `https://s3.amazonaws.com/<bucket>/<key>` URL. */
  upload(bucket: string, key: string, body: string | Buffer): Promise<string>;
  /** Polls DescribeStacks until the stack leaves every IN_PROGRESS status. */
  waitForStack(stackName: string): Promise<Stack>;
  events(stackName: string): Promise<StackEvent[]>;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startCfnTestCloud(dataDir?: string): Promise<CfnTestCloud> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-cfn-test-'));
  const db = openDatabase(dir);
  let services: Map<string, ServiceHandler> | undefined;
  let store: S3Store | undefined;
  const server = await listenHttp('127.0.0.1', 0, async (request) =>
    routeRequest(request, {
      services: services!,
      publicPaths: [{ prefix: WEBSITE_PATH_PREFIX, handle: (raw) => serveWebsite(store!, raw.method, raw.path, raw.headers) }],
    }),
  );
  const endpoint = `http://127.0.0.1:${server.port}`;
  store = new S3Store(db, dir, endpoint);
  const cloudformation: CloudFormationService = createCloudFormationService({ db, buckets: store, endpoint, accountId: LOCAL_ACCOUNT_ID, dataDir: dir });
  await cloudformation.recover();
  services = new Map<string, ServiceHandler>([
    ['s3', createS3Handler({ store, endpoint })],
    ['cloudformation', cloudformation.handle],
  ]);
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local-secret' } };
  const cfn = new CloudFormationClient(config);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const stop = async () => {
    cfn.destroy();
    s3.destroy();
    await cloudformation.close();
    await server.close();
    db.close();
  };
  return {
    endpoint,
    dataDir: dir,
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
    stop,
    async dispose() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
