/** A CloudFormation template as this provider builds it: plain JSON values. */
export interface CfnTemplate {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Parameters?: Record<string, { Type: string; Default?: string; Description?: string }>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Description?: string; Value: unknown; Export?: { Name: unknown } }>;
  [section: string]: unknown;
}

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  [key: string]: unknown;
}

/**
 * The role Cognito identities assume. The trust policy denies until an auth resource exists: the push then
 * rewrites it for the identity pool (the original's behaviour since its plugin-platform era).
 */
function identityRole(roleNameParameter: string): CfnResource {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      RoleName: { Ref: roleNameParameter },
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: '',
            Effect: 'Deny',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
          },
        ],
      },
    },
  };
}

function exported(value: unknown, key: string): { Value: unknown; Export: { Name: unknown } } {
  return { Value: value, Export: { Name: { 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, key]] } } };
}

/**
 * The root stack every env starts with: the deployment bucket (retained, private, encrypted, TLS only) and the
 * two identity roles. Nested category stacks are added to a copy of it on push.
 */
export function rootStackTemplate(): CfnTemplate {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Root Stack for AWS Amplify CLI',
    Parameters: {
      DeploymentBucketName: { Type: 'String', Default: 'DeploymentBucket', Description: 'Bucket that holds the nested templates and build artifacts' },
      AuthRoleName: { Type: 'String', Description: 'Role assumed by signed-in identities' },
      UnauthRoleName: { Type: 'String', Description: 'Role assumed by guest identities' },
    },
    Resources: {
      DeploymentBucket: {
        Type: 'AWS::S3::Bucket',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          BucketName: { Ref: 'DeploymentBucketName' },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
          },
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
        },
      },
      DeploymentBucketBlockHTTP: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: 'DeploymentBucket' },
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'DenyInsecureTransport',
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Resource: [
                  { 'Fn::GetAtt': ['DeploymentBucket', 'Arn'] },
                  { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['DeploymentBucket', 'Arn'] }, '/*']] },
                ],
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          },
        },
      },
      AuthRole: identityRole('AuthRoleName'),
      UnauthRole: identityRole('UnauthRoleName'),
    },
    Outputs: {
      Region: { Description: 'Region of the root stack', ...exported({ Ref: 'AWS::Region' }, 'Region') },
      StackName: { Description: 'Name of the root stack', ...exported({ Ref: 'AWS::StackName' }, 'StackName') },
      StackId: { Description: 'Id of the root stack', ...exported({ Ref: 'AWS::StackId' }, 'StackId') },
      DeploymentBucketName: { Description: 'Deployment bucket of this env', ...exported({ Ref: 'DeploymentBucketName' }, 'DeploymentBucketName') },
      AuthRoleArn: { Value: { 'Fn::GetAtt': ['AuthRole', 'Arn'] } },
      UnauthRoleArn: { Value: { 'Fn::GetAtt': ['UnauthRole', 'Arn'] } },
      AuthRoleName: { Value: { Ref: 'AuthRole' } },
      UnauthRoleName: { Value: { Ref: 'UnauthRole' } },
    },
  };
}
