import { formatValidationIssue, validateTemplate } from '..';

const fn = (FunctionName: unknown) => ({
  Type: 'AWS::Lambda::Function',
  Properties: { FunctionName, Code: { ZipFile: 'x' }, Role: 'arn:aws:iam::123456789012:role/r' },
});
const bucket = (BucketName: unknown) => ({ Type: 'AWS::S3::Bucket', Properties: { BucketName } });

/** The name issues of a one-resource template, formatted as the provider shows them. */
function nameIssues(resource: Record<string, unknown>): string[] {
  return validateTemplate({ Resources: { R: resource } }, { fileName: 'x-cloudformation-template.json' })
    .filter((issue) => issue.code === 'InvalidPropertyValue')
    .map(formatValidationIssue);
}

describe('physical names in templates', () => {
  it('names the resource, property, value and rule when a function name could not exist on AWS', () => {
    expect(nameIssues(fn('../x'))).toEqual([
      'x-cloudformation-template.json: resource R: Properties.FunctionName: FunctionName "../x" does not match ^[a-zA-Z0-9_-]+$; AWS::Lambda::Function accepts letters, digits, hyphens and underscores, 1-64 characters',
    ]);
    expect(nameIssues(fn('a'.repeat(65)))).toEqual([expect.stringContaining('is 65 characters long')]);
  });

  it.each([
    ['a function', fn('my-function_1')],
    ['a function named by an intrinsic', fn({ 'Fn::Join': ['-', ['fn', { Ref: 'env' }]] })],
    ['a function ARN where a reference is expected', { Type: 'AWS::Lambda::Permission', Properties: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' } }],
    ['a bucket', bucket('my.app-uploads-123')],
    ['a layer ARN', { Type: 'AWS::Lambda::LayerVersion', Properties: { LayerName: 'arn:aws:lambda:us-east-1:123456789012:layer:shared', Content: { S3Bucket: 'b', S3Key: 'k' } } }],
    ['a table', { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'Posts.v2-dev', KeySchema: [] } }],
    ['a role', { Type: 'AWS::IAM::Role', Properties: { RoleName: 'amplify+app=dev,x.y@z-authRole', Path: '/amplify/', AssumeRolePolicyDocument: {} } }],
    ['a user pool', { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'my app pool_dev' } }],
  ])('accepts %s', (_case, resource) => {
    expect(nameIssues(resource)).toEqual([]);
  });

  it.each([
    ['too short', 'ab', 'is 2 characters long'],
    ['too long', 'a'.repeat(64), 'is 64 characters long'],
    ['upper case', 'My-Bucket', 'has a character other than'],
    ['ending in a hyphen', 'bucket-', 'does not start and end'],
    ['with adjacent dots', 'my..bucket', 'has two adjacent dots'],
    ['shaped like an IP address', '192.168.5.4', 'is shaped like an IP address'],
    ['with a reserved prefix', 'xn--bucket', 'uses a prefix or suffix S3 reserves'],
  ])('refuses a bucket name %s', (_case, name, reason) => {
    expect(nameIssues(bucket(name))).toEqual([expect.stringContaining(`BucketName ${JSON.stringify(name)} ${reason}`)]);
  });

  it.each([
    ['AWS::Lambda::LayerVersion', 'LayerName', 'my layer', { Content: { S3Bucket: 'b', S3Key: 'k' } }],
    ['AWS::Lambda::Permission', 'FunctionName', 'fn/../other', { Action: 'lambda:InvokeFunction', Principal: 'x' }],
    ['AWS::IAM::Role', 'RoleName', 'role/name', { AssumeRolePolicyDocument: {} }],
    ['AWS::IAM::Role', 'RoleName', 'r'.repeat(65), { AssumeRolePolicyDocument: {} }],
    ['AWS::IAM::Role', 'Path', 'amplify', { AssumeRolePolicyDocument: {} }],
    ['AWS::IAM::Policy', 'PolicyName', 'my policy', { PolicyDocument: {} }],
    ['AWS::IAM::ManagedPolicy', 'ManagedPolicyName', 'a:b', { PolicyDocument: {} }],
    ['AWS::DynamoDB::Table', 'TableName', 'ab', { KeySchema: [] }],
    ['AWS::DynamoDB::Table', 'TableName', 'posts table', { KeySchema: [] }],
    ['AWS::Cognito::UserPool', 'UserPoolName', 'pool/../x', {}],
    ['AWS::Cognito::IdentityPool', 'IdentityPoolName', '', { AllowUnauthenticatedIdentities: false }],
  ])('refuses %s %s %j', (type, property, value, required) => {
    expect(nameIssues({ Type: type, Properties: { ...required, [property]: value } })).toEqual([
      expect.stringContaining(`resource R: Properties.${property}: ${property} ${JSON.stringify(value)} `),
    ]);
  });

  it('checks the name of each inline policy of a role, by its place in the list', () => {
    const role = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {},
        Policies: [
          { PolicyName: 'ok-policy', PolicyDocument: {} },
          { PolicyName: { 'Fn::Sub': '${AWS::StackName}-p' }, PolicyDocument: {} },
          { PolicyName: 'no spaces', PolicyDocument: {} },
        ],
      },
    };
    expect(nameIssues(role)).toEqual([expect.stringMatching(/^x-cloudformation-template\.json: resource R: Properties\.Policies\[2\]\.PolicyName: PolicyName "no spaces" does not match/)]);
  });
});
