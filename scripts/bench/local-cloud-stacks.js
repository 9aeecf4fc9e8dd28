#!/usr/bin/env node
/**
 * Benchmarks the local cloud's CloudFormation engine: a root stack with 10 nested stacks of 10 resources each is
 * created, updated (one nested stack's template changes) and deleted through real SDK clients over HTTP, polling
 * DescribeStacks every 10 ms like a deployer would. Uses the built output: run `npx tsc -b packages/amplify-local-cloud`
 * first. Prints one row per operation (median of the runs) and exits non-zero if a stack does not end as expected.
 *
 *   node scripts/bench/local-cloud-stacks.js [--runs N]
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const lib = path.join(__dirname, '..', '..', 'packages', 'amplify-local-cloud', 'lib');
const { CloudFormationClient, CreateStackCommand, UpdateStackCommand, DeleteStackCommand, DescribeStacksCommand } = require('@aws-sdk/client-cloudformation');
const { S3Client, CreateBucketCommand, PutObjectCommand } = require('@aws-sdk/client-s3');

const NESTED = 10;
const RESOURCES = 10;

/** Ten resources with dependencies between them: buckets, tables, topics, queues and a policy. */
function childTemplate(index, variant) {
  const resources = {};
  for (let r = 0; r < RESOURCES; r += 1) {
    const id = `Res${r}`;
    switch (r % 5) {
      case 0:
        resources[id] = { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'variant', Value: variant }] } };
        break;
      case 1:
        resources[id] = {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
          },
        };
        break;
      case 2:
        resources[id] = { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::Sub': `\${Res${r - 2}}-${variant}` } } };
        break;
      case 3:
        resources[id] = { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 0, Tags: [{ Key: 'topic', Value: { Ref: `Res${r - 1}` } }] } };
        break;
      default:
        resources[id] = {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            Bucket: { Ref: `Res${r - 4}` },
            PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: { 'Fn::Sub': `\${Res${r - 4}.Arn}/*` } }] },
          },
        };
    }
  }
  return JSON.stringify({
    Parameters: { Env: { Type: 'String' } },
    Resources: resources,
    Outputs: { Table: { Value: { 'Fn::GetAtt': ['Res1', 'Arn'] } }, Index: { Value: String(index) } },
  });
}

function rootTemplate() {
  const resources = {};
  for (let n = 0; n < NESTED; n += 1) {
    resources[`Nested${n}`] = {
      Type: 'AWS::CloudFormation::Stack',
      Properties: { TemplateURL: `https://s3.amazonaws.com/bench-deployment/nested-${n}.json`, Parameters: { Env: 'bench' } },
    };
  }
  return JSON.stringify({ Resources: resources, Outputs: { First: { Value: { 'Fn::GetAtt': ['Nested0', 'Outputs.Table'] } } } });
}

async function waitFor(cfn, stackId, expected) {
  for (;;) {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackId }));
    const status = Stacks[0].StackStatus;
    if (!status.endsWith('_IN_PROGRESS')) {
      if (status !== expected) throw new Error(`stack ${stackId} ended in ${status} (${Stacks[0].StackStatusReason}), expected ${expected}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function run(runIndex) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-bench-'));
  const { startLocalCloud } = require(path.join(lib, 'local-cloud'));
  const cloud = await startLocalCloud({ port: 0, dataDir });
  const config = { endpoint: cloud.endpoint, region: 'us-east-1', credentials: cloud.credentials };
  const cfn = new CloudFormationClient(config);
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: 'bench-deployment' }));
    for (let n = 0; n < NESTED; n += 1) {
      await s3.send(new PutObjectCommand({ Bucket: 'bench-deployment', Key: `nested-${n}.json`, Body: childTemplate(n, 'a') }));
    }
    const times = {};
    let start = process.hrtime.bigint();
    const { StackId } = await cfn.send(new CreateStackCommand({ StackName: `bench-${runIndex}`, TemplateBody: rootTemplate() }));
    await waitFor(cfn, StackId, 'CREATE_COMPLETE');
    times.create = Number(process.hrtime.bigint() - start) / 1e6;

    await s3.send(new PutObjectCommand({ Bucket: 'bench-deployment', Key: 'nested-3.json', Body: childTemplate(3, 'b') }));
    start = process.hrtime.bigint();
    await cfn.send(new UpdateStackCommand({ StackName: StackId, TemplateBody: rootTemplate() }));
    await waitFor(cfn, StackId, 'UPDATE_COMPLETE');
    times.update = Number(process.hrtime.bigint() - start) / 1e6;

    start = process.hrtime.bigint();
    await cfn.send(new DeleteStackCommand({ StackName: StackId }));
    await waitFor(cfn, StackId, 'DELETE_COMPLETE');
    times.delete = Number(process.hrtime.bigint() - start) / 1e6;
    return times;
  } finally {
    cfn.destroy();
    s3.destroy();
    await cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;
  const results = [];
  for (let index = 0; index < runs; index += 1) results.push(await run(index));
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rows = ['create', 'update', 'delete'].map((operation) => {
    const values = results.map((result) => result[operation]);
    return { operation, median: median(values), min: Math.min(...values), max: Math.max(...values) };
  });
  console.log(`root stack + ${NESTED} nested stacks x ${RESOURCES} resources (${NESTED * RESOURCES + NESTED + 1} resources and stacks), ${runs} runs, first run includes cold start`);
  console.log('operation  median ms  min ms  max ms');
  for (const row of rows) {
    console.log(`${row.operation.padEnd(9)}  ${row.median.toFixed(0).padStart(9)}  ${row.min.toFixed(0).padStart(6)}  ${row.max.toFixed(0).padStart(6)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
