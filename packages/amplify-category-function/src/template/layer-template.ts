import { type LayerPermission, layerLogicalIdSuffix } from '../layer-definition';

type Json = string | number | boolean | Json[] | { [key: string]: Json };
export type LayerTemplate = { [key: string]: Json } & {
  Parameters: Record<string, { [key: string]: Json }>;
  Resources: Record<string, { Type: string; [key: string]: Json }>;
  Outputs: Record<string, { [key: string]: Json }>;
};

export interface LayerTemplateInput {
  layerName: string;
  permissions: readonly LayerPermission[];
  /** Whether the layer declares compatible runtimes (the `runtimes` parameter, from parameters.json). */
  hasRuntimes: boolean;
}

const ref = (name: string): Json => ({ Ref: name });

/** The logical id of the layer's version resource, which the function templates' `Ref`/`Fn::Sub` never name directly. */
export function layerVersionLogicalId(layerName: string): string {
  return `LambdaLayerVersion${layerLogicalIdSuffix(layerName)}`;
}

/** One `AWS::Lambda::LayerVersionPermission` per grant, named as the original names them. */
function permissionResources(permissions: readonly LayerPermission[], versionId: string, suffix: string): LayerTemplate['Resources'] {
  const base = { Action: 'lambda:GetLayerVersion', LayerVersionArn: ref(versionId) };
  const resources: LayerTemplate['Resources'] = {};
  const grant = (name: string, properties: Record<string, Json>): void => {
    resources[`LambdaLayerPermission${name}${suffix}`] = { Type: 'AWS::Lambda::LayerVersionPermission', Properties: { ...base, ...properties } };
  };
  if (permissions.some((permission) => permission.type === 'Public')) {
    grant('Public', { Principal: '*' });
    return resources;
  }
  for (const permission of permissions) {
    switch (permission.type) {
      case 'Private':
        grant('Private', { Principal: ref('AWS::AccountId') });
        break;
      case 'AwsAccounts':
        for (const account of permission.accounts) grant(`AwsAccounts${account}`, { Principal: account });
        break;
      case 'AwsOrg':
        for (const org of permission.orgs) grant(`AwsOrg${org.replace('-', '')}`, { Principal: '*', OrganizationId: org });
        break;
    }
  }
  return resources;
}

/**
 * The layer's stack: one `AWS::Lambda::LayerVersion` named `<layer>-<env>` whose content is the package at
 * `deploymentBucketName`/`s3Key`, and its permissions. The package's key carries the content hash, so new content
 * replaces the resource, which publishes a new version; `UpdateReplacePolicy: Retain` keeps the previous versions
 * for the functions pinned to them, and the template itself never changes with the content.
 */
export function layerTemplate(input: LayerTemplateInput): LayerTemplate {
  const versionId = layerVersionLogicalId(input.layerName);
  const parameters: LayerTemplate['Parameters'] = {
    env: { Type: 'String' },
    deploymentBucketName: { Type: 'String' },
    s3Key: { Type: 'String' },
    description: { Type: 'String', Default: '' },
  };
  if (input.hasRuntimes) parameters.runtimes = { Type: 'List<String>' };
  const properties: Record<string, Json> = {
    Content: { S3Bucket: ref('deploymentBucketName'), S3Key: ref('s3Key') },
    Description: ref('description'),
    LayerName: { 'Fn::Sub': [`${input.layerName}-\${env}`, { env: ref('env') }] },
  };
  if (input.hasRuntimes) properties.CompatibleRuntimes = ref('runtimes');
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Lambda layer resource stack creation using Amplify CLI',
    Parameters: parameters,
    Resources: {
      [versionId]: { Type: 'AWS::Lambda::LayerVersion', Properties: properties, DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Retain' },
      ...permissionResources(input.permissions, versionId, layerLogicalIdSuffix(input.layerName)),
    },
    Outputs: { Arn: { Value: ref(versionId) } },
  };
}
