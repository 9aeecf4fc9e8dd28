#!/usr/bin/env node
// This amplify against the original Amplify CLI (@aws-amplify/cli-internal, pinned), both driven by the same script
// against ONE local cloud started in this process: headless init, add auth / S3 storage / GraphQL API (the
// original's --headless payloads), add function (its walkthrough in a pseudo-terminal, the original having no
// headless form for it), push, a push after a one-field schema change, a no-op push, status, delete. Runs are
// interleaved (one project per CLI per round) and each step's median wall time is reported with the ratio.
// `--install` first installs the original into its cache folder, outside the repository
// (~/.cache/amplify-versus/cli-internal-<version>), with npm. Needs the build: `npm run build`.
// Usage: node scripts/bench/versus-original.js [--install] [runs=3]
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { bin: oursBin, requireBuild } = require('./support/cli-harness');

const args = process.argv.slice(2);
const install = args.includes('--install');
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) || 3);
const repo = path.resolve(__dirname, '..', '..');
const support = require(path.join(repo, 'packages', 'amplify-test-support', 'lib'));
const { OriginalCli, ORIGINAL_CLI_PACKAGE, ORIGINAL_CLI_VERSION, findOriginalCli, originalCiLines, originalCliCacheDir, originalWalkthroughs, runInTerminal, runProcess } = support;

/**
 * npm resolves cli-internal 14.2.2's `^5.15.1` of the API category to a release whose pinned transformer the
 * registry lacks, so 5.15.3 (the set 14.2.2 shipped with); one graphql for every package, as the original's own
 * bundle has, else its Studio model generation fails on graphql objects of two copies.
 */
const CACHE_PACKAGE = {
  name: 'amplify-versus-cache',
  private: true,
  dependencies: { [ORIGINAL_CLI_PACKAGE]: ORIGINAL_CLI_VERSION },
  overrides: { '@aws-amplify/amplify-category-api': '5.15.3', graphql: '15.11.0' },
};

function installOriginal() {
  const dir = originalCliCacheDir();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(CACHE_PACKAGE, null, 2)}\n`);
  console.log(`Installing ${ORIGINAL_CLI_PACKAGE}@${ORIGINAL_CLI_VERSION} into ${dir} (about 1.4 GB) ...`);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm install in ${dir} failed (exit ${result.status}).`);
}

const SCHEMA = 'type Todo @model @auth(rules: [{ allow: public }]) {\n  id: ID!\n  name: String!\n}\n';
const CHANGED_SCHEMA = SCHEMA.replace('name: String!', 'name: String!\n  done: Boolean');

/** The original asks which capability (function or layer) first; this amplify asks it only when layers apply. */
const oursFunctionAnswers = (name) => originalWalkthroughs.function(name).filter((answer) => !String(answer.question).includes('capability'));

/** One CLI as the script drives it: `run` for plain and headless commands, `walk` for a walkthrough. */
function oursCli(home, cloud) {
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
  fs.mkdirSync(home, { recursive: true });
  return {
    name: 'this amplify',
    functionAnswers: oursFunctionAnswers,
    run: (cwd, cliArgs, stdin) => runProcess(process.execPath, [oursBin, ...cliArgs], { cwd, env, stdin }),
    walk: (cwd, cliArgs, answers) => runInTerminal(`'${process.execPath}' '${oursBin}' ${cliArgs.join(' ')}`, answers, { cwd, env, timeoutMs: 120000 }),
  };
}

function originalCli(location, home, cloud) {
  const cli = new OriginalCli(location, home, cloud);
  return {
    name: 'original 14.2.2',
    prepare: () => cli.prepare(),
    functionAnswers: originalWalkthroughs.function,
    run: (cwd, cliArgs, stdin) => cli.run(cwd, cliArgs, stdin),
    walk: (cwd, cliArgs, answers) => cli.walk(cwd, cliArgs, answers),
  };
}

const STEPS = ['init', 'add auth', 'add storage', 'add api', 'add function', 'push', 'push (one change)', 'push (no changes)', 'status', 'delete'];

async function round(cli, cloud, dir, projectName) {
  fs.mkdirSync(dir, { recursive: true });
  const times = {};
  const timed = async (step, run, check = () => true) => {
    const result = await run();
    if (result.exitCode !== 0 || (result.unanswered ?? 0) > 0 || !check(result.stdout)) {
      throw new Error(`${cli.name}: ${step} failed (exit ${result.exitCode}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
    }
    times[step] = result.ms;
  };
  await timed('init', () => cli.run(dir, originalCiLines.init(cloud, projectName, 'dev')));
  await timed('add auth', () => cli.run(dir, ['add', 'auth', '--headless'], originalCiLines.addAuth(`${projectName}auth`)));
  await timed('add storage', () => cli.run(dir, ['add', 'storage', '--headless'], originalCiLines.addS3Storage(`${projectName}files`)));
  await timed('add api', () => cli.run(dir, ['add', 'api', '--headless'], originalCiLines.addGraphQlApi(`${projectName}api`, SCHEMA)));
  await timed('add function', () => cli.walk(dir, ['add', 'function'], cli.functionAnswers(`${projectName}fn`)));
  await timed('push', () => cli.run(dir, ['push', '--yes']));
  fs.writeFileSync(path.join(dir, 'amplify', 'backend', 'api', `${projectName}api`, 'schema.graphql'), CHANGED_SCHEMA);
  await timed('push (one change)', () => cli.run(dir, ['push', '--yes']));
  await timed('push (no changes)', () => cli.run(dir, ['push', '--yes']), (stdout) => /No changes detected/.test(stdout));
  await timed('status', () => cli.run(dir, ['status']));
  await timed('delete', () => cli.run(dir, ['delete', '--force']));
  return times;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (install) installOriginal();
  const location = findOriginalCli();
  if (location.type === 'missing') throw new Error(`Cannot run: ${location.reason}.`);
  const { startLocalCloud } = requireBuild();
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-bench-versus-')));
  const cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'cloud-data') });
  const loadBefore = os.loadavg()[0];
  try {
    const original = originalCli(location, path.join(tmp, 'home-original'), cloud);
    await original.prepare();
    const clis = [oursCli(path.join(tmp, 'home-ours'), cloud), original];
    const samples = clis.map(() => []);
    for (let index = 0; index < runs; index++) {
      for (const [position, cli] of clis.entries()) {
        // Names are letters and digits, distinct per round and CLI, so every root stack is new.
        const projectName = `vs${position === 0 ? 'o' : 'a'}${String.fromCharCode(97 + index)}`;
        samples[position].push(await round(cli, cloud, path.join(tmp, `${projectName}-app`), projectName));
      }
    }
    console.log(
      `This amplify vs the original (${ORIGINAL_CLI_PACKAGE}@${ORIGINAL_CLI_VERSION}) against one in-process local cloud, ` +
        `median of ${runs} run(s) each (${os.cpus().length} CPUs, load ${loadBefore.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)}, node ${process.version})\n`,
    );
    const table = [
      ['Step', 'This amplify', 'Original', 'Original / this'],
      ...[...STEPS, 'total'].map((step) => {
        const of = (position) => median(samples[position].map((times) => (step === 'total' ? STEPS.reduce((sum, name) => sum + times[name], 0) : times[step])));
        const [ours, theirs] = [of(0), of(1)];
        return [step, `${ours.toFixed(0)} ms`, `${theirs.toFixed(0)} ms`, `${(theirs / ours).toFixed(1)}x`];
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
