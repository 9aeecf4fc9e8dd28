import { CreateStackCommand, DeleteStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { useCfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';
import { rawRequest, signedRequest } from '../../__tests__/test-cloud';
import { readDistributionSettings } from '../distribution-settings';

const cloud = useCfnTestCloud();

const siteTemplate = (errorResponses: unknown[]) =>
  JSON.stringify({
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'cf-site-bucket' } },
      Identity: { Type: 'AWS::CloudFront::CloudFrontOriginAccessIdentity', Properties: { CloudFrontOriginAccessIdentityConfig: { Comment: 'site' } } },
      Policy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: 'Bucket' },
          PolicyDocument: {
            Statement: [{ Effect: 'Allow', Principal: { CanonicalUser: { 'Fn::GetAtt': ['Identity', 'S3CanonicalUserId'] } }, Action: 's3:GetObject', Resource: { 'Fn::Sub': 'arn:aws:s3:::${Bucket}/*' } }],
          },
        },
      },
      Distribution: {
        Type: 'AWS::CloudFront::Distribution',
        Properties: {
          DistributionConfig: {
            Enabled: true,
            DefaultRootObject: 'index.html',
            Origins: [{ Id: 'site', DomainName: { 'Fn::GetAtt': ['Bucket', 'RegionalDomainName'] }, S3OriginConfig: { OriginAccessIdentity: { 'Fn::Sub': 'origin-access-identity/cloudfront/${Identity}' } } }],
            DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'redirect-to-https', ForwardedValues: { QueryString: false }, DefaultTTL: 600 },
            CustomErrorResponses: errorResponses,
          },
        },
      },
    },
    Outputs: { Id: { Value: { Ref: 'Distribution' } }, DomainName: { Value: { 'Fn::GetAtt': ['Distribution', 'DomainName'] } } },
  });

let id = '';
let site = '';

