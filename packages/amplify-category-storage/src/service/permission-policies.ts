import type { PermissionPolicies } from 'amplify-cli-core';

const S3_OPERATION_ACTIONS: Record<string, string[]> = {
  create: ['s3:PutObject'],
  update: ['s3:PutObject'],
  read: ['s3:GetObject', 's3:ListBucket'],
  delete: ['s3:DeleteObject'],
};

const DYNAMODB_OPERATION_ACTIONS: Record<string, string[]> = {
  create: ['dynamodb:Put*', 'dynamodb:Create*', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLInsert'],
  read: ['dynamodb:Get*', 'dynamodb:BatchGetItem', 'dynamodb:List*', 'dynamodb:Describe*', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:PartiQLSelect'],
  update: ['dynamodb:Update*', 'dynamodb:RestoreTable*', 'dynamodb:PartiQLUpdate'],
  delete: ['dynamodb:Delete*', 'dynamodb:PartiQLDelete'],
};

const actionsFor = (table: Record<string, string[]>, operations: string[]): string[] => [...new Set(operations.flatMap((operation) => table[operation] ?? []))];

/**
 * IAM statements for a function that uses storage resources: `resourceOpsMapping` maps resource names to CRUD
 * operations, `services` gives each resource's service. The function's stack receives the resource's outputs as
 * parameters named `storage<name><Attribute>`.
 */
export function storagePermissionPolicies(resourceOpsMapping: Record<string, string[]>, services: Record<string, string>): PermissionPolicies {
  const permissionPolicies: unknown[] = [];
  const resourceAttributes: PermissionPolicies['resourceAttributes'] = [];
  for (const [resourceName, operations] of Object.entries(resourceOpsMapping)) {
    if (services[resourceName] === 'S3') {
      const actions = actionsFor(S3_OPERATION_ACTIONS, operations);
      const bucket = { Ref: `storage${resourceName}BucketName` };
      const objectActions = actions.filter((a) => a !== 's3:ListBucket');
      if (objectActions.length > 0) {
        permissionPolicies.push({ Effect: 'Allow', Action: objectActions, Resource: [{ 'Fn::Join': ['', ['arn:aws:s3:::', bucket, '/*']] }] });
      }
      if (actions.includes('s3:ListBucket')) {
        permissionPolicies.push({ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [{ 'Fn::Join': ['', ['arn:aws:s3:::', bucket]] }] });
      }
      resourceAttributes.push({ resourceName, attributes: ['BucketName'], category: 'storage' });
    } else if (services[resourceName] === 'DynamoDB') {
      const arn = { Ref: `storage${resourceName}Arn` };
      permissionPolicies.push({ Effect: 'Allow', Action: actionsFor(DYNAMODB_OPERATION_ACTIONS, operations), Resource: [arn, { 'Fn::Join': ['/', [arn, 'index/*']] }] });
      resourceAttributes.push({ resourceName, attributes: ['Name', 'Arn', 'StreamArn'], category: 'storage' });
    }
  }
  return { permissionPolicies, resourceAttributes };
}
