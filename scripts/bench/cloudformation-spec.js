#!/usr/bin/env node
'use strict';
/**
 * Cold-start timings of the built library (`lib/`), each measured in a fresh Node process so that no shard is
 * cached: import, first lookup, validation of a 20-resource template, and YAML parsing plus validation of an
 * Amplify storage template. Prints the median of several runs. Run after `npm run build`:
 *   node scripts/bench/cloudformation-spec.js [runs]
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

// Runs per scenario: the first argument (as scripts/bench/run-all.js passes it), else BENCH_RUNS, else 9.
const RUNS = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 9);
const root = path.join(__dirname, '..', '..', 'packages', 'amplify-cloudformation-spec');
const fixtures = path.join(root, 'src', '__tests__', 'fixtures');

const probe = `
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const path = require('node:path');
const fixtures = ${JSON.stringify(fixtures)};
const twenty = JSON.parse(fs.readFileSync(path.join(fixtures, 'twenty-resources.json'), 'utf8'));
const yamlText = fs.readFileSync(path.join(fixtures, 'storage-and-function.yaml'), 'utf8');
const timings = {};
let t = performance.now();
const spec = require(${JSON.stringify(path.join(root, 'lib', 'index.js'))});
timings.import = performance.now() - t;
const scenario = process.argv[1];
const cpu = process.cpuUsage();
t = performance.now();
if (scenario === 'lookup') {
  if (!spec.getResourceTypeSpec('AWS::S3::Bucket')) throw new Error('no spec');
} else if (scenario === 'validate20') {
  if (spec.validateTemplate(twenty).length !== 0) throw new Error('unexpected issues');
} else if (scenario === 'yaml') {
  if (spec.validateTemplate(spec.parseTemplate(yamlText, 'storage.yaml')).length !== 0) throw new Error('unexpected issues');
} else if (scenario === 'fullDatabase') {
  require('@aws-cdk/aws-service-spec').loadAwsServiceSpecSync();
}
timings[scenario] = performance.now() - t;
const used = process.cpuUsage(cpu);
timings.cpu = (used.user + used.system) / 1000;
process.stdout.write(JSON.stringify(timings));
`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// The machine may be shared: CPU time of the measured step is printed beside wall time, as it suffers less
// from other processes.
const wall = {};
const cpuTime = {};
const importSamples = [];
for (const scenario of ['lookup', 'validate20', 'yaml', 'fullDatabase']) {
  const runs = scenario === 'fullDatabase' ? 3 : RUNS;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    samples.push(JSON.parse(execFileSync(process.execPath, ['-e', probe, scenario], { cwd: root, encoding: 'utf8' })));
  }
  wall[scenario] = median(samples.map((sample) => sample[scenario]));
  cpuTime[scenario] = median(samples.map((sample) => sample.cpu));
  importSamples.push(...samples.map((sample) => sample.import));
}
wall.import = median(importSamples);
const labels = {
  import: 'import the library',
  lookup: 'first lookup (AWS::S3::Bucket)',
  validate20: 'validateTemplate, 20 resources, 9 services, cold',
  yaml: 'parseTemplate (YAML) + validateTemplate, 5 resources, cold',
  fullDatabase: 'for comparison: loadAwsServiceSpecSync()',
};
console.log(`${'median of fresh processes'.padEnd(60)} ${'wall'.padStart(11)} ${'cpu'.padStart(11)}`);
for (const [key, label] of Object.entries(labels)) {
  const cpuText = cpuTime[key] === undefined ? '' : `${cpuTime[key].toFixed(2).padStart(8)} ms`;
  console.log(`${label.padEnd(60)} ${wall[key].toFixed(2).padStart(8)} ms ${cpuText}`);
}
