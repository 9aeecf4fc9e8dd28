import { CreateStackCommand, DescribeStacksCommand, UpdateStackCommand, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import {
  ConditionalCheckFailedException,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startCfnTestCloud, type CfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';
import { rawRequest, startTestCloud } from '../../__tests__/test-cloud';

/** A table as the GraphQL transformer's model stacks declare one: id key, a GSI, a stream, optional TTL. */
function tableTemplate(options: { ttl?: boolean; extraIndex?: boolean } = {}) {
  const indexes = [{ IndexName: 'byOwner', KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }, { AttributeName: 'createdAt', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } }];
  if (options.extraIndex) indexes.push({ IndexName: 'byStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }, { AttributeName: 'createdAt', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } });
  return {
    Parameters: { env: { Type: 'String', Default: 'dev' } },
    Resources: {
      TodoTable: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          TableName: { 'Fn::Join': ['', ['Todo-', { Ref: 'env' }]] },
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [
            { AttributeName: 'id', AttributeType: 'S' },
            { AttributeName: 'owner', AttributeType: 'S' },
            { AttributeName: 'createdAt', AttributeType: 'S' },
            ...(options.extraIndex ? [{ AttributeName: 'status', AttributeType: 'S' }] : []),
          ],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
          GlobalSecondaryIndexes: indexes,
          ...(options.ttl ? { TimeToLiveSpecification: { AttributeName: '_ttl', Enabled: true } } : {}),
        },
      },
    },
    Outputs: { StreamArn: { Value: { 'Fn::GetAtt': ['TodoTable', 'StreamArn'] } }, Arn: { Value: { 'Fn::GetAtt': ['TodoTable', 'Arn'] } } },
  };
}

let cloud: CfnTestCloud;
let documents: DynamoDBDocumentClient;
let dynamodb: DynamoDBClient;

beforeAll(async () => {
  cloud = await startCfnTestCloud();
  dynamodb = new DynamoDBClient(cloud.config);
  documents = DynamoDBDocumentClient.from(dynamodb);
  await cloud.cfn.send(new CreateStackCommand({ StackName: 'model', TemplateBody: JSON.stringify(tableTemplate()) }));
  expect((await cloud.waitForStack('model')).StackStatus).toBe('CREATE_COMPLETE');
});

afterAll(async () => {
  dynamodb.destroy();
  await cloud.dispose();
});

const outputsOf = async (stackName: string) => {
  const { Stacks } = await cloud.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  return Object.fromEntries((Stacks![0].Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
};

test('a table created by a stack is a real table with its key schema, GSI and stream', async () => {
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: 'Todo-dev' }));
  expect(Table).toMatchObject({
    TableName: 'Todo-dev',
    TableStatus: 'ACTIVE',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  });
  expect(Table!.GlobalSecondaryIndexes!.map((index) => index.IndexName)).toEqual(['byOwner']);
  const outputs = await outputsOf('model');
  expect(Table!.LatestStreamArn).toBe(outputs.StreamArn);
  expect(outputs.Arn).toBe('arn:aws:dynamodb:us-east-1:123456789012:table/Todo-dev');
});

test('put, get, query on a GSI, scan with a filter, conditional update and delete', async () => {
  await documents.send(new PutCommand({ TableName: 'Todo-dev', Item: { id: 'a', owner: 'ann', createdAt: '2026-01-01', done: false, n: 1 } }));
  await documents.send(new PutCommand({ TableName: 'Todo-dev', Item: { id: 'b', owner: 'ann', createdAt: '2026-01-02', done: true, n: 2 } }));
  await documents.send(new PutCommand({ TableName: 'Todo-dev', Item: { id: 'c', owner: 'bob', createdAt: '2026-01-03', done: false, n: 3 } }));
  expect((await documents.send(new GetCommand({ TableName: 'Todo-dev', Key: { id: 'a' } }))).Item).toEqual({ id: 'a', owner: 'ann', createdAt: '2026-01-01', done: false, n: 1 });

  const byOwner = await documents.send(
    new QueryCommand({ TableName: 'Todo-dev', IndexName: 'byOwner', KeyConditionExpression: '#o = :o', ExpressionAttributeNames: { '#o': 'owner' }, ExpressionAttributeValues: { ':o': 'ann' }, ScanIndexForward: false }),
  );
  expect(byOwner.Items!.map((item) => item.id)).toEqual(['b', 'a']);

  const open = await documents.send(new ScanCommand({ TableName: 'Todo-dev', FilterExpression: 'done = :f AND n > :min', ExpressionAttributeValues: { ':f': false, ':min': 1 } }));
  expect(open.Items!.map((item) => item.id)).toEqual(['c']);

  await expect(
    documents.send(new UpdateCommand({ TableName: 'Todo-dev', Key: { id: 'a' }, UpdateExpression: 'SET n = n + :one', ConditionExpression: 'done = :t', ExpressionAttributeValues: { ':one': 1, ':t': true } })),
  ).rejects.toBeInstanceOf(ConditionalCheckFailedException);
  const updated = await documents.send(
    new UpdateCommand({ TableName: 'Todo-dev', Key: { id: 'a' }, UpdateExpression: 'SET n = n + :one', ConditionExpression: 'done = :f', ExpressionAttributeValues: { ':one': 1, ':f': false }, ReturnValues: 'ALL_NEW' }),
  );
  expect(updated.Attributes).toMatchObject({ id: 'a', n: 2 });

  await documents.send(new DeleteCommand({ TableName: 'Todo-dev', Key: { id: 'c' } }));
  expect((await documents.send(new GetCommand({ TableName: 'Todo-dev', Key: { id: 'c' } }))).Item).toBeUndefined();
});

