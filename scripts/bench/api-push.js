#!/usr/bin/env node
// `amplify push` of a GraphQL API through the built binary against a local cloud started in this process: a project
// with auth and the 30-model API of gql-compile.js (added headless), its first push, a push after one model gained a
// field, and a push with nothing to do. Each round uses a new project. Medians of N rounds, wall time and the CLI
// process's own CPU time (the cloud's CPU is shown apart).
// Needs the build: `npm run build`. Usage: node scripts/bench/api-push.js [runs=3]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createApp, cloudEnv, createHarness, requireBuild } = require('./support/cli-harness');
const { thirtyModelSchema } = require('./support/thirty-model-schema');

const runs = Number(process.argv[2] || 3);
const { startLocalCloud } = requireBuild();
const { tmp, amplify } = createHarness('api-push');

const roundName = (round) => `apibench${String.fromCharCode(97 + round)}`;

const addApiRequest = {
  version: 1,
  serviceConfiguration: {
    serviceName: 'AppSync',
    apiName: 'benchapi',
    transformSchema: thirtyModelSchema(),
    defaultAuthType: { mode: 'AMAZON_COGNITO_USER_POOLS' },
    additionalAuthTypes: [{ mode: 'API_KEY', expirationTime: 7 }],
  },
};

async function round(env, round) {
  const app = path.join(tmp, roundName(round));
  await amplify(app, env, createApp(app, roundName(round)));
  await amplify(app, env, ['add', 'auth', '--yes']);
  await amplify(app, env, ['add', 'api', '--headless'], JSON.stringify(addApiRequest));
  const first = await amplify(app, env, ['push', '--yes']);
  const schemaFile = path.join(app, 'amplify', 'backend', 'api', 'benchapi', 'schema.graphql');
  fs.writeFileSync(schemaFile, fs.readFileSync(schemaFile, 'utf8').replace('  name: String!\n', '  name: String!\n  motto: String\n'));
  const oneModel = await amplify(app, env, ['push', '--yes']);
  const noop = await amplify(app, env, ['push', '--yes']);
  if (!/No changes detected/.test(noop.stdout)) throw new Error(`The third push was not a no-op:\n${noop.stdout}`);
  return { first, oneModel, noop };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'cloud-data') });
  const env = cloudEnv(tmp, cloud);
  const loadBefore = os.loadavg()[0];
  try {
    const rounds = [];
    for (let index = 0; index < runs; index++) rounds.push(await round(env, index));
    const cases = [
      { label: 'amplify push (auth + 30-model API, first)', key: 'first' },
      { label: 'amplify push (one model gained a field)', key: 'oneModel' },
      { label: 'amplify push (no changes)', key: 'noop' },
    ];
    console.log(`GraphQL API push against an in-process local cloud, ${runs} rounds (${os.cpus().length} CPUs, load ${loadBefore.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)}, node ${process.version})\n`);
    console.log('| Command | Wall median | CLI CPU median | Cloud CPU median |');
    console.log('| --- | --- | --- | --- |');
    for (const { label, key } of cases) {
      const samples = rounds.map((r) => r[key]);
      const cell = (pick) => `${median(samples.map(pick)).toFixed(0)} ms`;
      console.log(`| ${label} | ${cell((s) => s.wall)} | ${cell((s) => s.cpu)} | ${cell((s) => s.cloudCpu)} |`);
    }
  } finally {
    await cloud.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
