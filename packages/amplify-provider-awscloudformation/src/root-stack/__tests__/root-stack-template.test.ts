import { rootStackTemplate } from '../root-stack-template';

describe('rootStackTemplate', () => {
  const template = rootStackTemplate();

  it('takes the three names as parameters', () => {
    expect(Object.keys(template.Parameters ?? {})).toEqual(['DeploymentBucketName', 'AuthRoleName', 'UnauthRoleName']);
  });

  it('keeps a private, encrypted deployment bucket on stack deletion', () => {
    const bucket = template.Resources.DeploymentBucket;
    expect(bucket.Type).toBe('AWS::S3::Bucket');
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties?.BucketName).toEqual({ Ref: 'DeploymentBucketName' });
    expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(JSON.stringify(bucket.Properties?.BucketEncryption)).toContain('AES256');
  });

  it('denies every request to the bucket that is not made over TLS', () => {
    const policy = template.Resources.DeploymentBucketBlockHTTP;
    expect(policy.Type).toBe('AWS::S3::BucketPolicy');
    const statement = (policy.Properties?.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement[0];
    expect(statement.Effect).toBe('Deny');
    expect(statement.Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
  });

  it('creates both identity roles with a trust policy for Cognito identities', () => {
    for (const [id, parameter] of [
      ['AuthRole', 'AuthRoleName'],
      ['UnauthRole', 'UnauthRoleName'],
    ]) {
      const role = template.Resources[id];
      expect(role.Type).toBe('AWS::IAM::Role');
      expect(role.Properties?.RoleName).toEqual({ Ref: parameter });
      expect(JSON.stringify(role.Properties?.AssumeRolePolicyDocument)).toContain('cognito-identity.amazonaws.com');
    }
  });

  it('outputs what meta and team-provider-info record, exporting the first four', () => {
    const outputs = template.Outputs ?? {};
    expect(Object.keys(outputs).sort()).toEqual(
      ['AuthRoleArn', 'AuthRoleName', 'DeploymentBucketName', 'Region', 'StackId', 'StackName', 'UnauthRoleArn', 'UnauthRoleName'].sort(),
    );
    for (const key of ['Region', 'StackName', 'StackId', 'DeploymentBucketName']) expect(outputs[key].Export).toBeDefined();
    expect(outputs.AuthRoleArn.Value).toEqual({ 'Fn::GetAtt': ['AuthRole', 'Arn'] });
  });
});
