#!/usr/bin/env node
/**
 * Benchmarks the local AppSync through its HTTP endpoint and its real-time WebSocket: a GraphQL mutation round trip
 * (createTodo: four pipeline functions, DynamoDB PutItem), a query round trip (getTodo: three functions, DynamoDB
 * Query) and a subscription delivery (from sending the mutation to the subscriber's `data` message). The API is the
 * conformance suite's transformer-shaped Todo API (its schema and VTL files), deployed by CloudFormation; DynamoDB is
 * dynalite in memory, as the tests use it. Uses the built output: run `npx tsc -b packages/amplify-local-cloud`
 * first. Prints median and 95th percentile wall time, and the CPU time of this process (client and server).
 *
 *   node scripts/bench/local-cloud-appsync.js [--runs N]   (N round trips of each kind, default 200)
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const pkg = path.join(__dirname, '..', '..', 'packages', 'amplify-local-cloud');
const fixture = path.join(pkg, 'src', 'appsync', '__tests__', 'fixtures', 'todo-api');
const { startLocalCloud } = require(path.join(pkg, 'lib'));
const { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } = require('@aws-sdk/client-cloudformation');
const { S3Client, CreateBucketCommand, PutObjectCommand } = require('@aws-sdk/client-s3');
const WebSocket = require('ws');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : Number(process.argv[2]) || 200;
const BUCKET = 'bench-deployment';

/** dynalite in memory on a loopback port, called with DynamoDB's JSON protocol. */
async function startDynamoDb() {
  const server = require('dynalite')({ createTableMs: 0 });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const execute = async (operation, input) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `DynamoDB_20120810.${operation}`,
        // dynalite checks that a signature is present, not what it signs.
        Authorization: 'AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        'X-Amz-Date': '20260101T000000Z',
      },
      body: JSON.stringify(input),
    });
    const body = await response.json();
    if (response.status !== 200) throw Object.assign(new Error(body.message || ''), { name: String(body.__type).split('#').pop() });
    return body;
  };
  return { execute, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The Todo API's stack: the fixture's functions and pipelines, API key auth. */
function template() {
  const apiId = { 'Fn::GetAtt': ['Api', 'ApiId'] };
  const file = (name) => ({ 'Fn::Sub': `s3://${BUCKET}/resolvers/${name}` });
  const fn = (dataSource, request, response) => ({
    Type: 'AWS::AppSync::FunctionConfiguration',
    Properties: {
      ApiId: apiId,
      Name: request.replace(/[^A-Za-z0-9]/g, ''),
      DataSourceName: { 'Fn::GetAtt': [dataSource, 'Name'] },
      FunctionVersion: '2018-05-29',
      RequestMappingTemplateS3Location: file(request),
      ...(response ? { ResponseMappingTemplateS3Location: file(response) } : { ResponseMappingTemplate: '$util.toJson({})' }),
    },
  });
  const stash = (typeName, fieldName) => ({
    'Fn::Join': ['', [`$util.qr($ctx.stash.put("typeName", "${typeName}"))\n$util.qr($ctx.stash.put("fieldName", "${fieldName}"))\n$util.qr($ctx.stash.put("metadata", {}))\n$util.qr($ctx.stash.put("tableName", "`, { Ref: 'Table' }, '"))\n$util.toJson({})']],
  });
  const resolver = (typeName, fieldName, functions) => ({
    Type: 'AWS::AppSync::Resolver',
    DependsOn: ['Schema'],
    Properties: {
      ApiId: apiId,
      TypeName: typeName,
      FieldName: fieldName,
      Kind: 'PIPELINE',
      PipelineConfig: { Functions: functions.map((name) => ({ 'Fn::GetAtt': [name, 'FunctionId'] })) },
      RequestMappingTemplate: stash(typeName, fieldName),
      ResponseMappingTemplate: '$util.toJson($ctx.prev.result)',
    },
  });
  return {
    Resources: {
      Api: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'bench', AuthenticationType: 'API_KEY' } },
      Schema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: apiId, DefinitionS3Location: `s3://${BUCKET}/schema.graphql` } },
      Key: { Type: 'AWS::AppSync::ApiKey', Properties: { ApiId: apiId } },
      None: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: apiId, Name: 'NONE_DS', Type: 'NONE' } },
      Table: {
        Type: 'AWS::DynamoDB::Table',
        Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' },
      },
      Todos: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: apiId, Name: 'TodoTable', Type: 'AMAZON_DYNAMODB', DynamoDBConfig: { TableName: { Ref: 'Table' }, AwsRegion: 'us-east-1' } } },
      GetAuth: fn('None', 'Query.getTodo.auth.1.req.vtl'),
      PostAuth: fn('None', 'Query.getTodo.postAuth.1.req.vtl'),
      GetData: fn('Todos', 'Query.getTodo.req.vtl', 'Query.getTodo.res.vtl'),
      CreateInit: fn('None', 'Mutation.createTodo.init.1.req.vtl'),
      CreateAuth: fn('None', 'Mutation.createTodo.auth.1.req.vtl'),
      CreateData: fn('Todos', 'Mutation.createTodo.req.vtl', 'Mutation.createTodo.res.vtl'),
      SubscribeAuth: fn('None', 'Subscription.onCreateTodo.auth.1.req.vtl'),
      SubscribeData: fn('None', 'Subscription.onCreateTodo.req.vtl', 'Subscription.onCreateTodo.res.vtl'),
      GetResolver: resolver('Query', 'getTodo', ['GetAuth', 'PostAuth', 'GetData']),
      CreateResolver: resolver('Mutation', 'createTodo', ['CreateInit', 'CreateAuth', 'PostAuth', 'CreateData']),
      OnCreateResolver: resolver('Subscription', 'onCreateTodo', ['SubscribeAuth', 'PostAuth', 'SubscribeData']),
    },
    Outputs: {
      Url: { Value: { 'Fn::GetAtt': ['Api', 'GraphQLUrl'] } },
      Realtime: { Value: { 'Fn::GetAtt': ['Api', 'RealtimeUrl'] } },
      Key: { Value: { 'Fn::GetAtt': ['Key', 'ApiKey'] } },
      Table: { Value: { Ref: 'Table' } },
    },
  };
}

