#!/usr/bin/env node
/**
 * Benchmarks the provider against the local cloud, through the provider's own services (no CLI start-up):
 *   init         create an env's root stack (deployment bucket, roles) and record it
 *   push         deploy a fixture project (an S3 bucket and a DynamoDB table that depends on it, as nested stacks)
 *   no-op push   push the same project again: unchanged uploads skipped, "No updates" from CloudFormation
 * Each run uses a fresh project and env; the local cloud runs in-process on a free port. Uses the built output:
 * run `npx tsc -b packages/amplify-provider-awscloudformation` first. Prints the median of the runs per step
 * against its target and exits non-zero if a step does not end as expected.
 *
 *   node scripts/bench/provider-push.js [--runs N]
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const packages = path.join(__dirname, '..', '..', 'packages');
const provider = require(path.join(packages, 'amplify-provider-awscloudformation', 'lib'));
const { startLocalCloud } = require(path.join(packages, 'amplify-local-cloud', 'lib'));

const TARGETS_MS = { init: 500, push: undefined, 'no-op push': 300 };

function parseRuns(argv) {
  const index = argv.indexOf('--runs');
  const runs = index >= 0 ? Number(argv[index + 1]) : 5;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive whole number');
  return runs;
}

function write(root, relative, data) {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
}

function newProject(dir, name) {
  write(dir, 'amplify/.config/project-config.json', { projectName: name, version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write(dir, 'amplify/.config/local-env-info.json', { envName: 'dev' });
  write(dir, 'amplify/backend/backend-config.json', {});
  write(dir, 'amplify/backend/amplify-meta.json', {});
  write(dir, 'amplify/#current-cloud-backend/amplify-meta.json', {});
}

/** Two storage resources as `amplify add storage` would leave them. */
function addResources(dir, suffix) {
  const images = { service: 'S3', providerPlugin: 'awscloudformation' };
  const notes = { service: 'DynamoDB', providerPlugin: 'awscloudformation', dependsOn: [{ category: 'storage', resourceName: 'images', attributes: ['BucketName'] }] };
  write(dir, 'amplify/backend/storage/images/images-cloudformation-template.json', {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { bucketName: { Type: 'String' }, env: { Type: 'String' } },
    Resources: { S3Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Join': ['-', [{ Ref: 'bucketName' }, { Ref: 'env' }]] } } } },
    Outputs: { BucketName: { Value: { Ref: 'S3Bucket' } } },
  });
  write(dir, 'amplify/backend/storage/images/parameters.json', { bucketName: `bench-images-${suffix}` });
  write(dir, 'amplify/backend/storage/notes/notes-cloudformation-template.json', {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { storageimagesBucketName: { Type: 'String' }, env: { Type: 'String' } },
    Resources: {
      Table: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
          Tags: [{ Key: 'bucket', Value: { Ref: 'storageimagesBucketName' } }],
        },
      },
    },
    Outputs: { Name: { Value: { Ref: 'Table' } } },
  });
  write(dir, 'amplify/backend/storage/notes/parameters.json', {});
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'amplify/backend/amplify-meta.json'), 'utf8'));
  write(dir, 'amplify/backend/amplify-meta.json', { ...meta, storage: { images, notes } });
  write(dir, 'amplify/backend/backend-config.json', { storage: { images, notes } });
}

async function timed(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main() {
  const runs = parseRuns(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-provider-'));
  process.env.AMPLIFY_HOME = path.join(tmp, 'amplify-home');
  const cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'cloud') });
  const factory = new provider.AwsClientFactory(await provider.resolveAwsTarget({ configLevel: 'local' }, { localCloud: provider.fixedLocalCloud(cloud), env: process.env }), process.env);
  const samples = { init: [], push: [], 'no-op push': [] };
  const resources = [
    { category: 'storage', resourceName: 'images' },
    { category: 'storage', resourceName: 'notes' },
  ];
  // Polls as often as a person would notice: the local cloud finishes in milliseconds.
  const common = { envName: 'dev', factory, onProgress: provider.ignoreProgress, maxPollIntervalMs: 50 };
  try {
    for (let run = 0; run < runs; run += 1) {
      const projectRoot = path.join(tmp, `app${run}`);
      newProject(projectRoot, `bench${run}`);
      const init = await timed(() => provider.createEnvironment({ ...common, projectRoot, projectName: `bench${run}`, awsConfig: { configLevel: 'local' } }));
      samples.init.push(init.ms);
      addResources(projectRoot, run);
      const push = await timed(() => provider.deployResources({ ...common, projectRoot, resources }));
      if (push.value.type !== 'deployed') throw new Error(`push ${run} ended as ${push.value.type}`);
      samples.push.push(push.ms);
      const noop = await timed(() => provider.deployResources({ ...common, projectRoot, resources }));
      if (noop.value.type !== 'no-changes') throw new Error(`no-op push ${run} ended as ${noop.value.type}`);
      samples['no-op push'].push(noop.ms);
      await provider.deleteEnvFromCloud({ envName: 'dev', rootStack: init.value, factory, deleteS3: true, onProgress: provider.ignoreProgress, maxPollIntervalMs: 50 });
    }
  } finally {
    factory.destroy();
    await cloud.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`provider against the local cloud, median of ${runs} run(s)`);
  console.log('step          median ms   target');
  for (const [step, values] of Object.entries(samples)) {
    const value = median(values);
    const target = TARGETS_MS[step];
    const verdict = target === undefined ? '-' : `${target} ms ${value <= target ? 'met' : 'MISSED'}`;
    console.log(`${step.padEnd(13)} ${value.toFixed(1).padStart(9)}   ${verdict}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
