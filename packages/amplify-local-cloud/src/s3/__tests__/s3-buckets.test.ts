import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketPolicyCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetBucketWebsiteCommand,
  GetPublicAccessBlockCommand,
  GetBucketCorsCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutBucketCorsCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  DeleteObjectCommand,
  GetBucketAclCommand,
} from '@aws-sdk/client-s3';
import { s3ErrorOf, useTestCloud } from '../../__tests__/test-cloud';

const t = useTestCloud();

describe('S3 buckets', () => {
  it('creates, lists, heads, locates and deletes a bucket', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'lifecycle-bucket' }));
    const list = await t.s3.send(new ListBucketsCommand({}));
    expect(list.Buckets?.map((b) => b.Name)).toContain('lifecycle-bucket');
    expect(list.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const head = await t.s3.send(new HeadBucketCommand({ Bucket: 'lifecycle-bucket' }));
    expect(head.BucketRegion).toBe('us-east-1');
    const location = await t.s3.send(new GetBucketLocationCommand({ Bucket: 'lifecycle-bucket' }));
    expect(location.LocationConstraint).toBeUndefined();
    await t.s3.send(new DeleteBucketCommand({ Bucket: 'lifecycle-bucket' }));
    const headAfter = await s3ErrorOf(t.s3.send(new HeadBucketCommand({ Bucket: 'lifecycle-bucket' })));
    expect(headAfter.$metadata.httpStatusCode).toBe(404);
  });

  it('keeps the LocationConstraint region (which the SDK adds outside us-east-1) and refuses us-east-1 as a constraint', async () => {
    const eu = t.s3With({ region: 'eu-west-1' });
    await eu.send(new CreateBucketCommand({ Bucket: 'regional-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    expect((await eu.send(new GetBucketLocationCommand({ Bucket: 'regional-bucket' }))).LocationConstraint).toBe('eu-west-1');
    expect((await eu.send(new HeadBucketCommand({ Bucket: 'regional-bucket' }))).BucketRegion).toBe('eu-west-1');
    await eu.send(new CreateBucketCommand({ Bucket: 'implicit-region-bucket' }));
    expect((await eu.send(new GetBucketLocationCommand({ Bucket: 'implicit-region-bucket' }))).LocationConstraint).toBe('eu-west-1');
    const useEast = await s3ErrorOf(t.s3.send(new CreateBucketCommand({ Bucket: 'east-bucket', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never } })));
    expect(useEast.name).toBe('InvalidLocationConstraint');
  });

  it('answers re-creation in us-east-1 with 200 and elsewhere with BucketAlreadyOwnedByYou', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'twice-bucket' }));
    await expect(t.s3.send(new CreateBucketCommand({ Bucket: 'twice-bucket' }))).resolves.toBeDefined();
    const eu = t.s3With({ region: 'eu-central-1' });
    await eu.send(new CreateBucketCommand({ Bucket: 'twice-eu-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-central-1' } }));
    const again = await s3ErrorOf(eu.send(new CreateBucketCommand({ Bucket: 'twice-eu-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-central-1' } })));
    expect(again.name).toBe('BucketAlreadyOwnedByYou');
    expect(again.$metadata.httpStatusCode).toBe(409);
  });

  it('refuses invalid bucket names, missing buckets and deleting a bucket with objects', async () => {
    for (const name of ['ab', 'Upper-Case', 'under_score', '192.168.1.1', 'a..b-bucket', '-leading']) {
      const error = await s3ErrorOf(t.s3.send(new CreateBucketCommand({ Bucket: name })));
      expect(error.name).toBe('InvalidBucketName');
    }
    const missing = await s3ErrorOf(t.s3.send(new DeleteBucketCommand({ Bucket: 'does-not-exist' })));
    expect(missing.name).toBe('NoSuchBucket');
    expect(missing.message).toBe('The specified bucket does not exist');
    await t.s3.send(new CreateBucketCommand({ Bucket: 'full-bucket' }));
    await t.s3.send(new PutObjectCommand({ Bucket: 'full-bucket', Key: 'x', Body: 'x' }));
    const notEmpty = await s3ErrorOf(t.s3.send(new DeleteBucketCommand({ Bucket: 'full-bucket' })));
    expect(notEmpty.name).toBe('BucketNotEmpty');
    expect(notEmpty.$metadata.httpStatusCode).toBe(409);
    await t.s3.send(new DeleteObjectCommand({ Bucket: 'full-bucket', Key: 'x' }));
    await t.s3.send(new DeleteBucketCommand({ Bucket: 'full-bucket' }));
  });

  it('stores and returns policy, website, encryption, public access block, CORS, versioning and tagging', async () => {
    const Bucket = 'config-bucket';
    await t.s3.send(new CreateBucketCommand({ Bucket }));
    expect((await s3ErrorOf(t.s3.send(new GetBucketPolicyCommand({ Bucket })))).name).toBe('NoSuchBucketPolicy');
    expect((await s3ErrorOf(t.s3.send(new GetBucketWebsiteCommand({ Bucket })))).name).toBe('NoSuchWebsiteConfiguration');
    expect((await s3ErrorOf(t.s3.send(new GetBucketTaggingCommand({ Bucket })))).name).toBe('NoSuchTagSet');
    expect((await s3ErrorOf(t.s3.send(new GetBucketCorsCommand({ Bucket })))).name).toBe('NoSuchCORSConfiguration');
    expect((await s3ErrorOf(t.s3.send(new GetPublicAccessBlockCommand({ Bucket })))).name).toBe('NoSuchPublicAccessBlockConfiguration');
    const defaultEncryption = await t.s3.send(new GetBucketEncryptionCommand({ Bucket }));
    expect(defaultEncryption.ServerSideEncryptionConfiguration?.Rules?.[0].ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('AES256');
    expect((await t.s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBeUndefined();

    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${Bucket}/*` }] });
    await t.s3.send(new PutBucketPolicyCommand({ Bucket, Policy: policy }));
    expect((await t.s3.send(new GetBucketPolicyCommand({ Bucket }))).Policy).toBe(policy);
    expect((await s3ErrorOf(t.s3.send(new PutBucketPolicyCommand({ Bucket, Policy: 'not json' })))).name).toBe('MalformedPolicy');
    await t.s3.send(new DeleteBucketPolicyCommand({ Bucket }));
    expect((await s3ErrorOf(t.s3.send(new GetBucketPolicyCommand({ Bucket })))).name).toBe('NoSuchBucketPolicy');

    await t.s3.send(new PutBucketWebsiteCommand({ Bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } } }));
    const website = await t.s3.send(new GetBucketWebsiteCommand({ Bucket }));
    expect(website.IndexDocument?.Suffix).toBe('index.html');
    expect(website.ErrorDocument?.Key).toBe('error.html');

    await t.s3.send(
      new PutBucketEncryptionCommand({ Bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/x' } }] } }),
    );
    const encryption = await t.s3.send(new GetBucketEncryptionCommand({ Bucket }));
    expect(encryption.ServerSideEncryptionConfiguration?.Rules?.[0].ApplyServerSideEncryptionByDefault).toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/x' });

    await t.s3.send(new PutPublicAccessBlockCommand({ Bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: false } }));
    const pab = await t.s3.send(new GetPublicAccessBlockCommand({ Bucket }));
    expect(pab.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicAcls: true, BlockPublicPolicy: false });

    await t.s3.send(new PutBucketCorsCommand({ Bucket, CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET', 'PUT'], AllowedOrigins: ['*'], MaxAgeSeconds: 3000 }] } }));
    const cors = await t.s3.send(new GetBucketCorsCommand({ Bucket }));
    expect(cors.CORSRules?.[0]).toMatchObject({ AllowedMethods: ['GET', 'PUT'], AllowedOrigins: ['*'], MaxAgeSeconds: 3000 });

    await t.s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    expect((await t.s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBe('Enabled');

    await t.s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: 'env', Value: 'dev & test' }] } }));
    expect((await t.s3.send(new GetBucketTaggingCommand({ Bucket }))).TagSet).toEqual([{ Key: 'env', Value: 'dev & test' }]);
  });

  it('refuses sub-resources it does not emulate instead of mistaking them for another call', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'acl-bucket' }));
    const error = await s3ErrorOf(t.s3.send(new GetBucketAclCommand({ Bucket: 'acl-bucket' })));
    expect(error.name).toBe('NotImplemented');
    expect(error.$metadata.httpStatusCode).toBe(501);
  });
});