async function deploy(cloud) {
  const config = { endpoint: cloud.endpoint, region: 'us-east-1', credentials: cloud.credentials };
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const cfn = new CloudFormationClient(config);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  // The API key branch of the schema's directives is enough here: the bench API has API key auth only.
  const schema = fs.readFileSync(path.join(fixture, 'schema.graphql'), 'utf8').replace(/ @aws_cognito_user_pools| @aws_iam| @aws_api_key/g, '');
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'schema.graphql', Body: schema }));
  for (const name of fs.readdirSync(path.join(fixture, 'resolvers'))) {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `resolvers/${name}`, Body: fs.readFileSync(path.join(fixture, 'resolvers', name)) }));
  }
  await cfn.send(new CreateStackCommand({ StackName: 'bench-api', TemplateBody: JSON.stringify(template()) }));
  for (;;) {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'bench-api' }))).Stacks[0];
    if (!stack.StackStatus.endsWith('IN_PROGRESS')) {
      if (stack.StackStatus !== 'CREATE_COMPLETE') throw new Error(`the bench stack ended ${stack.StackStatus}: ${stack.StackStatusReason}`);
      s3.destroy();
      cfn.destroy();
      return Object.fromEntries(stack.Outputs.map((output) => [output.OutputKey, output.OutputValue]));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-appsync-'));
  const dynamodb = await startDynamoDb();
  const cloud = await startLocalCloud({ port: 0, dataDir, dataPlane: { dynamodb } });
  try {
    const api = await deploy(cloud);
    await dynamodb.execute('CreateTable', {
      TableName: api.Table,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    const call = async (query, variables) => {
      const response = await fetch(api.Url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': api.Key }, body: JSON.stringify({ query, variables }) });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const create = 'mutation C($input: CreateTodoInput!) { createTodo(input: $input) { id name createdAt owner } }';
    const get = 'query G($id: ID!) { getTodo(id: $id) { id name createdAt owner } }';

    const header = Buffer.from(JSON.stringify({ host: new URL(api.Url).host, 'x-api-key': api.Key })).toString('base64url');
    const socket = new WebSocket(api.Realtime, ['graphql-ws', `header-${header}`]);
    let onData = () => undefined;
    const ready = new Promise((resolve, reject) => {
      socket.on('message', (raw) => {
        const message = JSON.parse(String(raw));
        if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({ id: 's', type: 'start', payload: { data: JSON.stringify({ query: 'subscription { onCreateTodo { id name } }' }), extensions: { authorization: { host: new URL(api.Url).host, 'x-api-key': api.Key } } } }));
        } else if (message.type === 'start_ack') resolve();
        else if (message.type === 'data') onData(message);
        else if (message.type !== 'ka') reject(new Error(JSON.stringify(message)));
      });
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    });
    await ready;

    // Warm-up: schema compiled, templates parsed, connections open.
    const warm = await call(create, { input: { name: 'warm-up' } });
    await call(get, { id: warm.createTodo.id });

    const samples = { mutation: [], query: [], delivery: [] };
    const cpu = process.cpuUsage();
    for (let i = 0; i < RUNS; i += 1) {
      const delivered = new Promise((resolve) => {
        onData = () => resolve(process.hrtime.bigint());
      });
      const started = process.hrtime.bigint();
      const created = await call(create, { input: { name: `todo ${i}` } });
      samples.mutation.push(Number(process.hrtime.bigint() - started) / 1e6);
      samples.delivery.push(Number((await delivered) - started) / 1e6);
      const queried = process.hrtime.bigint();
      await call(get, { id: created.createTodo.id });
      samples.query.push(Number(process.hrtime.bigint() - queried) / 1e6);
    }
    const used = process.cpuUsage(cpu);
    socket.close();
    console.log(`local AppSync, ${RUNS} sequential round trips each (load average ${os.loadavg()[0].toFixed(1)})`);
    console.log('| operation | median | p95 |');
    console.log('| --- | --- | --- |');
    const row = (name, values) => {
      const { median, p95 } = stats(values);
      console.log(`| ${name} | ${median.toFixed(1)} ms | ${p95.toFixed(1)} ms |`);
    };
    row('mutation round trip (createTodo, 4 functions, PutItem)', samples.mutation);
    row('query round trip (getTodo, 3 functions, Query)', samples.query);
    row('subscription delivery (mutation sent → data received)', samples.delivery);
    console.log('target: each median <= 20 ms');
    console.log(`CPU of this process (client, server and dynalite): ${((used.user + used.system) / 1000 / (RUNS * 2)).toFixed(1)} ms per request`);
  } finally {
    await cloud.close();
    await dynamodb.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
