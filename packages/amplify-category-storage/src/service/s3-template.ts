import { s3Actions, type S3Config, type S3Permission } from './s3-config';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters: Record<string, { Type: string; Default?: string }>;
  Conditions: Record<string, Json>;
  Resources: Record<string, { Type: string; Properties: Record<string, Json>; Condition?: string; DependsOn?: string[]; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;
  Outputs: Record<string, { Value: Json; Description?: string }>;
}

const ref = (name: string): Json => ({ Ref: name });
const join = (parts: Json[]): Json => ({ 'Fn::Join': ['', parts] });
const SUB = '${cognito-identity.amazonaws.com:sub}';

/** The auth resource and user pool groups the bucket's group policies use. */
export interface S3Dependencies {
  authResourceName: string;
}

/**
 * The bucket's name: as given with env `NONE`, else `<bucketName><stackSuffix>-<env>` where the suffix is the
 * fourth `-` segment of the stack name (the root stack's random part), so each env gets a bucket of its own.
 */
const bucketName: Json = {
  'Fn::If': [
    'ShouldNotCreateEnvResources',
    ref('bucketName'),
    join([ref('bucketName'), { 'Fn::Select': [3, { 'Fn::Split': ['-', ref('AWS::StackName')] }] }, '-', ref('env')]),
  ],
};

const withoutList = (permissions: readonly S3Permission[]): string => s3Actions(permissions).filter((a) => a !== 's3:ListBucket').join(',') || 'DISALLOW';
const uploads = (permissions: readonly S3Permission[]): string => (permissions.includes('CREATE_AND_UPDATE') ? 's3:PutObject' : 'DISALLOW');

/** `build/parameters.json` of an S3 resource. */
export function s3Parameters(config: S3Config): Record<string, unknown> {
  const guest = config.storageAccess === 'authAndGuest' ? config.guestAccess : [];
  const id = config.policyUUID;
  return {
    bucketName: config.bucketName,
    // Empty lists as the original writes them (the template's CommaDelimitedList default is NONE).
    selectedGuestPermissions: s3Actions(guest),
    selectedAuthenticatedPermissions: s3Actions(config.authAccess),
    // Resolved by the root stack.
    authRoleName: { Ref: 'AuthRoleName' },
    unauthRoleName: { Ref: 'UnauthRoleName' },
    authPolicyName: `s3_amplify_${id}`,
    unauthPolicyName: `s3_amplify_${id}`,
    s3PrivatePolicy: `Private_policy_${id}`,
    s3ProtectedPolicy: `Protected_policy_${id}`,
    s3PublicPolicy: `Public_policy_${id}`,
    s3ReadPolicy: `read_policy_${id}`,
    s3UploadsPolicy: `Uploads_policy_${id}`,
    AuthenticatedAllowList: config.authAccess.includes('READ') ? 'ALLOW' : 'DISALLOW',
    GuestAllowList: guest.includes('READ') ? 'ALLOW' : 'DISALLOW',
    s3PermissionsAuthenticatedPrivate: withoutList(config.authAccess),
    s3PermissionsAuthenticatedProtected: withoutList(config.authAccess),
    s3PermissionsAuthenticatedPublic: withoutList(config.authAccess),
    s3PermissionsAuthenticatedUploads: uploads(config.authAccess),
    s3PermissionsGuestPublic: withoutList(guest),
    s3PermissionsGuestUploads: uploads(guest),
    // Only with a trigger, as the original: its template declares the parameter only then.
    ...(config.triggerFunction !== 'NONE' ? { triggerFunction: config.triggerFunction } : {}),
  };
}

function objectPolicy(condition: string, policyName: string, role: string, actions: string, prefix: string): CfnTemplate['Resources'][string] {
  return {
    Type: 'AWS::IAM::Policy',
    Condition: condition,
    Properties: {
      PolicyName: ref(policyName),
      Roles: [ref(role)],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: { 'Fn::Split': [',', ref(actions)] }, Resource: [join(['arn:aws:s3:::', ref('S3Bucket'), `/${prefix}`])] }],
      },
    },
  };
}

