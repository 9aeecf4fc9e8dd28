import { cfnConstruct, type CfnResourceJson } from '../cfn-construct';

function table(): CfnResourceJson {
  return {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TableName: { 'Fn::Join': ['-', ['Todo', { Ref: 'env' }]] },
    },
  };
}

describe('camelCase properties over a PascalCase resource', () => {
  test('scalars read and write the PascalCase property; undefined removes it', () => {
    const resource = table();
    const construct = cfnConstruct('TodoTable', resource);
    expect(construct.billingMode).toBe('PAY_PER_REQUEST');
    construct.billingMode = 'PROVISIONED';
    expect(resource.Properties?.BillingMode).toBe('PROVISIONED');
    construct.billingMode = undefined;
    expect(resource.Properties).not.toHaveProperty('BillingMode');
  });

  test('nested objects and lists of property types are mapped recursively on write', () => {
    const resource = table();
    const construct = cfnConstruct('TodoTable', resource);
    construct.pointInTimeRecoverySpecification = { pointInTimeRecoveryEnabled: true };
    construct.provisionedThroughput = { readCapacityUnits: 5, writeCapacityUnits: 5 };
    construct.globalSecondaryIndexes = [
      { indexName: 'byName', keySchema: [{ attributeName: 'name', keyType: 'HASH' }], projection: { projectionType: 'ALL' } },
    ];
    expect(resource.Properties).toMatchObject({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      GlobalSecondaryIndexes: [{ IndexName: 'byName', KeySchema: [{ AttributeName: 'name', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    });
  });

  test('reads are live camelCase views: writing through them changes the stored resource', () => {
    const resource = table();
    const construct = cfnConstruct('TodoTable', resource) as Record<string, any>;
    expect(construct.keySchema[0].attributeName).toBe('id');
    construct.keySchema[0].keyType = 'RANGE';
    construct.streamSpecification.streamViewType = 'KEYS_ONLY';
    construct.attributeDefinitions.push({ attributeName: 'name', attributeType: 'S' });
    expect(resource.Properties).toMatchObject({
      KeySchema: [{ AttributeName: 'id', KeyType: 'RANGE' }],
      StreamSpecification: { StreamViewType: 'KEYS_ONLY' },
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }, { AttributeName: 'name', AttributeType: 'S' }],
    });
    expect(Object.keys(construct.streamSpecification)).toEqual(['streamViewType']);
    expect(Object.keys(construct)).toEqual(['keySchema', 'attributeDefinitions', 'billingMode', 'streamSpecification', 'tableName']);
    expect(JSON.parse(JSON.stringify(construct)).keySchema).toEqual([{ attributeName: 'id', keyType: 'RANGE' }]);
    expect('streamViewType' in construct.streamSpecification).toBe(true);
  });

  test('intrinsic functions, map keys, Json values and tags keep their keys as CloudFormation needs them', () => {
    const fn: CfnResourceJson = { Type: 'AWS::Lambda::Function', Properties: {} };
    const lambda = cfnConstruct('Fn', fn);
    lambda.environment = { variables: { apiUrl: { 'Fn::GetAtt': ['GraphQLAPI', 'GraphQLUrl'] }, lowerCase: 'x' } };
    lambda.tags = [{ key: 'team', value: 'web' }];
    lambda.role = { 'Fn::GetAtt': ['Role', 'Arn'] };
    expect(fn.Properties).toEqual({
      Environment: { Variables: { apiUrl: { 'Fn::GetAtt': ['GraphQLAPI', 'GraphQLUrl'] }, lowerCase: 'x' } },
      Tags: [{ Key: 'team', Value: 'web' }],
      Role: { 'Fn::GetAtt': ['Role', 'Arn'] },
    });
    const policy: CfnResourceJson = { Type: 'AWS::IAM::Policy', Properties: {} };
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': '1' } } }] };
    cfnConstruct('Policy', policy).policyDocument = document;
    expect(policy.Properties?.PolicyDocument).toEqual(document);
    expect((cfnConstruct('TodoTable', table()) as Record<string, any>).tableName).toEqual({ 'Fn::Join': ['-', ['Todo', { Ref: 'env' }]] });
  });

  test('a type outside the specification gets every key capitalised', () => {
    const custom: CfnResourceJson = { Type: 'Custom::Thing', Properties: {} };
    cfnConstruct('Thing', custom).settings = { retryCount: 2, nested: { deepKey: true } };
    expect(custom.Properties).toEqual({ Settings: { RetryCount: 2, Nested: { DeepKey: true } } });
  });
});

describe('override methods', () => {
  test('addOverride, addPropertyOverride and their deletions edit the resource by path (values as written)', () => {
    const resource = table();
    const construct = cfnConstruct('TodoTable', resource);
    construct.addOverride('Properties.BillingMode', 'PROVISIONED');
    construct.addPropertyOverride('SSESpecification.SSEEnabled', true);
    construct.addOverride('Metadata.a\\.b', 1);
    construct.addPropertyOverride('KeySchema.0.KeyType', 'RANGE');
    construct.addDeletionOverride('Properties.StreamSpecification');
    construct.addPropertyDeletionOverride('TableName');
    construct.addPropertyDeletionOverride('Not.There');
    expect(resource).toEqual({
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        KeySchema: [{ AttributeName: 'id', KeyType: 'RANGE' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PROVISIONED',
        SSESpecification: { SSEEnabled: true },
      },
      Metadata: { 'a.b': 1 },
    });
  });

  test('cfnOptions, dependencies, metadata, refs and attributes', () => {
    const resource = table();
    const construct = cfnConstruct('TodoTable', resource);
    const role = cfnConstruct('TodoRole', { Type: 'AWS::IAM::Role', Properties: {} });
    construct.cfnOptions.deletionPolicy = 'Retain';
    construct.cfnOptions.updateReplacePolicy = 'Retain';
    construct.cfnOptions.condition = { logicalId: 'HasEnvironmentParameter' };
    construct.addDependency(role);
    construct.addDependsOn(role);
    construct.addMetadata('owner', 'team');
    expect(resource).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Condition: 'HasEnvironmentParameter', DependsOn: ['TodoRole'], Metadata: { owner: 'team' } });
    expect(construct.cfnOptions.deletionPolicy).toBe('Retain');
    expect(construct.getMetadata('owner')).toBe('team');
    expect(construct.ref).toEqual({ Ref: 'TodoTable' });
    expect(construct.attrStreamArn).toEqual({ 'Fn::GetAtt': ['TodoTable', 'StreamArn'] });
    expect(construct.getAtt('Arn')).toEqual({ 'Fn::GetAtt': ['TodoTable', 'Arn'] });
    expect(construct.logicalId).toBe('TodoTable');
    expect(construct.cfnResourceType).toBe('AWS::DynamoDB::Table');
    expect(construct.then).toBeUndefined();
    expect(() => {
      (construct as Record<string, unknown>).logicalId = 'Other';
    }).toThrow(TypeError);
  });
});
