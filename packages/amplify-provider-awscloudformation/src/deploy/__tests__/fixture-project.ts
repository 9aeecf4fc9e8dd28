import { makeTempDir, writeProjectFile } from 'amplify-test-support';

export const STACK_NAME = 'amplify-fixture-dev-10101';
export const BUCKET = `${STACK_NAME}-deployment`;

const bucketTemplate = {
  AWSTemplateFormatVersion: '2010-09-09',
  Parameters: { bucketName: { Type: 'String' }, env: { Type: 'String' } },
  Resources: { S3Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Join': ['-', [{ Ref: 'bucketName' }, { Ref: 'env' }]] } } } },
  Outputs: { BucketName: { Value: { Ref: 'S3Bucket' } } },
};

const tableTemplate = {
  AWSTemplateFormatVersion: '2010-09-09',
  Parameters: {
    tableName: { Type: 'String' },
    storageimagesBucketName: { Type: 'String' },
    env: { Type: 'String' },
  },
  Resources: {
    Table: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        TableName: { Ref: 'tableName' },
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      },
    },
  },
  Outputs: { Name: { Value: { Ref: 'Table' } } },
};

/**
 * A project as init + two `amplify add storage` would leave it: an S3 bucket resource and a DynamoDB table that
 * depends on the bucket's name, with one env-specific parameter in team-provider-info.
 */
export function createFixtureProject(rootStack: Record<string, string> = defaultRootStack()): string {
  const root = makeTempDir('provider-fixture-');
  const write = (relative: string, data: unknown) => writeProjectFile(root, relative, data);
  write('amplify/.config/project-config.json', { projectName: 'fixture', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write('amplify/.config/local-env-info.json', { envName: 'dev' });
  const meta = {
    providers: { awscloudformation: rootStack },
    storage: {
      images: { service: 'S3', providerPlugin: 'awscloudformation' },
      notes: {
        service: 'DynamoDB',
        providerPlugin: 'awscloudformation',
        dependsOn: [{ category: 'storage', resourceName: 'images', attributes: ['BucketName'] }],
      },
    },
  };
  write('amplify/backend/amplify-meta.json', meta);
  write('amplify/#current-cloud-backend/amplify-meta.json', { providers: meta.providers });
  write('amplify/backend/backend-config.json', { storage: { images: meta.storage.images, notes: meta.storage.notes } });
  write('amplify/team-provider-info.json', {
    dev: { awscloudformation: rootStack, categories: { storage: { images: { bucketName: 'fixture-images' } } } },
  });
  write('amplify/backend/storage/images/images-cloudformation-template.json', bucketTemplate);
  write('amplify/backend/storage/images/parameters.json', { bucketName: 'placeholder' });
  write('amplify/backend/storage/notes/notes-cloudformation-template.json', tableTemplate);
  write('amplify/backend/storage/notes/parameters.json', { tableName: 'notes', unusedByTemplate: ['a', 'b'] });
  return root;
}

export function defaultRootStack(): Record<string, string> {
  return {
    StackName: STACK_NAME,
    StackId: `arn:aws:cloudformation:us-east-1:123456789012:stack/${STACK_NAME}/1`,
    DeploymentBucketName: BUCKET,
    AuthRoleName: `${STACK_NAME}-authRole`,
    UnauthRoleName: `${STACK_NAME}-unauthRole`,
    Region: 'us-east-1',
  };
}
