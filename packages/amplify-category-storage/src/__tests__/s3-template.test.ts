import { validateTemplate } from 'amplify-cloudformation-spec';
import type { S3Config } from '../service/s3-config';
import { s3Parameters, s3Template } from '../service/s3-template';

const config = (overrides: Partial<S3Config> = {}): S3Config => ({
  resourceName: 's3files',
  bucketName: 'shopfiles123',
  policyUUID: 'abcd1234',
  storageAccess: 'auth',
  authAccess: ['CREATE_AND_UPDATE', 'READ', 'DELETE'],
  guestAccess: [],
  triggerFunction: 'NONE',
  ...overrides,
});

type Statement = { Action: unknown; Resource: unknown[]; Condition?: unknown };
const statements = (template: ReturnType<typeof s3Template>, id: string): Statement[] =>
  (template.Resources[id].Properties.PolicyDocument as { Statement: Statement[] }).Statement;

describe('s3Template', () => {
  it('an encrypted, retained bucket with public access blocked, CORS for the client libraries, and the original outputs', () => {
    const template = s3Template(config(), { authResourceName: 'shopauth' });
    expect(validateTemplate(template)).toEqual([]);
    const bucket = template.Resources.S3Bucket;
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(JSON.stringify(bucket.Properties.CorsConfiguration)).toContain('x-amz-server-side-encryption');
    expect(Object.keys(template.Outputs)).toEqual(['BucketName', 'Region']);
  });

  it('scopes the policies to public/, protected/<identity>/, private/<identity>/ and uploads/ on the right roles', () => {
    const template = s3Template(config(), { authResourceName: 'shopauth' });
    const resourceOf = (id: string): string => JSON.stringify(statements(template, id)[0].Resource);
    expect(resourceOf('S3AuthPublicPolicy')).toContain('"/public/*"');
    expect(resourceOf('S3AuthProtectedPolicy')).toContain('"/protected/${cognito-identity.amazonaws.com:sub}/*"');
    expect(resourceOf('S3AuthPrivatePolicy')).toContain('"/private/${cognito-identity.amazonaws.com:sub}/*"');
    expect(resourceOf('S3AuthUploadPolicy')).toContain('"/uploads/*"');
    expect(template.Resources.S3AuthPublicPolicy.Properties.Roles).toEqual([{ Ref: 'authRoleName' }]);
    expect(template.Resources.S3GuestPublicPolicy.Properties.Roles).toEqual([{ Ref: 'unauthRoleName' }]);
    expect(template.Resources.S3AuthPublicPolicy.Condition).toBe('CreateAuthPublic');
    expect(statements(template, 'S3AuthReadPolicy')[1].Condition).toEqual({
      StringLike: { 's3:prefix': ['public/', 'public/*', 'protected/', 'protected/*', 'private/${cognito-identity.amazonaws.com:sub}/', 'private/${cognito-identity.amazonaws.com:sub}/*'] },
    });
  });

  it('parameters switch each policy on or off from the chosen permissions', () => {
    const authOnly = s3Parameters(config({ authAccess: ['READ'] }));
    expect(authOnly).toMatchObject({
      bucketName: 'shopfiles123',
      authRoleName: { Ref: 'AuthRoleName' },
      unauthRoleName: { Ref: 'UnauthRoleName' },
      selectedAuthenticatedPermissions: ['s3:GetObject', 's3:ListBucket'],
      selectedGuestPermissions: [],
      s3PermissionsAuthenticatedPublic: 's3:GetObject',
      s3PermissionsAuthenticatedUploads: 'DISALLOW',
      s3PermissionsGuestPublic: 'DISALLOW',
      AuthenticatedAllowList: 'ALLOW',
      GuestAllowList: 'DISALLOW',
      s3PublicPolicy: 'Public_policy_abcd1234',
      authPolicyName: 's3_amplify_abcd1234',
    });
    expect(authOnly).not.toHaveProperty('triggerFunction');
    const guests = s3Parameters(config({ storageAccess: 'authAndGuest', guestAccess: ['CREATE_AND_UPDATE', 'READ'] }));
    expect(guests).toMatchObject({
      s3PermissionsAuthenticatedPrivate: 's3:PutObject,s3:GetObject,s3:DeleteObject',
      s3PermissionsGuestPublic: 's3:PutObject,s3:GetObject',
      s3PermissionsGuestUploads: 's3:PutObject',
      GuestAllowList: 'ALLOW',
      selectedGuestPermissions: ['s3:PutObject', 's3:GetObject', 's3:ListBucket'],
    });
    // Every parameter the stack receives is declared by the template.
    const declared = Object.keys(s3Template(config(), { authResourceName: 'a' }).Parameters);
    for (const key of Object.keys(guests)) expect(declared).toContain(key);
  });

  it('group policies on each group role, and a Lambda trigger wired to the bucket', () => {
    const template = s3Template(config({ groupAccess: { Admins: ['READ', 'DELETE'] }, triggerFunction: 'S3Trigger1' }), { authResourceName: 'shopauth' });
    expect(validateTemplate(template)).toEqual([]);
    expect(template.Parameters).toHaveProperty('authshopauthUserPoolId');
    expect(template.Parameters).toHaveProperty('authuserPoolGroupsAdminsGroupRole');
    expect(template.Resources.AdminsGroupPolicy.Properties.Roles).toEqual([{ 'Fn::Join': ['', [{ Ref: 'authshopauthUserPoolId' }, '-AdminsGroupRole']] }]);
    expect(statements(template, 'AdminsGroupPolicy').map((s) => s.Action)).toEqual([['s3:GetObject', 's3:DeleteObject'], ['s3:ListBucket']]);
    expect(template.Resources.S3Bucket.DependsOn).toEqual(['TriggerPermissions']);
    expect(template.Resources.S3Bucket.Properties.NotificationConfiguration).toEqual({
      LambdaConfigurations: [
        { Event: 's3:ObjectCreated:*', Function: { Ref: 'functionS3Trigger1Arn' } },
        { Event: 's3:ObjectRemoved:*', Function: { Ref: 'functionS3Trigger1Arn' } },
      ],
    });
    expect(template.Resources.S3TriggerBucketPolicy.Properties.Roles).toEqual([{ Ref: 'functionS3Trigger1LambdaExecutionRole' }]);
  });
});
