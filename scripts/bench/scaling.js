#!/usr/bin/env node
// How push and status cost grows with the project: projects of 1, 10, 30 and 100 resources (the fixture category
// plugin's S3 buckets and DynamoDB tables, each a real nested stack in a local cloud started in this process),
// through the built `amplify` binary: the first push, a push that changes one resource, a push with nothing to do,
// and `amplify status`; beside bare `node -e 0`, `amplify --version` and `amplify help` for reference. Each run of
// a size is a new project (headless init, then `amplify add demo` per resource), so the first push is a real one.
// Medians of N runs, wall time and the CLI process's own CPU time; prints a markdown table.
// Needs the build: `npm run build`.
// Usage: node scripts/bench/scaling.js [--runs N | N] [--sizes 1,10,30,100]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { bin, cloudEnv, createApp, createHarness, demoPlugin, requireBuild } = require('./support/cli-harness');

function option(name, fallback) {
  const argv = process.argv.slice(2);
  const index = argv.indexOf(name);
  if (index >= 0) return argv[index + 1];
  // run-all.js passes a bare number as the run count.
  if (name === '--runs' && /^\d+$/.test(argv[0] ?? '')) return argv[0];
  return fallback;
}
const runs = Number(option('--runs', '3'));
const sizes = option('--sizes', '1,10,30,100').split(',').map(Number);
if (!Number.isInteger(runs) || runs < 1 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error('usage: scaling.js [--runs N] [--sizes 1,10,30,100]');
  process.exit(1);
}

const { startLocalCloud } = requireBuild();
const { tmp, node, amplify } = createHarness('scaling');

/** Project names are letters and digits; a distinct name per project keeps every root stack distinct. */
let projects = 0;
const nextName = () => {
  let n = projects++;
  let letters = '';
  for (let digit = 0; digit < 3; digit++, n = Math.floor(n / 26)) letters = String.fromCharCode(97 + (n % 26)) + letters;
  return `scale${letters}`;
};

/** A new project of `size` resources, alternately S3 buckets and DynamoDB tables, added through the plugin. */
async function newProject(env, size) {
  const name = nextName();
  const app = path.join(tmp, name);
  await amplify(app, env, createApp(app, name));
  for (let index = 0; index < size; index++) {
    await amplify(app, env, ['add', 'demo', `res${index}`, '--service', index % 2 === 0 ? 'S3' : 'DynamoDB']);
  }
  return app;
}

/** Changes one resource as a user editing its template would: a new tag value on the first bucket. */
function changeOneResource(app, revision) {
  const file = path.join(app, 'amplify', 'backend', 'demo', 'res0', 'res0-cloudformation-template.json');
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const tags = template.Resources.Bucket.Properties.Tags.filter((tag) => tag.Key !== 'revision');
  template.Resources.Bucket.Properties.Tags = [...tags, { Key: 'revision', Value: String(revision) }];
  fs.writeFileSync(file, `${JSON.stringify(template, null, 2)}\n`);
}

