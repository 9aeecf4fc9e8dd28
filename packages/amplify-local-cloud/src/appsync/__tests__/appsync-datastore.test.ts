import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { startTestCloud, type TestCloud } from '../../__tests__/test-cloud';
import { startDynalite, type DynaliteExecutor } from './helpers/dynalite-executor';

const SCHEMA = `
type Note {
  id: ID!
  title: String
  _version: Int
  _deleted: Boolean
  _lastChangedAt: AWSTimestamp
}
type ModelNoteConnection {
  items: [Note]!
  nextToken: String
  startedAt: AWSTimestamp
}
input CreateNoteInput { id: ID, title: String }
input UpdateNoteInput { id: ID!, title: String, _version: Int }
input DeleteNoteInput { id: ID!, _version: Int }
type Query {
  syncNotes(limit: Int, nextToken: String, lastSync: AWSTimestamp): ModelNoteConnection
}
type Mutation {
  createNote(input: CreateNoteInput!): Note
  updateNote(input: UpdateNoteInput!): Note
  mergeNote(input: UpdateNoteInput!): Note
  deleteNote(input: DeleteNoteInput!): Note
}
`;

const RESPONSE = '#if($ctx.error) $util.error($ctx.error.message, $ctx.error.type, $ctx.result) #end $util.toJson($ctx.result)';
const UPDATE = `{
  "version": "2018-05-29",
  "operation": "UpdateItem",
  "key": { "id": $util.dynamodb.toDynamoDBJson($ctx.args.input.id) },
  "update": { "expression": "SET #title = :title", "expressionNames": { "#title": "title" }, "expressionValues": { ":title": $util.dynamodb.toDynamoDBJson($ctx.args.input.title) } },
  "condition": { "expression": "attribute_exists(#id)", "expressionNames": { "#id": "id" } },
  "_version": $util.defaultIfNull($ctx.args.input["_version"], 0)
}`;
const FIELDS: Record<string, { request: string; handler?: string }> = {
  'Mutation.createNote': {
    request: `{
      "version": "2018-05-29",
      "operation": "PutItem",
      "key": { "id": $util.dynamodb.toDynamoDBJson($util.defaultIfNullOrBlank($ctx.args.input.id, $util.autoId())) },
      "attributeValues": $util.dynamodb.toMapValuesJson($util.map.copyAndRemoveAllKeys($ctx.args.input, ["id"])),
      "condition": { "expression": "attribute_not_exists(#id)", "expressionNames": { "#id": "id" } }
    }`,
  },
  'Mutation.updateNote': { request: UPDATE, handler: 'OPTIMISTIC_CONCURRENCY' },
  'Mutation.mergeNote': { request: UPDATE, handler: 'AUTOMERGE' },
  'Mutation.deleteNote': {
    request: `{ "version": "2018-05-29", "operation": "DeleteItem", "key": { "id": $util.dynamodb.toDynamoDBJson($ctx.args.input.id) }, "_version": $util.defaultIfNull($ctx.args.input["_version"], 0) }`,
    handler: 'OPTIMISTIC_CONCURRENCY',
  },
  'Query.syncNotes': {
    request: '{ "version": "2018-05-29", "operation": "Sync", "limit": $util.defaultIfNull($ctx.args.limit, 100), "nextToken": $util.toJson($ctx.args.nextToken), "lastSync": $util.toJson($ctx.args.lastSync) }',
  },
};

let dynamodb: DynaliteExecutor;
let test: TestCloud;
let url: string;
let key: string;

async function call(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ query, variables }) });
  return response.json();
}

const NOTE = '{ id title _version _deleted _lastChangedAt }';

beforeAll(async () => {
  dynamodb = await startDynalite();
  await dynamodb.createTable('Note-datastore');
  test = await startTestCloud(undefined, { dataPlane: { dynamodb } });
  const cfn = new CloudFormationClient(test.config);
  const apiId = { 'Fn::GetAtt': ['Api', 'ApiId'] };
  const resources: Record<string, unknown> = {
    Api: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'datastore', AuthenticationType: 'API_KEY' } },
    Key: { Type: 'AWS::AppSync::ApiKey', Properties: { ApiId: apiId } },
    Schema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: apiId, Definition: SCHEMA } },
    Notes: {
      Type: 'AWS::AppSync::DataSource',
      Properties: {
        ApiId: apiId,
        Name: 'NoteTable',
        Type: 'AMAZON_DYNAMODB',
        DynamoDBConfig: { TableName: 'Note-datastore', AwsRegion: 'us-east-1', Versioned: true, DeltaSyncConfig: { BaseTableTTL: '43200', DeltaSyncTableName: 'AmplifyDataStore', DeltaSyncTableTTL: '30' } },
      },
    },
  };
  for (const [field, spec] of Object.entries(FIELDS)) {
    const [typeName, fieldName] = field.split('.');
    resources[`${typeName}${fieldName}`] = {
      Type: 'AWS::AppSync::Resolver',
      DependsOn: ['Schema'],
      Properties: {
        ApiId: apiId,
        TypeName: typeName,
        FieldName: fieldName,
        DataSourceName: { 'Fn::GetAtt': ['Notes', 'Name'] },
        RequestMappingTemplate: spec.request,
        ResponseMappingTemplate: RESPONSE,
        ...(spec.handler === undefined ? {} : { SyncConfig: { ConflictDetection: 'VERSION', ConflictHandler: spec.handler } }),
      },
    };
  }
  const template = { Resources: resources, Outputs: { Url: { Value: { 'Fn::GetAtt': ['Api', 'GraphQLUrl'] } }, Key: { Value: { 'Fn::GetAtt': ['Key', 'ApiKey'] } } } };
  await cfn.send(new CreateStackCommand({ StackName: 'datastore-api', TemplateBody: JSON.stringify(template) }));
  for (;;) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'datastore-api' }))).Stacks![0];
    if (!stack.StackStatus!.endsWith('IN_PROGRESS')) {
      expect(stack.StackStatus).toBe('CREATE_COMPLETE');
      const outputs = Object.fromEntries(stack.Outputs!.map((output) => [output.OutputKey!, output.OutputValue!]));
      url = outputs.Url;
      key = outputs.Key;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  cfn.destroy();
}, 60_000);

