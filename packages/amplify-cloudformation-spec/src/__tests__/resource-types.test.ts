import { attributeNames, getResourceTypeSpec, hasResourceType, isCustomResourceType, listResourceTypes } from '..';

describe('resource type lookups', () => {
  it('lists every type, sorted', () => {
    const types = listResourceTypes();
    expect(types.length).toBeGreaterThan(1500);
    expect([...types].sort()).toEqual(types);
    expect(types).toEqual(expect.arrayContaining(['AWS::S3::Bucket', 'AWS::AppSync::GraphQLApi', 'AWS::CloudFormation::Stack']));
  });

  it('knows the types of the specification and custom resource names, nothing else', () => {
    expect(hasResourceType('AWS::S3::Bucket')).toBe(true);
    expect(hasResourceType('Custom::AuthTriggerResource')).toBe(true);
    expect(hasResourceType('AWS::S3::Buckett')).toBe(false);
    expect(hasResourceType('AWS::NoSuchService::Thing')).toBe(false);
    expect(hasResourceType('s3 bucket')).toBe(false);
    expect(hasResourceType('Custom::')).toBe(false);
    expect(getResourceTypeSpec('AWS::S3::Buckett')).toBeUndefined();
  });

  it('describes AWS::S3::Bucket', () => {
    const spec = getResourceTypeSpec('AWS::S3::Bucket');
    expect(spec).toBeDefined();
    expect(spec?.custom).toBe(false);
    expect(spec?.properties.BucketName).toEqual({ required: false, type: { kind: 'primitive', primitive: 'String' }, updateType: 'Immutable' });
    expect(spec?.properties.Tags.type).toEqual({ kind: 'list', element: { kind: 'tag' } });
    expect(spec?.properties.CorsConfiguration.type).toEqual({ kind: 'named', name: 'CorsConfiguration' });
    expect(spec?.propertyTypes.CorsConfiguration.properties.CorsRules.required).toBe(true);
    expect(spec?.propertyTypes.CorsRule.properties.AllowedOrigins.type).toEqual({
      kind: 'list',
      element: { kind: 'primitive', primitive: 'String' },
    });
    expect(spec?.createOnlyProperties).toContain('BucketName');
    expect(spec?.createOnlyProperties).not.toContain('Tags');
    expect(spec?.primaryIdentifier).toEqual(['BucketName']);
    expect(spec?.arnTemplate).toBe('arn:${Partition}:s3:::${BucketName}');
    expect(attributeNames('AWS::S3::Bucket')).toEqual(expect.arrayContaining(['Arn', 'DomainName', 'RegionalDomainName', 'WebsiteURL']));
  });

  it('describes AWS::Lambda::Function', () => {
    const spec = getResourceTypeSpec('AWS::Lambda::Function');
    expect(spec?.properties.Code.required).toBe(true);
    expect(spec?.properties.Role.required).toBe(true);
    expect(spec?.properties.Handler.required).toBe(false);
    expect(spec?.properties.MemorySize.type).toEqual({ kind: 'primitive', primitive: 'Integer' });
    expect(spec?.propertyTypes.Environment.properties.Variables.type).toEqual({
      kind: 'map',
      element: { kind: 'primitive', primitive: 'String' },
    });
    expect(spec?.createOnlyProperties).toContain('FunctionName');
    expect(attributeNames('AWS::Lambda::Function')).toContain('Arn');
  });

  it('describes AWS::Cognito::UserPool', () => {
    const spec = getResourceTypeSpec('AWS::Cognito::UserPool');
    expect(spec?.properties.UserPoolName.type).toEqual({ kind: 'primitive', primitive: 'String' });
    expect(spec?.properties.Policies.type).toEqual({ kind: 'named', name: 'Policies' });
    expect(spec?.propertyTypes.PasswordPolicy.properties.MinimumLength.type).toEqual({ kind: 'primitive', primitive: 'Integer' });
    expect(attributeNames('AWS::Cognito::UserPool')).toEqual(expect.arrayContaining(['Arn', 'ProviderName', 'ProviderURL', 'UserPoolId']));
  });

  it('describes AWS::DynamoDB::Table', () => {
    const spec = getResourceTypeSpec('AWS::DynamoDB::Table');
    expect(spec?.properties.KeySchema.required).toBe(true);
    expect(spec?.properties.KeySchema.updateType).toBe('Immutable');
    expect(spec?.propertyTypes.KeySchema.properties.KeyType.required).toBe(true);
    expect(spec?.properties.TableName.updateType).toBe('Immutable');
    expect(attributeNames('AWS::DynamoDB::Table')).toEqual(expect.arrayContaining(['Arn', 'StreamArn']));
  });

  it('describes AWS::IAM::Role', () => {
    const spec = getResourceTypeSpec('AWS::IAM::Role');
    expect(spec?.properties.AssumeRolePolicyDocument.required).toBe(true);
    expect(spec?.properties.Policies.type).toEqual({ kind: 'list', element: { kind: 'named', name: 'Policy' } });
    expect(spec?.propertyTypes.Policy.properties.PolicyName.required).toBe(true);
    expect(spec?.properties.RoleName.updateType).toBe('Immutable');
    expect(attributeNames('AWS::IAM::Role')).toEqual(expect.arrayContaining(['Arn', 'RoleId']));
  });

  it('describes AWS::CloudFormation::Stack', () => {
    const spec = getResourceTypeSpec('AWS::CloudFormation::Stack');
    expect(spec?.properties.TemplateURL.type).toEqual({ kind: 'primitive', primitive: 'String' });
    expect(spec?.properties.Parameters.type).toEqual({ kind: 'map', element: { kind: 'primitive', primitive: 'String' } });
    expect(attributeNames('AWS::CloudFormation::Stack')).toContain('Outputs');
  });

  it('lists replacement paths below the top level', () => {
    expect(getResourceTypeSpec('AWS::EC2::Instance')?.createOnlyProperties).toEqual(
      expect.arrayContaining(['ImageId', 'BlockDeviceMappings.*.Ebs.KmsKeyId']),
    );
    expect(getResourceTypeSpec('AWS::EFS::AccessPoint')?.createOnlyProperties).toEqual(
      expect.arrayContaining(['FileSystemId', 'CreationInfo.OwnerUid']),
    );
  });

  it('lists dotted attribute names', () => {
    expect(attributeNames('AWS::RDS::DBInstance')).toEqual(expect.arrayContaining(['Endpoint.Address', 'Endpoint.Port']));
    expect(attributeNames('AWS::S3::Buckett')).toEqual([]);
  });

  it('gives custom resources the CustomResource specification under their own name', () => {
    expect(isCustomResourceType('Custom::Thing')).toBe(true);
    expect(isCustomResourceType('AWS::CloudFormation::CustomResource')).toBe(true);
    expect(isCustomResourceType('AWS::Lambda::Function')).toBe(false);
    const spec = getResourceTypeSpec('Custom::Thing');
    expect(spec?.typeName).toBe('Custom::Thing');
    expect(spec?.custom).toBe(true);
    expect(spec?.properties.ServiceToken.required).toBe(true);
  });

  it('returns the same cached object on every lookup', () => {
    expect(getResourceTypeSpec('AWS::SQS::Queue')).toBe(getResourceTypeSpec('AWS::SQS::Queue'));
  });
});
