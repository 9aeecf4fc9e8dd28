import { publicBucketGrants, validateTemplate } from 'amplify-cloudformation-spec';
import { bucketNameProblem, defaultBucketName, documentNameProblem, hostingDefaults, type HostingConfig } from '../service/hosting-config';
import { configFromTemplate, hostingTemplate } from '../service/hosting-template';

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, any> }>; Outputs: Record<string, unknown> };

const config = (overrides: Partial<HostingConfig> = {}): HostingConfig => ({ ...hostingDefaults('My Shop', new Date('2026-12-06T09:30:15Z')), ...overrides });

describe('hosting template', () => {
  test('DEV: a spec-valid S3 website, readable by anyone, with the website outputs and no CloudFront', () => {
    const template = hostingTemplate(config()) as Template;
    expect(validateTemplate(template)).toEqual([]);
    expect(Object.keys(template.Resources)).toEqual(['S3Bucket', 'PublicReadPolicy']);
    expect(template.Resources.S3Bucket.Properties.WebsiteConfiguration).toEqual({ IndexDocument: 'index.html', ErrorDocument: 'index.html' });
    expect(publicBucketGrants(template).map((grant) => grant.logicalId)).toEqual(['S3Bucket', 'PublicReadPolicy']);
    expect(Object.keys(template.Outputs).sort()).toEqual(['HostingBucketName', 'Region', 'S3BucketSecureURL', 'WebsiteURL']);
  });

  test('PROD: a private bucket that only the origin access identity reads, behind a distribution, with the CloudFront outputs', () => {
    const template = hostingTemplate(config({ environment: 'PROD' })) as Template;
    expect(validateTemplate(template)).toEqual([]);
    expect(publicBucketGrants(template)).toEqual([]);
    const bucket = template.Resources.S3Bucket.Properties;
    expect(bucket.WebsiteConfiguration).toBeUndefined();
    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
    const statement = template.Resources.PrivateBucketPolicy.Properties.PolicyDocument.Statement[0];
    expect(statement.Principal).toEqual({ CanonicalUser: { 'Fn::GetAtt': ['OriginAccessIdentity', 'S3CanonicalUserId'] } });
    const distribution = template.Resources.CloudFrontDistribution.Properties.DistributionConfig;
    expect(distribution.DefaultRootObject).toBe('index.html');
    expect(distribution.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', DefaultTTL: 86400, MaxTTL: 31536000, MinTTL: 60, TargetOriginId: 'hostingS3Bucket' });
    expect(distribution.CustomErrorResponses.map((entry: { ErrorCode: number }) => entry.ErrorCode)).toEqual([400, 403, 404]);
    expect(Object.keys(template.Outputs).sort()).toEqual([
      'CloudFrontDistributionID',
      'CloudFrontDomainName',
      'CloudFrontOriginAccessIdentity',
      'CloudFrontSecureURL',
      'HostingBucketName',
      'Region',
      'S3BucketSecureURL',
    ]);
  });

  test('the bucket is named <bucketName>-<env>, and retained when the stack goes', () => {
    const bucket = (hostingTemplate(config()) as Template).Resources.S3Bucket as unknown as { DeletionPolicy: string; Properties: { BucketName: unknown } };
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(bucket.Properties.BucketName)).toContain('"-",{"Ref":"env"}');
  });

  test('the template is the record: configure reads back what add wrote', () => {
    const prod = config({ environment: 'PROD' });
    prod.cloudFront.defaultTTL = 120;
    prod.cloudFront.customErrorResponses = [{ errorCode: 404, responseCode: 200, responsePagePath: '/app.html', errorCachingMinTTL: 10 }];
    expect(configFromTemplate(hostingTemplate(prod), prod.bucketName)).toEqual(prod);
    const dev = config({ indexDocument: 'home.html', errorDocument: 'oops.html' });
    expect(configFromTemplate(hostingTemplate(dev), dev.bucketName)).toEqual(dev);
  });
});

describe('names', () => {
  test('the default bucket name is <project>-<YYYYMMDDHHmmss>-hostingbucket, lower-case, valid', () => {
    const name = defaultBucketName('My_Shop!', new Date('2026-12-06T09:30:15Z'));
    expect(name).toBe('myshop-20261206093015-hostingbucket');
    expect(bucketNameProblem(name)).toBeUndefined();
  });

  test.each([
    ['ab', '3 to 63'],
    ['My-Bucket', 'lower-case'],
    ['-bucket', 'begin with'],
    ['bucket-', 'end with a hyphen'],
    ['my..bucket', 'two adjacent dots'],
    ['my.-bucket', 'dot next to a hyphen'],
    ['192.168.1.1', 'IP address'],
  ])('bucket name %s is refused (%s)', (name, problem) => {
    expect(bucketNameProblem(name)).toContain(problem);
  });

  test('documents are file names under the site root', () => {
    expect(documentNameProblem('index.html')).toBeUndefined();
    expect(documentNameProblem('docs/index.html')).toBeUndefined();
    expect(documentNameProblem('/index.html')).toContain('relative');
    expect(documentNameProblem('../secret')).toContain('".."');
  });
});
