import { publicBucketGrants } from '../public-buckets';

const bucket = (properties: Record<string, unknown> = {}) => ({ Type: 'AWS::S3::Bucket', Properties: properties });
const policy = (statement: Record<string, unknown>) => ({ Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'B' }, PolicyDocument: { Statement: [statement] } } });
const read = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };

test('public ACLs, websites and policies open to "*" make a bucket public', () => {
  const template = {
    Resources: {
      Acl: bucket({ AccessControl: 'PublicRead' }),
      Site: bucket({ WebsiteConfiguration: { IndexDocument: 'index.html' } }),
      Open: policy({ ...read, Principal: '*' }),
      OpenAws: policy({ ...read, Principal: { AWS: ['arn:aws:iam::1:root', '*'] } }),
    },
  };
  expect(publicBucketGrants(template).map((grant) => grant.logicalId)).toEqual(['Acl', 'Site', 'Open', 'OpenAws']);
});

test('private buckets, named principals, conditioned or denying statements are not public', () => {
  const template = {
    Resources: {
      Private: bucket({ AccessControl: 'Private', PublicAccessBlockConfiguration: { BlockPublicPolicy: true } }),
      Identity: policy({ ...read, Principal: { CanonicalUser: 'abc' } }),
      Conditioned: policy({ ...read, Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      Deny: policy({ ...read, Effect: 'Deny', Principal: '*' }),
      Other: { Type: 'AWS::SNS::Topic' },
    },
  };
  expect(publicBucketGrants(template)).toEqual([]);
  expect(publicBucketGrants(undefined)).toEqual([]);
});
