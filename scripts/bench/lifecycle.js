#!/usr/bin/env node
// The project lifecycle through the built `amplify` binary against a local cloud started in this process:
// headless `init`, `push` of two resources added by the fixture category plugin, and a push with nothing to do.
// Each round uses a new project, so every init creates a new env in the cloud. Medians and minimums of N rounds,
// wall time and the CLI process's own CPU time. A temp HOME / AMPLIFY_HOME keeps the machine's setup out of it.
// Needs the build: `npm run build` (or `npx tsc -b packages/amplify-cli packages/amplify-local-cloud`).
// Usage: node scripts/bench/lifecycle.js [runs=5]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createApp, cloudEnv, createHarness, demoPlugin, requireBuild } = require('./support/cli-harness');

const runs = Number(process.argv[2] || 5);
const { startLocalCloud } = requireBuild();
const { tmp, amplify } = createHarness('lifecycle');

/** Project names are letters and digits; a letter suffix per round keeps every root stack name distinct. */
const roundName = (round) => `bench${String.fromCharCode(97 + Math.floor(round / 26))}${String.fromCharCode(97 + (round % 26))}`;

async function round(env, round) {
  const app = path.join(tmp, roundName(round));
  const init = await amplify(app, env, createApp(app, roundName(round)));
  await amplify(app, env, ['add', 'demo', 'photos', '--service', 'S3']);
  await amplify(app, env, ['add', 'demo', 'notes', '--service', 'DynamoDB']);
  const push = await amplify(app, env, ['push', '--yes']);
  const noop = await amplify(app, env, ['push', '--yes']);
  if (!/No changes detected/.test(noop.stdout)) throw new Error(`The second push was not a no-op:\n${noop.stdout}`);
  if (!fs.existsSync(path.join(app, 'src', 'aws-exports.js'))) throw new Error('The push wrote no src/aws-exports.js.');
  return { init, push, noop };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const min = (values) => Math.min(...values);

async function main() {
  const cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'cloud-data') });
  const env = cloudEnv(tmp, cloud);
  const loadBefore = os.loadavg()[0];
  try {
    await amplify(tmp, env, ['plugin', 'add', demoPlugin]);
    await round(env, 0); // warm-up: file cache, plugin cache, the cloud's first stacks
    const rounds = [];
    for (let index = 1; index <= runs; index++) rounds.push(await round(env, index));

    const cases = [
      { label: 'amplify init (headless, new env)', key: 'init', target: 500 },
      { label: 'amplify push (2 new resources)', key: 'push' },
      { label: 'amplify push (no changes)', key: 'noop', target: 300 },
    ];
    const yes = (ok) => (ok ? 'yes' : 'NO');
    const loadAfter = os.loadavg()[0];
    console.log(
      `amplify lifecycle against an in-process local cloud, ${runs} rounds after a warm-up ` +
        `(${os.cpus().length} CPUs, load ${loadBefore.toFixed(1)} -> ${loadAfter.toFixed(1)}, node ${process.version})\n`,
    );
    const table = [
      ['Command', 'Wall median', 'Wall min', 'CPU median', 'CPU min', 'Cloud CPU', 'Target', 'Met (wall/CPU)'],
      ...cases.map(({ label, key, target }) => {
        const samples = rounds.map((r) => r[key]);
        const wall = median(samples.map((s) => s.wall));
        const cpu = median(samples.map((s) => s.cpu));
        return [
          label,
          `${wall.toFixed(0)} ms`,
          `${min(samples.map((s) => s.wall)).toFixed(0)} ms`,
          `${cpu.toFixed(0)} ms`,
          `${min(samples.map((s) => s.cpu)).toFixed(0)} ms`,
          `${median(samples.map((s) => s.cloudCpu)).toFixed(0)} ms`,
          target ? `≤ ${target} ms` : '',
          target ? `${yes(wall <= target)}/${yes(cpu <= target)}` : '',
        ];
      }),
    ];
    const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
    for (const [index, row] of table.entries()) {
      console.log(`| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`);
      if (index === 0) console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
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
