#!/usr/bin/env node
// GraphQL transformer compile time: `transform()` of the built library on a 30-model schema with relations,
// indexes, custom primary keys, @default and owner/group/public auth (user pools + API key), as `amplify api
// gql-compile` runs it. Prints the cold run (fresh process: import + first compile) and the warm median.
// Needs the built lib/ (`npx tsc -b`). Target: a compile ≤ 1 s.
// Usage: node scripts/bench/gql-compile.js [runs]
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const { thirtyModelSchema } = require('./support/thirty-model-schema');

const runs = Number(process.argv[2]) || 10;
const lib = path.join(__dirname, '..', '..', 'packages', 'amplify-graphql-transformer', 'lib', 'index.js');


const input = {
  sources: [{ path: 'schema.graphql', text: thirtyModelSchema() }],
  authConfig: {
    defaultAuthentication: { authenticationType: 'AMAZON_COGNITO_USER_POOLS', userPoolConfig: {} },
    additionalAuthenticationProviders: [{ authenticationType: 'API_KEY', apiKeyConfig: { apiKeyExpirationDays: 7 } }],
  },
};

/** One compile in this fresh process, import included (the child side of the cold measurement). */
function coldRun() {
  const { performance } = require('perf_hooks');
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { transform } = require(lib);
  const output = transform(input);
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    JSON.stringify({
      ms: performance.now() - start,
      cpu: (used.user + used.system) / 1000,
      stacks: Object.keys(output.stacks).length,
      files: Object.keys(output.resolvers).length,
    }),
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median and minimum of some milliseconds, as two table cells. */
const cells = (values) => `${median(values).toFixed(0)} ms | ${Math.min(...values).toFixed(0)} ms`;

function main() {
  let transform;
  try {
    ({ transform } = require(lib));
    transform(input);
  } catch (error) {
    console.error(`gql-compile: cannot compile the benchmark schema with ${lib}: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const cold = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    cold.push(JSON.parse(execFileSync(process.execPath, [__filename, '--cold'], { encoding: 'utf8' })));
  }
  const warm = [];
  const warmCpu = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    transform(input);
    const used = process.cpuUsage(cpu);
    warm.push(Number(process.hrtime.bigint() - start) / 1e6);
    warmCpu.push((used.user + used.system) / 1000);
  }
  const load = require('os').loadavg()[0].toFixed(1);
  console.log(`30 models: ${cold[0].stacks} stacks, ${cold[0].files} resolver files; load average ${load}`);
  console.log('| run | wall median | wall min | CPU median | CPU min |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(`| cold (import + first transform), ${cold.length} runs | ${cells(cold.map((run) => run.ms))} | ${cells(cold.map((run) => run.cpu))} |`);
  console.log(`| warm transform, ${runs} runs | ${cells(warm)} | ${cells(warmCpu)} |`);
}

if (process.argv[2] === '--cold') coldRun();
else main();
