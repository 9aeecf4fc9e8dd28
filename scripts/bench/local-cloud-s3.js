#!/usr/bin/env node
/**
 * Benchmarks the local cloud's S3 and its start-up through real SDK clients over HTTP: sequential small PutObject
 * and GetObject, a paginated ListObjectsV2 over 2,000 keys, a 24 MiB multipart upload with lib-storage, and the
 * time from `amplify-local-cloud start --detach` to a server that answers (what the first push pays). Uses the built
 * output: run `npx tsc -b packages/amplify-local-cloud` first. Prints the median of the runs, with the CPU time this
 * process spent (client and in-process server together), which load on a shared machine inflates less than wall time.
 *
 *   node scripts/bench/local-cloud-s3.js [--runs N]
 */
'use strict';
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const pkg = path.join(__dirname, '..', '..', 'packages', 'amplify-local-cloud');
const { startLocalCloud } = require(path.join(pkg, 'lib'));
const { S3Client, CreateBucketCommand, PutObjectCommand, GetObjectCommand, paginateListObjectsV2 } = require('@aws-sdk/client-s3');
const { Upload } = require('@aws-sdk/lib-storage');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : Number(process.argv[2]) || 3;
const SMALL_OBJECTS = 300;
const LIST_KEYS = 2000;
const MULTIPART_BYTES = 24 * 1024 * 1024;

async function measure(fn) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await fn();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function oneRun(results) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-local-cloud-s3-'));
  const cloud = await startLocalCloud({ port: 0, dataDir });
  const s3 = new S3Client({ endpoint: cloud.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: cloud.credentials });
  const record = (name, value) => (results[name] ??= []).push(value);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: 'bench-bucket' }));
    const body = crypto.randomBytes(4096);
    record(`PutObject x${SMALL_OBJECTS} (4 KiB, sequential)`, await measure(async () => {
      for (let i = 0; i < SMALL_OBJECTS; i += 1) {
        await s3.send(new PutObjectCommand({ Bucket: 'bench-bucket', Key: `small/${i}`, Body: body }));
      }
    }));
    record(`GetObject x${SMALL_OBJECTS} (4 KiB, sequential)`, await measure(async () => {
      for (let i = 0; i < SMALL_OBJECTS; i += 1) {
        const result = await s3.send(new GetObjectCommand({ Bucket: 'bench-bucket', Key: `small/${i}` }));
        await result.Body.transformToByteArray();
      }
    }));
    for (let i = 0; i < LIST_KEYS; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => s3.send(new PutObjectCommand({ Bucket: 'bench-bucket', Key: `list/${i + j}`, Body: 'x' }))));
    }
    record(`ListObjectsV2 of ${LIST_KEYS} keys (paginated)`, await measure(async () => {
      let count = 0;
      for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: 'bench-bucket', Prefix: 'list/' })) count += page.KeyCount;
      if (count !== LIST_KEYS) throw new Error(`listed ${count} keys, expected ${LIST_KEYS}`);
    }));
    const big = crypto.randomBytes(MULTIPART_BYTES);
    record('lib-storage Upload of 24 MiB (5 MiB parts)', await measure(async () => {
      await new Upload({ client: s3, params: { Bucket: 'bench-bucket', Key: 'big.bin', Body: big } }).done();
    }));
  } finally {
    s3.destroy();
    await cloud.close();
  }
  const detachedDir = path.join(dataDir, 'detached');
  const bin = path.join(pkg, 'bin', 'amplify-local-cloud');
  record('start --detach until answering', await measure(async () => {
    execFileSync(process.execPath, [bin, 'start', '--detach', '--port', '0', '--data-dir', detachedDir]);
  }));
  execFileSync(process.execPath, [bin, 'stop', '--data-dir', detachedDir]);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

(async () => {
  const results = {};
  for (let run = 0; run < RUNS; run += 1) {
    await oneRun(results);
  }
  console.log(`local cloud S3 (median of ${RUNS} runs; CPU = this process only, the detached server runs elsewhere)`);
  console.log(`${'operation'.padEnd(46)} ${'wall ms'.padStart(9)} ${'cpu ms'.padStart(9)}`);
  for (const [name, values] of Object.entries(results)) {
    console.log(`${name.padEnd(46)} ${median(values.map((v) => v.wallMs)).toFixed(0).padStart(9)} ${median(values.map((v) => v.cpuMs)).toFixed(0).padStart(9)}`);
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
