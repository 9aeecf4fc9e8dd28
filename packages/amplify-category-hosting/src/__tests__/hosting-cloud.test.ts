import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sdkHostingCloud } from '../service/hosting-cloud';

const s3Mock = mockClient(S3Client);
const cloudFrontMock = mockClient(CloudFrontClient);
const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret' };

function cloud() {
  const destroyed: string[] = [];
  const s3 = new S3Client({ region: 'us-east-1', credentials });
  const hosting = sdkHostingCloud({ target: { region: 'us-east-1', credentials, endpoint: 'http://127.0.0.1:4581' }, s3Client: () => s3, destroy: () => void destroyed.push('factory') });
  return { hosting, destroyed };
}

beforeEach(() => {
  s3Mock.reset();
  cloudFrontMock.reset();
});

test('the listing follows continuation tokens and keeps each ETag', async () => {
  s3Mock
    .on(ListObjectsV2Command, { Bucket: 'site-dev', ContinuationToken: undefined })
    .resolves({ Contents: [{ Key: 'a.js', ETag: '"1"' }], IsTruncated: true, NextContinuationToken: 't2' })
    .on(ListObjectsV2Command, { Bucket: 'site-dev', ContinuationToken: 't2' })
    .resolves({ Contents: [{ Key: 'index.html', ETag: '"2"' }], IsTruncated: false });
  expect([...(await cloud().hosting.listObjects('site-dev'))]).toEqual([
    ['a.js', '"1"'],
    ['index.html', '"2"'],
  ]);
});

test('an upload sends the file with its content type and cache header', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hosting-put-'));
  fs.writeFileSync(path.join(dir, 'app.js'), 'run()');
  s3Mock.on(PutObjectCommand).resolves({});
  await cloud().hosting.putObject('site-dev', { key: 'js/app.js', filePath: path.join(dir, 'app.js'), md5: 'x', size: 5, contentType: 'application/javascript; charset=utf-8', cacheControl: 'no-cache' });
  const input = s3Mock.commandCalls(PutObjectCommand)[0].args[0].input;
  expect({ ...input, Body: String(input.Body) }).toEqual({ Bucket: 'site-dev', Key: 'js/app.js', Body: 'run()', ContentType: 'application/javascript; charset=utf-8', CacheControl: 'no-cache' });
  fs.rmSync(dir, { recursive: true, force: true });
});

test('deletions go in batches of 1,000 and a refused key fails the publish naming it', async () => {
  s3Mock.on(DeleteObjectsCommand).resolves({});
  const keys = Array.from({ length: 1500 }, (_, index) => `old/${index}.js`);
  await cloud().hosting.deleteObjects('site-dev', keys);
  expect(s3Mock.commandCalls(DeleteObjectsCommand).map((call) => call.args[0].input.Delete?.Objects?.length)).toEqual([1000, 500]);
  s3Mock.on(DeleteObjectsCommand).resolves({ Errors: [{ Key: 'old/1.js', Code: 'AccessDenied' }] });
  await expect(cloud().hosting.deleteObjects('site-dev', ['old/1.js'])).rejects.toThrow('S3 refused to delete old/1.js (AccessDenied)');
});

test('an invalidation covers /* with a fresh caller reference and answers its id; close destroys the clients', async () => {
  cloudFrontMock.on(CreateInvalidationCommand).resolves({ Invalidation: { Id: 'I2J4', Status: 'InProgress', CreateTime: new Date(), InvalidationBatch: undefined } });
  const { hosting, destroyed } = cloud();
  expect(await hosting.invalidateAll('E1ABC')).toBe('I2J4');
  const input = cloudFrontMock.commandCalls(CreateInvalidationCommand)[0].args[0].input;
  expect(input).toEqual({ DistributionId: 'E1ABC', InvalidationBatch: { CallerReference: expect.stringMatching(/^amplify-publish-\d+$/), Paths: { Quantity: 1, Items: ['/*'] } } });
  hosting.close();
  expect(destroyed).toEqual(['factory']);
});