function readPolicy(condition: string, role: string, prefixes: string[]): CfnTemplate['Resources'][string] {
  return {
    Type: 'AWS::IAM::Policy',
    Condition: condition,
    Properties: {
      PolicyName: ref('s3ReadPolicy'),
      Roles: [ref(role)],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [join(['arn:aws:s3:::', ref('S3Bucket'), '/protected/*'])] },
          { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [join(['arn:aws:s3:::', ref('S3Bucket')])], Condition: { StringLike: { 's3:prefix': prefixes } } },
        ],
      },
    },
  };
}

/**
 * The CloudFormation template of an S3 resource: an encrypted bucket with public access blocked,
 * CORS for the client libraries, IAM policies on the auth/unauth roles scoped to `public/`, `protected/<identity>/`,
 * `private/<identity>/` and `uploads/`, group policies, and the optional Lambda trigger.
 */
export function s3Template(config: S3Config, dependencies: S3Dependencies): CfnTemplate {
  const parameters: CfnTemplate['Parameters'] = { env: { Type: 'String' }, bucketName: { Type: 'String' }, authRoleName: { Type: 'String' }, unauthRoleName: { Type: 'String' } };
  for (const name of ['authPolicyName', 'unauthPolicyName']) parameters[name] = { Type: 'String' };
  if (config.triggerFunction !== 'NONE') parameters.triggerFunction = { Type: 'String' };
  for (const name of ['s3PublicPolicy', 's3PrivatePolicy', 's3ProtectedPolicy', 's3UploadsPolicy', 's3ReadPolicy']) parameters[name] = { Type: 'String', Default: 'NONE' };
  for (const name of ['s3PermissionsAuthenticatedPublic', 's3PermissionsAuthenticatedProtected', 's3PermissionsAuthenticatedPrivate', 's3PermissionsAuthenticatedUploads', 's3PermissionsGuestPublic', 's3PermissionsGuestUploads', 'AuthenticatedAllowList', 'GuestAllowList']) {
    parameters[name] = { Type: 'String', Default: 'DISALLOW' };
  }
  parameters.selectedGuestPermissions = { Type: 'CommaDelimitedList', Default: 'NONE' };
  parameters.selectedAuthenticatedPermissions = { Type: 'CommaDelimitedList', Default: 'NONE' };

  const allowed = (parameter: string): Json => ({ 'Fn::Not': [{ 'Fn::Equals': [ref(parameter), 'DISALLOW'] }] });
  const conditions: CfnTemplate['Conditions'] = {
    ShouldNotCreateEnvResources: { 'Fn::Equals': [ref('env'), 'NONE'] },
    CreateAuthPublic: allowed('s3PermissionsAuthenticatedPublic'),
    CreateAuthProtected: allowed('s3PermissionsAuthenticatedProtected'),
    CreateAuthPrivate: allowed('s3PermissionsAuthenticatedPrivate'),
    CreateAuthUploads: allowed('s3PermissionsAuthenticatedUploads'),
    CreateGuestPublic: allowed('s3PermissionsGuestPublic'),
    CreateGuestUploads: allowed('s3PermissionsGuestUploads'),
    AuthReadAndList: allowed('AuthenticatedAllowList'),
    GuestReadAndList: allowed('GuestAllowList'),
  };

  const bucket: CfnTemplate['Resources'][string] = {
    Type: 'AWS::S3::Bucket',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      BucketName: bucketName,
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      CorsConfiguration: {
        CorsRules: [
          {
            Id: 'S3CORSRuleId1',
            AllowedHeaders: ['*'],
            AllowedMethods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'],
            AllowedOrigins: ['*'],
            ExposedHeaders: ['x-amz-server-side-encryption', 'x-amz-request-id', 'x-amz-id-2', 'ETag'],
            MaxAge: 3000,
          },
        ],
      },
    },
  };
  const resources: CfnTemplate['Resources'] = {
    S3Bucket: bucket,
    S3AuthPublicPolicy: objectPolicy('CreateAuthPublic', 's3PublicPolicy', 'authRoleName', 's3PermissionsAuthenticatedPublic', 'public/*'),
    S3AuthProtectedPolicy: objectPolicy('CreateAuthProtected', 's3ProtectedPolicy', 'authRoleName', 's3PermissionsAuthenticatedProtected', `protected/${SUB}/*`),
    S3AuthPrivatePolicy: objectPolicy('CreateAuthPrivate', 's3PrivatePolicy', 'authRoleName', 's3PermissionsAuthenticatedPrivate', `private/${SUB}/*`),
    S3AuthUploadPolicy: objectPolicy('CreateAuthUploads', 's3UploadsPolicy', 'authRoleName', 's3PermissionsAuthenticatedUploads', 'uploads/*'),
    S3GuestPublicPolicy: objectPolicy('CreateGuestPublic', 's3PublicPolicy', 'unauthRoleName', 's3PermissionsGuestPublic', 'public/*'),
    S3GuestUploadPolicy: objectPolicy('CreateGuestUploads', 's3UploadsPolicy', 'unauthRoleName', 's3PermissionsGuestUploads', 'uploads/*'),
    S3AuthReadPolicy: readPolicy('AuthReadAndList', 'authRoleName', ['public/', 'public/*', 'protected/', 'protected/*', `private/${SUB}/`, `private/${SUB}/*`]),
    S3GuestReadPolicy: readPolicy('GuestReadAndList', 'unauthRoleName', ['public/', 'public/*', 'protected/', 'protected/*']),
  };

  const groups = Object.entries(config.groupAccess ?? {});
  if (groups.length > 0) {
    const userPoolId = `auth${dependencies.authResourceName}UserPoolId`;
    parameters[userPoolId] = { Type: 'String', Default: userPoolId };
    for (const [group, permissions] of groups) {
      const roleParameter = `authuserPoolGroups${group}GroupRole`;
      parameters[roleParameter] = { Type: 'String', Default: roleParameter };
      const actions = s3Actions(permissions);
      const statement: Json[] = [{ Effect: 'Allow', Action: actions.filter((a) => a !== 's3:ListBucket'), Resource: [join(['arn:aws:s3:::', ref('S3Bucket'), '/*'])] }];
      if (actions.includes('s3:ListBucket')) statement.push({ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [join(['arn:aws:s3:::', ref('S3Bucket')])] });
      resources[`${group}GroupPolicy`] = {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: `${group}-group-s3-policy`,
          Roles: [join([ref(userPoolId), `-${group}GroupRole`])],
          PolicyDocument: { Version: '2012-10-17', Statement: statement },
        },
      };
    }
  }

  if (config.triggerFunction !== 'NONE') {
    const fn = `function${config.triggerFunction}`;
    for (const attribute of ['Arn', 'Name', 'LambdaExecutionRole']) parameters[`${fn}${attribute}`] = { Type: 'String', Default: `${fn}${attribute}` };
    resources.TriggerPermissions = {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: ref(`${fn}Name`),
        Principal: 's3.amazonaws.com',
        SourceAccount: ref('AWS::AccountId'),
        SourceArn: join(['arn:aws:s3:::', bucketName]),
      },
    };
    bucket.DependsOn = ['TriggerPermissions'];
    bucket.Properties.NotificationConfiguration = {
      LambdaConfigurations: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'].map((event) => ({ Event: event, Function: ref(`${fn}Arn`) })),
    };
    resources.S3TriggerBucketPolicy = {
      Type: 'AWS::IAM::Policy',
      DependsOn: ['S3Bucket'],
      Properties: {
        PolicyName: 'amplify-lambda-execution-policy-storage',
        Roles: [ref(`${fn}LambdaExecutionRole`)],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [join(['arn:aws:s3:::', ref('S3Bucket')])] },
            { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:ListBucket', 's3:DeleteObject'], Resource: [join(['arn:aws:s3:::', ref('S3Bucket'), '/*'])] },
          ],
        },
      },
    };
  }

  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'S3 resource stack creation using Amplify CLI',
    Parameters: parameters,
    Conditions: conditions,
    Resources: resources,
    Outputs: {
      BucketName: { Value: ref('S3Bucket'), Description: 'Bucket name for the S3 bucket' },
      Region: { Value: ref('AWS::Region') },
    },
  };
}