async function measureSize(env, size) {
  const app = await newProject(env, size);
  const first = await amplify(app, env, ['push', '--yes']);
  changeOneResource(app, 1);
  const changeOne = await amplify(app, env, ['push', '--yes']);
  if (/No changes detected/.test(changeOne.stdout)) throw new Error(`The push after changing res0 found no change:\n${changeOne.stdout}`);
  const noop = await amplify(app, env, ['push', '--yes']);
  if (!/No changes detected/.test(noop.stdout)) throw new Error(`The third push was not a no-op:\n${noop.stdout}`);
  const status = await amplify(app, env, ['status']);
  return { first, changeOne, noop, status };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'cloud-data') });
  const env = cloudEnv(tmp, cloud);
  const loadBefore = os.loadavg();
  try {
    await amplify(tmp, env, ['plugin', 'add', demoPlugin]);
    await measureSize(env, 2); // warm-up: file cache, plugin cache, the cloud's first stacks

    // Reference start-ups, interleaved so that changing load affects each alike.
    const reference = [
      { label: 'node -e 0', args: ['-e', '0'] },
      { label: 'amplify --version', args: [bin, '--version'] },
      { label: 'amplify help', args: [bin, 'help'] },
    ];
    for (const item of reference) item.samples = [];
    for (let round = 0; round < Math.max(runs, 9); round++) {
      for (const item of reference) item.samples.push(await node(tmp, env, item.args));
    }

    const bySize = new Map();
    for (const size of sizes) {
      const samples = [];
      for (let run = 0; run < runs; run++) samples.push(await measureSize(env, size));
      const stat = (key) => ({
        wall: median(samples.map((s) => s[key].wall)),
        cpu: median(samples.map((s) => s[key].cpu)),
        cloudCpu: median(samples.map((s) => s[key].cloudCpu)),
      });
      bySize.set(size, { first: stat('first'), changeOne: stat('changeOne'), noop: stat('noop'), status: stat('status') });
      process.stderr.write(`${size} resources measured (load ${os.loadavg()[0].toFixed(1)})\n`);
    }

    const ref = Object.fromEntries(
      reference.map((item) => [item.label, { wall: median(item.samples.map((s) => s.wall)), cpu: median(item.samples.map((s) => s.cpu)) }]),
    );
    const bare = ref['node -e 0'];
    const ms = (value) => `${value.toFixed(0)} ms`;
    const cell = (s) => `${ms(s.wall)} / ${ms(s.cpu)}`;
    const loadAfter = os.loadavg();
    console.log(
      `amplify push and status by project size against an in-process local cloud, medians of ${runs} runs, wall / CLI CPU ` +
        `(${os.cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} -> ` +
        `${loadAfter.map((l) => l.toFixed(2)).join(' ')}, node ${process.version})\n`,
    );
    const rows = [
      ['Resources', 'First push', 'Push, one changed', 'No-op push', 'amplify status'],
      ...sizes.map((size) => {
        const s = bySize.get(size);
        return [String(size), cell(s.first), cell(s.changeOne), cell(s.noop), cell(s.status)];
      }),
    ];
    printTable(rows);
    // The cloud runs in this process, on the same two cores: its work is part of the pushes' wall time.
    console.log('\nLocal cloud CPU (this process) during each command, medians:\n');
    printTable([
      ['Resources', 'First push', 'Push, one changed', 'No-op push'],
      ...sizes.map((size) => {
        const s = bySize.get(size);
        return [String(size), ms(s.first.cloudCpu), ms(s.changeOne.cloudCpu), ms(s.noop.cloudCpu)];
      }),
    ]);
    console.log('');
    printTable([
      ['Reference', 'Wall / CPU'],
      ...reference.map((item) => [item.label, cell(ref[item.label])]),
    ]);

    // The targets, judged on wall and on CPU time alike.
    const checks = [];
    if (bySize.has(30) && bySize.has(1)) {
      const one = bySize.get(1).changeOne;
      const thirty = bySize.get(30).changeOne;
      checks.push(['push changing one resource, 30 vs 1 resource', '≤ 1.5x', thirty.wall / one.wall, thirty.cpu / one.cpu, (r) => r <= 1.5, 'x']);
    }
    for (const size of sizes) {
      const s = bySize.get(size);
      checks.push([`no-op push, ${size} resources, over node -e 0`, '≤ +100 ms', s.noop.wall - bare.wall, s.noop.cpu - bare.cpu, (d) => d <= 100, ' ms']);
      checks.push([`amplify status, ${size} resources, over node -e 0`, '≤ +100 ms', s.status.wall - bare.wall, s.status.cpu - bare.cpu, (d) => d <= 100, ' ms']);
    }
    const version = ref['amplify --version'];
    const help = ref['amplify help'];
    checks.push(['amplify help vs --version', '≤ 2x', help.wall / version.wall, help.cpu / version.cpu, (r) => r <= 2, 'x']);
    const fmt = (value, unit) => (unit === 'x' ? `${value.toFixed(2)}x` : `${value >= 0 ? '+' : ''}${value.toFixed(0)} ms`);
    const yes = (ok) => (ok ? 'yes' : 'NO');
    console.log('');
    printTable([
      ['Target', 'Limit', 'Wall', 'CPU', 'Met (wall/CPU)'],
      ...checks.map(([label, limit, wall, cpu, ok, unit]) => [label, limit, fmt(wall, unit), fmt(cpu, unit), `${yes(ok(wall))}/${yes(ok(cpu))}`]),
    ]);
  } finally {
    await cloud.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function printTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const [index, row] of rows.entries()) {
    console.log(`| ${row.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`);
    if (index === 0) console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
