import type { DeployedResource, DeployedResources } from '../../contracts';
import type { RoleSession } from '../../server/credential-store';
import { identityPoolS3Authorizer, requiredPermissions } from '../s3-authorization';

const BUCKET = 'notes-files-dev';
const SUB = '${cognito-identity.amazonaws.com:sub}';

/** The policies the storage category attaches to the auth role (auth users read/write), as deployed. */
function storagePolicies(): DeployedResource[] {
  const policy = (name: string, statement: unknown[]): DeployedResource => ({
    stackId: 's',
    logicalId: name,
    physicalId: name,
    type: 'AWS::IAM::Policy',
    region: 'us-east-1',
    attributes: {},
    properties: { Roles: ['authRole'], PolicyDocument: { Version: '2012-10-17', Statement: statement } },
  });
  const objects = (prefix: string) => [{ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], Resource: [`arn:aws:s3:::${BUCKET}/${prefix}`] }];
  return [
    policy('public', objects('public/*')),
    policy('protected', objects(`protected/${SUB}/*`)),
    policy('private', objects(`private/${SUB}/*`)),
    policy('read', [
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${BUCKET}/protected/*`] },
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [`arn:aws:s3:::${BUCKET}`], Condition: { StringLike: { 's3:prefix': ['public/', 'public/*', 'protected/', 'protected/*', `private/${SUB}/`, `private/${SUB}/*`] } } },
    ]),
  ];
}

const deployed: DeployedResources = { ofType: (type) => storagePolicies().filter((resource) => resource.type === type) };
const ANA = 'us-east-1:aaaaaaaa-0000-0000-0000-000000000000';
const sessions: Record<string, RoleSession> = {
  ana: { roleArn: 'arn:aws:iam::123456789012:role/authRole', sessionName: 'CognitoIdentityCredentials', cognitoIdentity: { identityId: ANA, identityPoolId: 'us-east-1:pool', authenticationType: 'authenticated' } },
  fn: { roleArn: 'arn:aws:iam::123456789012:role/lambdaRole' },
};
const authorize = identityPoolS3Authorizer(deployed, (key) => sessions[key], '123456789012');
const call = (method: string, key: string | undefined, query = '', headers: Record<string, string> = {}) => requiredPermissions({ method, bucket: BUCKET, key, query: new URLSearchParams(query), headers });

describe('requiredPermissions', () => {
  it('names the action, ARN and listing keys S3 checks', () => {
    expect(call('PUT', 'public/a.txt')).toEqual([{ action: 's3:PutObject', resource: `arn:aws:s3:::${BUCKET}/public/a.txt`, conditionKeys: {} }]);
    expect(call('GET', undefined, 'list-type=2&prefix=public/')).toEqual([{ action: 's3:ListBucket', resource: `arn:aws:s3:::${BUCKET}`, conditionKeys: { 's3:prefix': 'public/', 's3:delimiter': '', 's3:max-keys': '' } }]);
    expect(call('DELETE', 'public/a.txt', 'uploadId=1')?.[0].action).toBe('s3:AbortMultipartUpload');
    expect(call('PUT', 'public/b.txt', '', { 'x-amz-copy-source': `/${BUCKET}/private/x%20y` })?.map((permission) => permission.resource)).toEqual([
      `arn:aws:s3:::${BUCKET}/public/b.txt`,
      `arn:aws:s3:::${BUCKET}/private/x y`,
    ]);
    expect(call('PUT', undefined, 'cors')).toBeUndefined();
  });
});

describe('identityPoolS3Authorizer', () => {
  it("allows a user's own private and protected files and the public ones, by the role's policies", () => {
    for (const key of ['public/a.txt', `private/${ANA}/a.txt`, `protected/${ANA}/a.txt`]) expect(authorize('ana', call('PUT', key))).toBeUndefined();
    expect(authorize('ana', call('GET', `protected/us-east-1:other/a.txt`))).toBeUndefined();
  });

  it("refuses another identity's private files, writes to another's protected ones, and bucket administration", () => {
    expect(authorize('ana', call('GET', 'private/us-east-1:other/a.txt'))).toBe(
      `User: arn:aws:sts::123456789012:assumed-role/authRole/CognitoIdentityCredentials is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${BUCKET}/private/us-east-1:other/a.txt" because no identity-based policy allows the s3:GetObject action`,
    );
    expect(authorize('ana', call('PUT', 'protected/us-east-1:other/a.txt'))).toContain('s3:PutObject');
    expect(authorize('ana', call('PUT', undefined, 'cors'))).toContain('not administer buckets');
  });

  it('lists only under the prefixes the condition allows', () => {
    expect(authorize('ana', call('GET', undefined, 'list-type=2&prefix=public/'))).toBeUndefined();
    expect(authorize('ana', call('GET', undefined, `list-type=2&prefix=private/${ANA}/`))).toBeUndefined();
    expect(authorize('ana', call('GET', undefined, 'list-type=2&prefix=private/us-east-1:other/'))).toContain('s3:ListBucket');
    expect(authorize('ana', call('GET', undefined, 'list-type=2'))).toContain('s3:ListBucket');
  });

  it("leaves other callers (the instance's key, functions' roles) to the signature alone", () => {
    expect(authorize('instance', call('PUT', undefined, 'cors'))).toBeUndefined();
    expect(authorize('fn', call('GET', 'private/x/a.txt'))).toBeUndefined();
  });
});
