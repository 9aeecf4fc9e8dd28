import { validateHeadlessRequest } from 'amplify-cli-core';
import { validateTemplate } from 'amplify-cloudformation-spec';
import type { DynamoDBConfig } from '../service/dynamodb-config';
import { dynamoDBParameters, dynamoDBTemplate } from '../service/dynamodb-template';
import { fromAddDynamoDBRequest, fromUpdateDynamoDBRequest, type AddDynamoDBRequest, type UpdateDynamoDBRequest } from '../service/headless-mapping';
import { addStorageRequestSchema, updateStorageRequestSchema } from '../service/headless-schemas';

const table: DynamoDBConfig = {
  resourceName: 'orders',
  tableName: 'orders',
  partitionKey: { fieldName: 'id', fieldType: 'string' },
  sortKey: { fieldName: 'createdAt', fieldType: 'number' },
  gsi: [{ name: 'byCustomer', partitionKey: { fieldName: 'customerId', fieldType: 'string' }, sortKey: { fieldName: 'createdAt', fieldType: 'number' } }],
};

describe('dynamoDBTemplate', () => {
  it('a table with keys, an index, a stream and the original outputs passes the specification', () => {
    const template = dynamoDBTemplate(table);
    expect(validateTemplate(template)).toEqual([]);
    const properties = template.Resources.DynamoDBTable.Properties;
    expect(properties.AttributeDefinitions).toEqual([
      { AttributeName: { Ref: 'partitionKeyName' }, AttributeType: { Ref: 'partitionKeyType' } },
      { AttributeName: { Ref: 'sortKeyName' }, AttributeType: { Ref: 'sortKeyType' } },
      { AttributeName: 'customerId', AttributeType: 'S' },
    ]);
    expect(properties.KeySchema).toEqual([
      { AttributeName: { Ref: 'partitionKeyName' }, KeyType: 'HASH' },
      { AttributeName: { Ref: 'sortKeyName' }, KeyType: 'RANGE' },
    ]);
    expect(properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    expect(Object.keys(template.Outputs)).toEqual(['Name', 'Arn', 'StreamArn', 'PartitionKeyName', 'PartitionKeyType', 'SortKeyName', 'SortKeyType', 'Region']);
    expect(dynamoDBParameters(table)).toEqual({ tableName: 'orders', partitionKeyName: 'id', partitionKeyType: 'S', sortKeyName: 'createdAt', sortKeyType: 'N' });
  });

  it('a table with trigger functions streams old and new images, and still passes the specification', () => {
    const template = dynamoDBTemplate({ ...table, triggerFunctions: ['ordersTrigger1a2b3c4d'] });
    expect(template.Resources.DynamoDBTable.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(template.Outputs.StreamArn).toEqual({ Value: { 'Fn::GetAtt': ['DynamoDBTable', 'StreamArn'] } });
    expect(validateTemplate(template)).toEqual([]);
    expect(dynamoDBTemplate({ ...table, triggerFunctions: [] }).Resources.DynamoDBTable.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
  });

  it('without a sort key or indexes declares neither', () => {
    const template = dynamoDBTemplate({ resourceName: 't', tableName: 't', partitionKey: { fieldName: 'pk', fieldType: 'binary' } });
    expect(validateTemplate(template)).toEqual([]);
    expect(template.Parameters).not.toHaveProperty('sortKeyName');
    expect(template.Resources.DynamoDBTable.Properties).not.toHaveProperty('GlobalSecondaryIndexes');
  });
});

describe('DynamoDB headless add', () => {
  const request = {
    version: 1,
    serviceConfiguration: {
      serviceName: 'DynamoDB',
      resourceName: 'orders',
      columns: [
        { name: 'id', type: 'string' },
        { name: 'createdAt', type: 'number' },
        { name: 'tags', type: 'list' },
      ],
      partitionKey: 'id',
      sortKey: 'createdAt',
      gsi: [{ name: 'byDate', partitionKey: 'createdAt' }],
    },
  };

  it('maps columns and keys', () => {
    const parsed = validateHeadlessRequest<AddDynamoDBRequest>(addStorageRequestSchema, request, 'AddStorageRequest');
    expect(fromAddDynamoDBRequest(parsed, 'unused')).toEqual({
      resourceName: 'orders',
      tableName: 'orders',
      partitionKey: { fieldName: 'id', fieldType: 'string' },
      sortKey: { fieldName: 'createdAt', fieldType: 'number' },
      gsi: [{ name: 'byDate', partitionKey: { fieldName: 'createdAt', fieldType: 'number' } }],
    });
  });

  it('refuses a key that is not a column of a key type, and a bad column, naming the field', () => {
    const listKey = validateHeadlessRequest<AddDynamoDBRequest>(addStorageRequestSchema, { ...request, serviceConfiguration: { ...request.serviceConfiguration, sortKey: 'tags' } }, 'AddStorageRequest');
    expect(() => fromAddDynamoDBRequest(listKey, 'x')).toThrow('serviceConfiguration.sortKey: "tags" is not a column');
    expect(() =>
      validateHeadlessRequest(addStorageRequestSchema, { ...request, serviceConfiguration: { ...request.serviceConfiguration, columns: [{ name: 'bad name', type: 'string' }] } }, 'AddStorageRequest'),
    ).toThrow('serviceConfiguration.columns[0].name must match pattern');
  });

  it('refuses a column declared twice and a sort key equal to the partition key', () => {
    const service = request.serviceConfiguration;
    const twice = { ...request, serviceConfiguration: { ...service, columns: [...service.columns, { name: 'createdAt', type: 'string' }] } };
    expect(() => fromAddDynamoDBRequest(validateHeadlessRequest<AddDynamoDBRequest>(addStorageRequestSchema, twice, 'AddStorageRequest'), 'x')).toThrow(
      'serviceConfiguration.columns[3].name: "createdAt" is declared twice',
    );
    const sameKeys = { ...request, serviceConfiguration: { ...service, sortKey: 'id' } };
    expect(() => fromAddDynamoDBRequest(validateHeadlessRequest<AddDynamoDBRequest>(addStorageRequestSchema, sameKeys, 'AddStorageRequest'), 'x')).toThrow(
      'serviceConfiguration.sortKey: "id" is already the partitionKey',
    );
  });
});

describe('DynamoDB headless update', () => {
  const update = (modification: object) =>
    validateHeadlessRequest<UpdateDynamoDBRequest>(updateStorageRequestSchema, { version: 1, serviceModification: { serviceName: 'DynamoDB', resourceName: 'orders', ...modification } }, 'UpdateStorageRequest');

  it('replaces the indexes, which may use the table keys, existing index keys and new columns; keys and names stay', () => {
    const config = fromUpdateDynamoDBRequest(
      update({ columns: [{ name: 'status', type: 'string' }], gsi: [{ name: 'byCustomer', partitionKey: 'customerId' }, { name: 'byStatus', partitionKey: 'status', sortKey: 'createdAt' }] }),
      table,
    );
    expect(config).toEqual({
      ...table,
      gsi: [
        { name: 'byCustomer', partitionKey: { fieldName: 'customerId', fieldType: 'string' } },
        { name: 'byStatus', partitionKey: { fieldName: 'status', fieldType: 'string' }, sortKey: { fieldName: 'createdAt', fieldType: 'number' } },
      ],
    });
    expect(validateTemplate(dynamoDBTemplate(config))).toEqual([]);
    expect(fromUpdateDynamoDBRequest(update({ gsi: [] }), table)).not.toHaveProperty('gsi');
  });

  it('lambdaTrigger on add and update: new (name optional) or existing (name required); an update without gsi keeps the indexes', () => {
    const withTrigger = (lambdaTrigger: unknown) =>
      validateHeadlessRequest<AddDynamoDBRequest>(
        addStorageRequestSchema,
        { version: 1, serviceConfiguration: { serviceName: 'DynamoDB', columns: [{ name: 'id', type: 'string' }], partitionKey: 'id', lambdaTrigger } },
        'AddStorageRequest',
      );
    expect((withTrigger({ mode: 'new' }).serviceConfiguration as AddDynamoDBRequest['serviceConfiguration']).lambdaTrigger).toEqual({ mode: 'new' });
    expect(() => withTrigger({ mode: 'existing' })).toThrow('serviceConfiguration.lambdaTrigger.name is required');
    const request = update({ lambdaTrigger: { mode: 'existing', name: 'ordersTrigger' } });
    expect(request.serviceModification.lambdaTrigger).toEqual({ mode: 'existing', name: 'ordersTrigger' });
    expect(fromUpdateDynamoDBRequest(request, table)).toEqual(table);
  });

  it('refuses unknown key columns, duplicate index names and changes to the keys', () => {
    expect(() => fromUpdateDynamoDBRequest(update({ gsi: [{ name: 'x', partitionKey: 'nope' }] }), table)).toThrow('serviceModification.gsi[0].partitionKey: "nope" is not a column');
    expect(() => fromUpdateDynamoDBRequest(update({ gsi: [{ name: 'x', partitionKey: 'id' }, { name: 'x', partitionKey: 'id' }] }), table)).toThrow('gsi[1].name');
    expect(() => update({ gsi: [], partitionKey: 'customerId' })).toThrow('serviceModification.partitionKey is not a known field');
  });
});
