import { validateTemplate } from 'amplify-cloudformation-spec';
import { layerTemplate, layerVersionLogicalId } from '../layer-template';

describe('layerTemplate', () => {
  const versionId = layerVersionLogicalId('shopshared');
  const suffix = versionId.replace('LambdaLayerVersion', '');

  test('a private layer: one version named <layer>-<env> from the push parameters, kept on replacement, and the account grant', () => {
    const template = layerTemplate({ layerName: 'shopshared', permissions: [{ type: 'Private' }], hasRuntimes: true });
    expect(validateTemplate(template, { fileName: 'shopshared-awscloudformation-template.json' })).toEqual([]);
    expect(Object.keys(template.Parameters).sort()).toEqual(['deploymentBucketName', 'description', 'env', 'runtimes', 's3Key']);
    expect(template.Parameters.runtimes).toEqual({ Type: 'List<String>' });
    expect(template.Resources[versionId]).toEqual({
      Type: 'AWS::Lambda::LayerVersion',
      Properties: {
        Content: { S3Bucket: { Ref: 'deploymentBucketName' }, S3Key: { Ref: 's3Key' } },
        Description: { Ref: 'description' },
        LayerName: { 'Fn::Sub': ['shopshared-${env}', { env: { Ref: 'env' } }] },
        CompatibleRuntimes: { Ref: 'runtimes' },
      },
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Retain',
    });
    expect(template.Resources[`LambdaLayerPermissionPrivate${suffix}`]).toEqual({
      Type: 'AWS::Lambda::LayerVersionPermission',
      Properties: { Action: 'lambda:GetLayerVersion', LayerVersionArn: { Ref: versionId }, Principal: { Ref: 'AWS::AccountId' } },
    });
    expect(template.Outputs).toEqual({ Arn: { Value: { Ref: versionId } } });
  });

  test('accounts and organizations get one grant each, named as the original names them; public replaces them all', () => {
    const shared = layerTemplate({
      layerName: 'shopshared',
      permissions: [{ type: 'AwsAccounts', accounts: ['123456789012', '210987654321'] }, { type: 'AwsOrg', orgs: ['o-abcdefghij'] }, { type: 'Private' }],
      hasRuntimes: true,
    });
    expect(validateTemplate(shared, { fileName: 'shopshared-awscloudformation-template.json' })).toEqual([]);
    expect(Object.keys(shared.Resources).filter((id) => id !== versionId).sort()).toEqual(
      [`LambdaLayerPermissionAwsAccounts123456789012${suffix}`, `LambdaLayerPermissionAwsAccounts210987654321${suffix}`, `LambdaLayerPermissionAwsOrgoabcdefghij${suffix}`, `LambdaLayerPermissionPrivate${suffix}`].sort(),
    );
    expect(shared.Resources[`LambdaLayerPermissionAwsOrgoabcdefghij${suffix}`].Properties).toMatchObject({ Principal: '*', OrganizationId: 'o-abcdefghij' });
    const open = layerTemplate({ layerName: 'shopshared', permissions: [{ type: 'Public' }, { type: 'Private' }], hasRuntimes: true });
    expect(Object.keys(open.Resources)).toEqual([versionId, `LambdaLayerPermissionPublic${suffix}`]);
    expect(open.Resources[`LambdaLayerPermissionPublic${suffix}`].Properties).toMatchObject({ Principal: '*' });
  });

  test('without runtimes there is no runtimes parameter, and the version id is the same for the same layer only', () => {
    const template = layerTemplate({ layerName: 'shopshared', permissions: [{ type: 'Private' }], hasRuntimes: false });
    expect(template.Parameters.runtimes).toBeUndefined();
    expect(template.Resources[versionId].Properties).not.toHaveProperty('CompatibleRuntimes');
    expect(validateTemplate(template, { fileName: 'shopshared-awscloudformation-template.json' })).toEqual([]);
    expect(layerVersionLogicalId('shopshared')).toBe(versionId);
    expect(layerVersionLogicalId('shopother')).not.toBe(versionId);
  });
});