afterAll(async () => {
  await test.dispose();
  await dynamodb.close();
});

it('keeps versions, rejects a stale write with the item as it is, and leaves a tombstone on delete', async () => {
  const created = (await call(`mutation { createNote(input: { id: "n1", title: "first" }) ${NOTE} }`)).data.createNote;
  expect(created).toMatchObject({ id: 'n1', title: 'first', _version: 1, _deleted: null });
  expect(Math.abs(created._lastChangedAt - Date.now())).toBeLessThan(5000);

  const updated = (await call(`mutation U($input: UpdateNoteInput!) { updateNote(input: $input) ${NOTE} }`, { input: { id: 'n1', title: 'second', _version: 1 } })).data.updateNote;
  expect(updated).toMatchObject({ title: 'second', _version: 2 });

  const stale = await call(`mutation U($input: UpdateNoteInput!) { updateNote(input: $input) ${NOTE} }`, { input: { id: 'n1', title: 'stale', _version: 1 } });
  expect(stale.data.updateNote).toBeNull();
  expect(stale.errors[0]).toMatchObject({ errorType: 'ConflictUnhandled', message: 'Conflict resolver rejects mutation.', data: { id: 'n1', title: 'second', _version: 2 } });

  const merged = (await call(`mutation U($input: UpdateNoteInput!) { mergeNote(input: $input) ${NOTE} }`, { input: { id: 'n1', title: 'merged', _version: 1 } })).data.mergeNote;
  expect(merged).toMatchObject({ title: 'merged', _version: 3 });

  const deleted = (await call(`mutation { deleteNote(input: { id: "n1", _version: 3 }) ${NOTE} }`)).data.deleteNote;
  expect(deleted).toMatchObject({ id: 'n1', _deleted: true, _version: 4 });
  const stored = await dynamodb.execute('GetItem', { TableName: 'Note-datastore', Key: { id: { S: 'n1' } } });
  expect(Number((stored.Item as Record<string, { N: string }>)._ttl.N)).toBeGreaterThan(Date.now() / 1000 + 43200 * 60 - 60);
});

it('syncs every item, then what changed since the last sync', async () => {
  await call('mutation { createNote(input: { id: "s1", title: "a" }) { id } }');
  await call('mutation { createNote(input: { id: "s2", title: "b" }) { id } }');
  const full = (await call('query { syncNotes { items { id _deleted } nextToken startedAt } }')).data.syncNotes;
  expect(full.items.map((item: { id: string }) => item.id).sort()).toEqual(['n1', 's1', 's2']);
  expect(full.items.find((item: { id: string }) => item.id === 'n1')._deleted).toBe(true);
  expect(full.nextToken).toBeNull();

  await new Promise((resolve) => setTimeout(resolve, 5));
  await call('mutation { updateNote(input: { id: "s2", title: "b2", _version: 1 }) { id } }');
  const delta = (await call('query Q($lastSync: AWSTimestamp) { syncNotes(lastSync: $lastSync) { items { id title _version } } }', { lastSync: full.startedAt })).data.syncNotes;
  expect(delta.items).toEqual([{ id: 's2', title: 'b2', _version: 2 }]);

  const firstPage = (await call('query { syncNotes(limit: 2) { items { id } nextToken } }')).data.syncNotes;
  expect(firstPage.items).toHaveLength(2);
  const secondPage = (await call('query Q($token: String) { syncNotes(limit: 2, nextToken: $token) { items { id } nextToken } }', { token: firstPage.nextToken })).data.syncNotes;
  expect([...firstPage.items, ...secondPage.items].map((item: { id: string }) => item.id).sort()).toEqual(['n1', 's1', 's2']);
});