test('TransactWriteItems is all or nothing', async () => {
  await expect(
    documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: 'Todo-dev', Item: { id: 't1', owner: 'tx', createdAt: '1' } } },
          { ConditionCheck: { TableName: 'Todo-dev', Key: { id: 'missing' }, ConditionExpression: 'attribute_exists(id)' } },
        ],
      }),
    ),
  ).rejects.toMatchObject({ name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }] });
  expect((await documents.send(new GetCommand({ TableName: 'Todo-dev', Key: { id: 't1' } }))).Item).toBeUndefined();

  await documents.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: 'Todo-dev', Item: { id: 't1', owner: 'tx', createdAt: '1' } } },
        { Update: { TableName: 'Todo-dev', Key: { id: 'b' }, UpdateExpression: 'SET done = :f', ExpressionAttributeValues: { ':f': false } } },
      ],
    }),
  );
  expect((await documents.send(new GetCommand({ TableName: 'Todo-dev', Key: { id: 't1' } }))).Item).toMatchObject({ owner: 'tx' });
  expect((await documents.send(new GetCommand({ TableName: 'Todo-dev', Key: { id: 'b' } }))).Item).toMatchObject({ done: false });
});

test('a stack update adds a GSI (items kept) and turns TTL on; expired items disappear', async () => {
  await cloud.cfn.send(new UpdateStackCommand({ StackName: 'model', TemplateBody: JSON.stringify(tableTemplate({ ttl: true, extraIndex: true })) }));
  expect((await cloud.waitForStack('model')).StackStatus).toBe('UPDATE_COMPLETE');
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: 'Todo-dev' }));
  expect(Table!.GlobalSecondaryIndexes!.map((index) => index.IndexName).sort()).toEqual(['byOwner', 'byStatus']);
  expect((await documents.send(new GetCommand({ TableName: 'Todo-dev', Key: { id: 'a' } }))).Item).toMatchObject({ n: 2 });
  expect((await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: 'Todo-dev' }))).TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: '_ttl' });

  await documents.send(new PutCommand({ TableName: 'Todo-dev', Item: { id: 'old', status: 'x', createdAt: '0', _ttl: Math.floor(Date.now() / 1000) - 10 } }));
  await documents.send(new PutCommand({ TableName: 'Todo-dev', Item: { id: 'new', status: 'x', createdAt: '1', _ttl: Math.floor(Date.now() / 1000) + 3600 } }));
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const byStatus = await documents.send(new QueryCommand({ TableName: 'Todo-dev', IndexName: 'byStatus', KeyConditionExpression: '#s = :x', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':x': 'x' } }));
  expect(byStatus.Items!.map((item) => item.id)).toEqual(['new']);
});

