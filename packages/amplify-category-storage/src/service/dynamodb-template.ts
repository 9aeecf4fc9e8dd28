import { ATTRIBUTE_TYPE, type DynamoDBConfig, type KeyField } from './dynamodb-config';
import type { CfnTemplate } from './s3-template';

type Json = CfnTemplate['Outputs'][string]['Value'];
const ref = (name: string): Json => ({ Ref: name });

/** `build/parameters.json` of a table. */
export function dynamoDBParameters(config: DynamoDBConfig): Record<string, string> {
  const parameters: Record<string, string> = {
    tableName: config.tableName,
    partitionKeyName: config.partitionKey.fieldName,
    partitionKeyType: ATTRIBUTE_TYPE[config.partitionKey.fieldType],
  };
  if (config.sortKey) {
    parameters.sortKeyName = config.sortKey.fieldName;
    parameters.sortKeyType = ATTRIBUTE_TYPE[config.sortKey.fieldType];
  }
  return parameters;
}

const keySchema = (partition: Json, sort: Json | undefined): Json[] => [
  { AttributeName: partition, KeyType: 'HASH' },
  ...(sort === undefined ? [] : [{ AttributeName: sort, KeyType: 'RANGE' }]),
];

/**
 * The template of a table: `<tableName>-<env>` with its keys, global secondary indexes (all
 * attributes projected), 5/5 provisioned throughput and a stream: NEW_IMAGE, or NEW_AND_OLD_IMAGES once trigger functions use it.
 */
export function dynamoDBTemplate(config: DynamoDBConfig): CfnTemplate {
  const parameters: CfnTemplate['Parameters'] = {
    env: { Type: 'String' },
    tableName: { Type: 'String' },
    partitionKeyName: { Type: 'String' },
    partitionKeyType: { Type: 'String' },
  };
  if (config.sortKey) {
    parameters.sortKeyName = { Type: 'String' };
    parameters.sortKeyType = { Type: 'String' };
  }
  // Every attribute used as a key, once: the table's keys through parameters, index keys as literals.
  const definitions = new Map<string, Json>([[config.partitionKey.fieldName, { AttributeName: ref('partitionKeyName'), AttributeType: ref('partitionKeyType') }]]);
  if (config.sortKey) definitions.set(config.sortKey.fieldName, { AttributeName: ref('sortKeyName'), AttributeType: ref('sortKeyType') });
  const define = (key: KeyField): void => {
    if (!definitions.has(key.fieldName)) definitions.set(key.fieldName, { AttributeName: key.fieldName, AttributeType: ATTRIBUTE_TYPE[key.fieldType] });
  };
  const indexes = (config.gsi ?? []).map((index): Json => {
    define(index.partitionKey);
    if (index.sortKey) define(index.sortKey);
    return {
      IndexName: index.name,
      KeySchema: keySchema(index.partitionKey.fieldName, index.sortKey?.fieldName),
      Projection: { ProjectionType: 'ALL' },
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    };
  });
  const table: Record<string, Json> = {
    TableName: { 'Fn::If': ['ShouldNotCreateEnvResources', ref('tableName'), { 'Fn::Join': ['', [ref('tableName'), '-', ref('env')]] }] },
    AttributeDefinitions: [...definitions.values()],
    KeySchema: keySchema(ref('partitionKeyName'), config.sortKey ? ref('sortKeyName') : undefined),
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    // Trigger functions see each change whole (before and after), as the original's trigger template expects.
    StreamSpecification: { StreamViewType: (config.triggerFunctions ?? []).length > 0 ? 'NEW_AND_OLD_IMAGES' : 'NEW_IMAGE' },
  };
  if (indexes.length > 0) table.GlobalSecondaryIndexes = indexes;
  const outputs: CfnTemplate['Outputs'] = {
    Name: { Value: ref('DynamoDBTable') },
    Arn: { Value: { 'Fn::GetAtt': ['DynamoDBTable', 'Arn'] } },
    StreamArn: { Value: { 'Fn::GetAtt': ['DynamoDBTable', 'StreamArn'] } },
    PartitionKeyName: { Value: ref('partitionKeyName') },
    PartitionKeyType: { Value: ref('partitionKeyType') },
  };
  if (config.sortKey) {
    outputs.SortKeyName = { Value: ref('sortKeyName') };
    outputs.SortKeyType = { Value: ref('sortKeyType') };
  }
  outputs.Region = { Value: ref('AWS::Region') };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'DynamoDB resource stack creation using Amplify CLI',
    Parameters: parameters,
    Conditions: { ShouldNotCreateEnvResources: { 'Fn::Equals': [ref('env'), 'NONE'] } },
    Resources: { DynamoDBTable: { Type: 'AWS::DynamoDB::Table', Properties: table } },
    Outputs: outputs,
  };
}
