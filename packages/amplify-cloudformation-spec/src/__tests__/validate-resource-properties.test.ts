import { validateResourceProperties } from '..';

describe('validateResourceProperties', () => {
  it('accepts valid properties', () => {
    expect(
      validateResourceProperties('AWS::S3::Bucket', {
        BucketName: 'my-bucket',
        Tags: [{ Key: 'env', Value: 'dev' }],
        CorsConfiguration: { CorsRules: [{ AllowedMethods: ['GET', 'PUT'], AllowedOrigins: ['*'], MaxAge: 3000 }] },
        WebsiteConfiguration: { IndexDocument: 'index.html', ErrorDocument: 'index.html' },
      }),
    ).toEqual([]);
  });

  it('accepts no properties when none is required', () => {
    expect(validateResourceProperties('AWS::S3::Bucket', undefined)).toEqual([]);
    expect(validateResourceProperties('AWS::SNS::Topic', {})).toEqual([]);
  });

  it('names a misspelled property with a suggestion', () => {
    expect(validateResourceProperties('AWS::S3::Bucket', { BuketName: 'b' })).toEqual([
      {
        code: 'UnknownProperty',
        path: 'Properties.BuketName',
        message: 'Encountered unsupported property BuketName (did you mean BucketName?)',
      },
    ]);
  });

  it('names an unknown property without a suggestion when nothing is close', () => {
    expect(validateResourceProperties('AWS::SQS::Queue', { Banana: 1 })).toEqual([
      { code: 'UnknownProperty', path: 'Properties.Banana', message: 'Encountered unsupported property Banana' },
    ]);
  });

  it('finds unknown properties inside property types', () => {
    const issues = validateResourceProperties('AWS::Lambda::Function', {
      Code: { ZipFile: 'x' },
      Role: 'arn:aws:iam::123456789012:role/r',
      Environment: { Variable: { A: 'b' } },
    });
    expect(issues).toEqual([
      {
        code: 'UnknownProperty',
        path: 'Properties.Environment.Variable',
        message: 'Encountered unsupported property Variable (did you mean Variables?)',
      },
    ]);
  });

  it('reports missing required properties, at the top and nested', () => {
    expect(validateResourceProperties('AWS::Lambda::Function', { Code: { ZipFile: 'x' } })).toEqual([
      { code: 'MissingRequiredProperty', path: 'Properties.Role', message: 'Property Role is required' },
    ]);
    expect(validateResourceProperties('AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'id' }] })).toEqual([
      { code: 'MissingRequiredProperty', path: 'Properties.KeySchema[0].KeyType', message: 'Property KeyType is required' },
    ]);
    expect(validateResourceProperties('AWS::S3::Bucket', { Tags: [{ Key: 'k' }] })).toEqual([
      { code: 'MissingRequiredProperty', path: 'Properties.Tags[0].Value', message: 'Property Value is required' },
    ]);
  });

  it('reports wrong nesting', () => {
    expect(validateResourceProperties('AWS::S3::Bucket', { VersioningConfiguration: 'Enabled' })).toEqual([
      {
        code: 'WrongType',
        path: 'Properties.VersioningConfiguration',
        message: 'Value of property VersioningConfiguration must be an object',
      },
    ]);
    expect(validateResourceProperties('AWS::S3::Bucket', { Tags: { Key: 'a', Value: 'b' } })).toEqual([
      { code: 'WrongType', path: 'Properties.Tags', message: 'Value of property Tags must be of type List' },
    ]);
    expect(validateResourceProperties('AWS::S3::Bucket', { CorsConfiguration: [{ CorsRules: [] }] })).toEqual([
      { code: 'WrongType', path: 'Properties.CorsConfiguration', message: 'Value of property CorsConfiguration must be an object' },
    ]);
    expect(validateResourceProperties('AWS::S3::Bucket', { BucketName: { Name: 'x' } })).toEqual([
      { code: 'WrongType', path: 'Properties.BucketName', message: 'Value of property BucketName must be of type String' },
    ]);
  });

  it('accepts numbers and booleans written as strings, and scalars for strings', () => {
    expect(
      validateResourceProperties('AWS::Lambda::Function', {
        Code: { ZipFile: 'x' },
        Role: 'r',
        MemorySize: '512',
        Timeout: 30,
        Description: 42,
        SnapStart: { ApplyOn: 'None' },
      }),
    ).toEqual([]);
    expect(validateResourceProperties('AWS::S3::Bucket', { ObjectLockEnabled: 'true' })).toEqual([]);
    expect(validateResourceProperties('AWS::S3::Bucket', { ObjectLockEnabled: 'yes' })).toEqual([
      { code: 'WrongType', path: 'Properties.ObjectLockEnabled', message: 'Value of property ObjectLockEnabled must be of type Boolean' },
    ]);
    expect(validateResourceProperties('AWS::Lambda::Function', { Code: {}, Role: 'r', MemorySize: 'lots' })).toEqual([
      { code: 'WrongType', path: 'Properties.MemorySize', message: 'Value of property MemorySize must be of type Integer' },
    ]);
  });

  it('accepts intrinsic functions in place of any value', () => {
    expect(
      validateResourceProperties('AWS::Lambda::Function', {
        Code: { S3Bucket: { Ref: 'DeploymentBucket' }, S3Key: { 'Fn::Sub': '${Prefix}/code.zip' } },
        Role: { 'Fn::GetAtt': ['LambdaRole', 'Arn'] },
        MemorySize: { 'Fn::FindInMap': ['Sizes', 'dev', 'memory'] },
        Environment: { 'Fn::If': ['HasEnv', { Variables: { A: 'b' } }, { Ref: 'AWS::NoValue' }] },
        Layers: { 'Fn::Split': [',', { Ref: 'LayerArns' }] },
        Tags: [{ Key: 'env', Value: { Ref: 'env' } }],
        TracingConfig: { Ref: 'AWS::NoValue' },
      }),
    ).toEqual([]);
  });

  it('still checks each branch of Fn::If', () => {
    expect(
      validateResourceProperties('AWS::S3::Bucket', {
        VersioningConfiguration: { 'Fn::If': ['IsProd', { Status: 'Enabled' }, { Stauts: 'Suspended' }] },
      }),
    ).toEqual([
      {
        code: 'UnknownProperty',
        path: 'Properties.VersioningConfiguration.Stauts',
        message: 'Encountered unsupported property Stauts (did you mean Status?)',
      },
      { code: 'MissingRequiredProperty', path: 'Properties.VersioningConfiguration.Status', message: 'Property Status is required' },
    ]);
  });

  it('accepts Json as an object or a string, not as a number', () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    expect(validateResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: document })).toEqual([]);
    expect(validateResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: JSON.stringify(document) })).toEqual([]);
    expect(validateResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: [document] })).toEqual([
      {
        code: 'WrongType',
        path: 'Properties.AssumeRolePolicyDocument',
        message: 'Value of property AssumeRolePolicyDocument must be of type Json or String',
      },
    ]);
  });

  it('rejects null values as CloudFormation does', () => {
    expect(validateResourceProperties('AWS::S3::Bucket', { BucketName: null })).toEqual([
      { code: 'WrongType', path: 'Properties.BucketName', message: "'null' values are not allowed in templates" },
    ]);
  });

  it('lets custom resources take any property but requires ServiceToken', () => {
    expect(validateResourceProperties('Custom::Thing', { ServiceToken: 'arn:aws:lambda:x', Anything: { Goes: [1] } })).toEqual([]);
    expect(validateResourceProperties('AWS::CloudFormation::CustomResource', { ServiceToken: { 'Fn::GetAtt': ['F', 'Arn'] }, X: 1 })).toEqual([]);
    expect(validateResourceProperties('Custom::Thing', { Anything: 1 })).toEqual([
      { code: 'MissingRequiredProperty', path: 'Properties.ServiceToken', message: 'Property ServiceToken is required' },
    ]);
  });

  it('reports an unknown resource type with a suggestion', () => {
    expect(validateResourceProperties('AWS::Lambda::Fucntion', {})).toEqual([
      { code: 'UnknownResourceType', path: 'Type', message: 'Unrecognized resource type: AWS::Lambda::Fucntion (did you mean AWS::Lambda::Function?)' },
    ]);
  });

  it('prefixes the given path', () => {
    expect(validateResourceProperties('AWS::S3::Bucket', { BuketName: 'b' }, { path: 'Resources.B.Properties' })[0].path).toBe(
      'Resources.B.Properties.BuketName',
    );
  });

  it('rejects properties that are not an object', () => {
    expect(validateResourceProperties('AWS::S3::Bucket', ['BucketName'])).toEqual([
      { code: 'WrongType', path: 'Properties', message: 'Properties must be an object' },
    ]);
  });
});