test('UpdateTimeToLive through the API, refused twice in a row as DynamoDB refuses it', async () => {
  await dynamodb.send(new UpdateTimeToLiveCommand({ TableName: 'Todo-dev', TimeToLiveSpecification: { AttributeName: '_ttl', Enabled: false } }));
  expect((await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: 'Todo-dev' }))).TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'DISABLED' });
  await expect(dynamodb.send(new UpdateTimeToLiveCommand({ TableName: 'Todo-dev', TimeToLiveSpecification: { AttributeName: '_ttl', Enabled: false } }))).rejects.toThrow(
    'TimeToLive is already disabled',
  );
  await expect(dynamodb.send(new DescribeTimeToLiveCommand({ TableName: 'Nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
});

test('deleting the stack deletes the table', async () => {
  const { StackId } = await cloud.cfn.send(
    new CreateStackCommand({ StackName: 'short-lived', TemplateBody: JSON.stringify({ ...tableTemplate(), Parameters: { env: { Type: 'String', Default: 'tmp' } } }) }),
  );
  expect((await cloud.waitForStack('short-lived')).StackStatus).toBe('CREATE_COMPLETE');
  await documents.send(new PutCommand({ TableName: 'Todo-tmp', Item: { id: 'x' } }));
  await cloud.cfn.send(new DeleteStackCommand({ StackName: 'short-lived' }));
  expect((await cloud.waitForStack(StackId!)).StackStatus).toBe('DELETE_COMPLETE');
  await expect(dynamodb.send(new DescribeTableCommand({ TableName: 'Todo-tmp' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
});

test('tables and items survive a restart', async () => {
  const first = await startTestCloud();
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(first.config));
  const { CreateTableCommand } = await import('@aws-sdk/client-dynamodb');
  await client.send(new CreateTableCommand({ TableName: 'Kept', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await client.send(new PutCommand({ TableName: 'Kept', Item: { pk: '1', value: 'still here' } }));
  await client.send(new UpdateTimeToLiveCommand({ TableName: 'Kept', TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true } }));
  client.destroy();
  await first.stop();

  const second = await startTestCloud(first.dataDir);
  const again = DynamoDBDocumentClient.from(new DynamoDBClient(second.config));
  try {
    expect((await again.send(new GetCommand({ TableName: 'Kept', Key: { pk: '1' } }))).Item).toEqual({ pk: '1', value: 'still here' });
    expect((await again.send(new DescribeTimeToLiveCommand({ TableName: 'Kept' }))).TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' });
  } finally {
    again.destroy();
    await second.dispose();
  }
});

test('CreateTable with a stream and UpdateTable adding and dropping a GSI through the API', async () => {
  const { CreateTableCommand, UpdateTableCommand } = await import('@aws-sdk/client-dynamodb');
  const created = await dynamodb.send(
    new CreateTableCommand({
      TableName: 'Api',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    }),
  );
  expect(created.TableDescription).toMatchObject({ StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' }, LatestStreamArn: expect.stringMatching(/^arn:aws:dynamodb:us-east-1:123456789012:table\/Api\/stream\//) });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await documents.send(new PutCommand({ TableName: 'Api', Item: { pk: '1', kind: 'k' } }));
  const added = await dynamodb.send(
    new UpdateTableCommand({
      TableName: 'Api',
      AttributeDefinitions: [{ AttributeName: 'kind', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'byKind', KeySchema: [{ AttributeName: 'kind', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
    }),
  );
  expect(added.TableDescription!.GlobalSecondaryIndexes!.map((index) => index.IndexName)).toEqual(['byKind']);
  const byKind = await documents.send(new QueryCommand({ TableName: 'Api', IndexName: 'byKind', KeyConditionExpression: 'kind = :k', ExpressionAttributeValues: { ':k': 'k' } }));
  expect(byKind.Items).toEqual([{ pk: '1', kind: 'k' }]);
  await dynamodb.send(new UpdateTableCommand({ TableName: 'Api', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byKind' } }] }));
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: 'Api' }));
  expect(Table!.GlobalSecondaryIndexes ?? []).toEqual([]);
  expect(Table!.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
});

test('a request signed with an unknown key is refused before DynamoDB sees it', async () => {
  const stranger = DynamoDBDocumentClient.from(new DynamoDBClient({ ...cloud.config, credentials: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' } }));
  await expect(stranger.send(new GetCommand({ TableName: 'Todo-dev', Key: { id: 'a' } }))).rejects.toMatchObject({ name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } });
  const forger = DynamoDBDocumentClient.from(new DynamoDBClient({ ...cloud.config, credentials: { ...cloud.config.credentials, secretAccessKey: 'wrong' } }));
  await expect(forger.send(new GetCommand({ TableName: 'Todo-dev', Key: { id: 'a' } }))).rejects.toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
  forger.destroy();
  stranger.destroy();
});