async function deploy(operation: 'create' | 'update', errorResponses: unknown[]): Promise<void> {
  const input = { StackName: 'cfsite', TemplateBody: siteTemplate(errorResponses) };
  await cloud.cfn.send(operation === 'create' ? new CreateStackCommand(input) : new UpdateStackCommand(input));
  const stack = await cloud.waitForStack('cfsite');
  expect(stack.StackStatus).toBe(operation === 'create' ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE');
  const outputs = Object.fromEntries(stack.Outputs!.map((output) => [output.OutputKey, output.OutputValue!]));
  id = outputs.Id;
  site = `http://${outputs.DomainName}/`;
}

const invalidate = (distributionId: string, body: string) =>
  signedRequest(`${cloud.endpoint}/2020-05-31/distribution/${distributionId}/invalidation`, { method: 'POST', body, headers: { 'content-type': 'application/xml' } }, { credentials: cloud.config.credentials, service: 'cloudfront' });
const batch = (reference: string, paths: string[], quantity = paths.length) =>
  `<InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Paths><Quantity>${quantity}</Quantity><Items>${paths.map((p) => `<Path>${p}</Path>`).join('')}</Items></Paths><CallerReference>${reference}</CallerReference></InvalidationBatch>`;

test('a distribution is served at the URL its DomainName gives: default root object, objects with their type', async () => {
  await deploy('create', [{ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 300 }]);
  expect(id).toMatch(/^E[A-Z0-9]{13}$/);
  expect(site).toBe(`${cloud.endpoint}/_cloudfront/${id}/`);
  const s3 = cloud.s3;
  await s3.send(new PutObjectCommand({ Bucket: 'cf-site-bucket', Key: 'index.html', Body: '<h1>home</h1>', ContentType: 'text/html' }));
  await s3.send(new PutObjectCommand({ Bucket: 'cf-site-bucket', Key: 'js/app.js', Body: 'run()', ContentType: 'application/javascript', CacheControl: 'no-cache' }));
  const root = await rawRequest(site);
  expect([root.status, root.headers['content-type'], root.body]).toEqual([200, 'text/html', '<h1>home</h1>']);
  expect(root.headers['cache-control']).toBe('max-age=600');
  const script = await rawRequest(`${site}js/app.js`);
  expect([script.status, script.headers['content-type'], script.headers['cache-control'], script.body]).toEqual([200, 'application/javascript', 'no-cache', 'run()']);
  const notModified = await rawRequest(`${site}js/app.js`, { headers: { 'if-none-match': String(script.headers.etag) } });
  expect(notModified.status).toBe(304);
  const withoutSlash = await rawRequest(`${cloud.endpoint}/_cloudfront/${id}`);
  expect([withoutSlash.status, withoutSlash.headers.location]).toEqual([301, `/_cloudfront/${id}/`]);
});

test('a missing key is the origin 403, which the custom error response turns into the page and status it names', async () => {
  const routed = await rawRequest(`${site}orders/42`);
  expect([routed.status, routed.body]).toEqual([200, '<h1>home</h1>']);
  await deploy('update', []);
  const denied = await rawRequest(`${site}orders/42`);
  expect(denied.status).toBe(403);
  expect(denied.body).toContain('<Code>AccessDenied</Code>');
  expect((await rawRequest(`${site}index.html`, { method: 'POST' })).status).toBe(403);
});

test('invalidations are recorded, complete, answered again for the same caller reference, and checked', async () => {
  const created = await invalidate(id, batch('ref-1', ['/*']));
  expect(created.status).toBe(201);
  const invalidationId = /<Id>(I[A-Z0-9]{13})<\/Id>/.exec(created.body)![1];
  expect(created.body).toContain('<Status>Completed</Status>');
  expect(created.headers.location).toContain(`/distribution/${id}/invalidation/${invalidationId}`);
  const again = await invalidate(id, batch('ref-1', ['/*']));
  expect([again.status, /<Id>([^<]+)<\/Id>/.exec(again.body)![1]]).toEqual([200, invalidationId]);
  expect((await invalidate(id, batch('ref-1', ['/index.html']))).body).toContain('InvalidationBatchAlreadyExists');
  const fetched = await signedRequest(`${cloud.endpoint}/2020-05-31/distribution/${id}/invalidation/${invalidationId}`, {}, { credentials: cloud.config.credentials, service: 'cloudfront' });
  expect(fetched.status).toBe(200);
  expect(fetched.body).toContain('<Path>/*</Path>');
  const listed = await signedRequest(`${cloud.endpoint}/2020-05-31/distribution/${id}/invalidation`, {}, { credentials: cloud.config.credentials, service: 'cloudfront' });
  expect(listed.body).toContain('<Quantity>1</Quantity>');
  const inconsistent = await invalidate(id, batch('ref-2', ['/a', '/b'], 3));
  expect([inconsistent.status, inconsistent.body.includes('InconsistentQuantities')]).toEqual([400, true]);
  const relative = await invalidate(id, batch('ref-3', ['index.html']));
  expect([relative.status, relative.body.includes('must begin with /')]).toEqual([400, true]);
  const unknown = await invalidate('EUNKNOWN000000', batch('ref-4', ['/*']));
  expect([unknown.status, unknown.body.includes('NoSuchDistribution')]).toEqual([404, true]);
  const unsigned = await rawRequest(`${cloud.endpoint}/2020-05-31/distribution/${id}/invalidation`, { method: 'POST', body: batch('ref-5', ['/*']) });
  expect(unsigned.status).toBe(403);
});

test('deleting the stack takes the distribution down', async () => {
  await cloud.cfn.send(new DeleteStackCommand({ StackName: 'cfsite' }));
  await cloud.waitForStack('cfsite');
  const gone = await rawRequest(site);
  expect(gone.status).toBe(403);
  expect(gone.body).toContain(`No enabled distribution has the id '${id}'`);
});

test('settings: the origin must be an S3 bucket the default behaviour targets; error responses need page and code together', () => {
  const config = (origin: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    Origins: [{ Id: 'o', ...origin }],
    DefaultCacheBehavior: { TargetOriginId: 'o' },
    ...extra,
  });
  expect(readDistributionSettings(config({ DomainName: 'b.s3.eu-west-1.amazonaws.com', OriginPath: '/v2/' }))).toEqual({
    originBucket: 'b',
    originPath: '/v2',
    customErrorResponses: [],
    enabled: true,
    defaultTtl: 86400,
  });
  expect(() => readDistributionSettings(config({ DomainName: 'example.com' }))).toThrow("is not an S3 bucket's domain name");
  expect(() => readDistributionSettings({ Origins: [], DefaultCacheBehavior: { TargetOriginId: 'x' } })).toThrow("TargetOriginId 'x'");
  expect(() => readDistributionSettings(config({ DomainName: 'b.s3.amazonaws.com' }, { CustomErrorResponses: [{ ErrorCode: 404, ResponseCode: 200 }] }))).toThrow('needs both');
  expect(() => readDistributionSettings(config({ DomainName: 'b.s3.amazonaws.com' }, { CustomErrorResponses: [{ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: 'x.html' }] }))).toThrow('must begin with /');
});
