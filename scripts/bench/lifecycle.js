#!/usr/bin/env node
// The project lifecycle through the built `amplify` binary against a local cloud started in this process:
// headless `init`, `push` of two resources added by the fixture category plugin, and a push with nothing to do.
// Each round uses a new project, so every init creates a new env in the cloud. Medians and minimums of N rounds,
// wall time and the CLI process's own CPU time. A temp HOME / AMPLIFY_HOME keeps the machine's setup out of it.
// Needs the build: `npm run build` (or `npx tsc -b packages/amplify-cli packages/amplify-local-cloud`).
// Usage: node scripts/bench/lifecycle.js [runs=5]
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const runs = Number(process.argv[2] || 5);
const repo = path.resolve(__dirname, '..', '..');
const bin = path.join(repo, 'packages', 'amplify-cli', 'bin', 'amplify');
const demoPlugin = path.join(repo, 'packages', 'amplify-cli', 'test', 'fixtures', 'amplify-category-demo');
const localCloudLib = path.join(repo, 'packages', 'amplify-local-cloud', 'lib');
for (const built of ['amplify-cli', 'amplify-local-cloud', 'amplify-provider-awscloudformation', 'amplify-frontend-javascript']) {
  if (!fs.existsSync(path.join(repo, 'packages', built, 'lib', 'index.js'))) {
    console.error(`packages/${built} is not built: run "npm run build" first.`);
    process.exit(1);
  }
}
const { startLocalCloud } = require(localCloudLib);

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-bench-lifecycle-')));
// The child's own CPU time (user + system), printed on exit by a tiny `-r` probe: wall time on a shared machine
// mostly measures the queue for a CPU, CPU time is what the CLI itself costs.
const cpuProbe = path.join(tmp, 'cpu-probe.js');
fs.writeFileSync(cpuProbe, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, '\\n@@cpu ' + (u.user + u.system) / 1000 + '\\n'); });\n");

/**
 * Runs the binary without blocking this process: the local cloud answers from this event loop. Returns wall and
 * CPU milliseconds of the CLI, and the CPU this process (the local cloud) spent meanwhile.
 */
function amplify(cwd, env, args) {
  const started = process.hrtime.bigint();
  const cloudCpuBefore = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', cpuProbe, bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      const cloud = process.cpuUsage(cloudCpuBefore);
      if (code !== 0) {
        reject(new Error(`amplify ${args.join(' ')} exited with ${code}:\n${stdout}\n${stderr}`));
        return;
      }
      const cpu = Number(/@@cpu ([\d.]+)/.exec(stderr)[1]);
      resolve({ wall, cpu, cloudCpu: (cloud.user + cloud.system) / 1000, stdout });
    });
  });
}

function createApp(dir) {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  const pkg = { name: path.basename(dir), version: '0.1.0', private: true, dependencies: { react: '18.3.1', 'react-dom': '18.3.1' } };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

/** Project names are letters and digits; a letter suffix per round keeps every root stack name distinct. */
const roundName = (round) => `bench${String.fromCharCode(97 + Math.floor(round / 26))}${String.fromCharCode(97 + (round % 26))}`;

async function round(env, round) {
  const app = path.join(tmp, roundName(round));
  createApp(app);
  const init = await amplify(app, env, [
    'init',
    '--amplify', JSON.stringify({ projectName: roundName(round), envName: 'dev', defaultEditor: 'code' }),
    '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'react' }),
    '--providers', JSON.stringify({ awscloudformation: { configLevel: 'general' } }),
    '--yes',
  ]);
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
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home, { recursive: true });
  // The e2e tests' setup: `configLevel: general` reaches this in-process cloud through AWS_ENDPOINT_URL
  // (`configLevel: local` would start a detached cloud of its own instead).
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    AMPLIFY_HOME: path.join(home, '.amplify'),
    AWS_ENDPOINT_URL: cloud.endpoint,
    AWS_ACCESS_KEY_ID: cloud.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: cloud.credentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NO_COLOR: '1',
  };
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
