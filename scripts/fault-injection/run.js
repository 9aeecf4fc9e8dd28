#!/usr/bin/env node
/**
 * Crash-consistency of `amplify push` (`node scripts/fault-injection/run.js [--only <point>] [--keep]`, after
 * `npm run build`): for each named fault point of a push (amplify-cli-core `fault-point.ts`), a fresh project on
 * a local cloud that runs in its own process gets a new DynamoDB table, and `amplify push --yes` is killed at
 * that point with SIGKILL, or the local cloud is killed there instead. The server is restarted when it died;
 * then `amplify status`, `amplify push --yes` and `amplify env pull --restore` must bring the project back to
 * agreeing with the cloud (in two scenarios the first `status` is itself killed while it records the push):
 *
 *   status     right after the fault, the table says Create when the cloud does not run the table's stack and
 *              No Change when it does (the interrupted push is settled first, never left half-recorded), and a
 *              push that left its journal is reported as interrupted;
 *   converged  after the second push: status shows no change, no push journal is left;
 *   outputs    amplify-meta.json holds the outputs of the deployed nested stack;
 *   exports    src/aws-exports.js names the deployed table;
 *   restore    `amplify env pull --restore` keeps the table's folder (it is deployed).
 *
 * Prints one row per point and `N/M converge`; exits non-zero unless all converge.
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { LocalCloudProcess } = require('amplify-test-support');

const repo = path.resolve(__dirname, '..', '..');
const amplifyBin = path.join(repo, 'packages', 'amplify-cli', 'bin', 'amplify');
for (const built of ['amplify-test-support', 'amplify-cli', 'amplify-provider-awscloudformation', 'amplify-local-cloud', 'amplify-category-storage', 'amplify-frontend-javascript']) {
  if (!fs.existsSync(path.join(repo, 'packages', built, 'lib', 'index.js'))) {
    console.error(`✖ packages/${built} is not built.\n  Run "npm run build" first.`);
    process.exit(1);
  }
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { CloudFormationClient, DescribeStackResourcesCommand, DescribeStacksCommand } = require('@aws-sdk/client-cloudformation');

/** Where a push can be cut off: `cli` kills the amplify process, `server` the local cloud it talks to. */
const SCENARIOS = [
  ['push:after-lock', 'cli'],
  ['push:after-validation', 'cli'],
  ['push:after-journal', 'cli'],
  ['push:after-artifact-upload', 'cli'],
  ['push:after-uploads', 'cli'],
  ['push:after-update-stack-started', 'cli'],
  ['push:during-stack-wait', 'cli'],
  ['push:after-stack-complete', 'cli'],
  ['push:after-outputs-read', 'cli'],
  ['push:after-meta-write', 'cli'],
  ['push:after-current-cloud-backend-copy', 'cli'],
  ['push:during-final-upload', 'cli'],
  ['push:after-final-upload', 'cli'],
  ['push:after-frontend-config', 'cli'],
  ['push:after-artifact-upload', 'server'],
  ['push:after-uploads', 'server'],
  ['push:after-update-stack-started', 'server'],
  ['push:during-stack-wait', 'server'],
  ['push:after-outputs-read', 'server'],
  ['push:after-meta-write', 'server'],
  ['push:during-final-upload', 'server'],
  ['push:after-final-upload', 'server'],
].map(([point, kill]) => ({ point, kill, name: `${kill === 'server' ? 'server@' : ''}${point}` }));
// The settling is interrupted too: the command after the fault is killed at a point of its own recording.
SCENARIOS.push(
  { point: 'push:after-outputs-read', kill: 'cli', settleFault: 'push:after-current-cloud-backend-copy' },
  { point: 'push:during-final-upload', kill: 'server', settleFault: 'push:during-final-upload' },
);
for (const scenario of SCENARIOS.filter((s) => s.settleFault)) {
  scenario.name = `${scenario.kill === 'server' ? 'server@' : ''}${scenario.point} +${scenario.settleFault.replace('push:', '')}`;
}

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const keep = argv.includes('--keep');
const TABLE = 'orders';

function run(cwd, env, args, stdin) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [amplifyBin, ...args], { cwd, env, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (stdin !== undefined) child.stdin.end(stdin);
  });
}

function cloudEnv(root, cloud) {
  return {
    PATH: process.env.PATH,
    HOME: path.join(root, 'home'),
    AMPLIFY_HOME: path.join(root, 'home', '.amplify'),
    AWS_ENDPOINT_URL: cloud.endpoint,
    AWS_ACCESS_KEY_ID: cloud.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: cloud.credentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NO_COLOR: '1',
  };
}

function must(result, what) {
  if (result.code !== 0) throw new Error(`${what} failed (${result.code ?? result.signal}): ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' / ')}`);
  return result;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** A new app with one env and a DynamoDB table added but not pushed. */
async function setUpProject(app, env) {
  fs.mkdirSync(path.join(app, 'src'), { recursive: true });
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: path.basename(app), version: '0.1.0', dependencies: { react: '18.3.1' } }));
  must(
    await run(app, env, [
      'init',
      '--amplify', JSON.stringify({ projectName: path.basename(app).replace(/[^a-z0-9]/gi, '').slice(0, 20), envName: 'dev', defaultEditor: 'code' }),
      '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'react' }),
      '--providers', JSON.stringify({ awscloudformation: { configLevel: 'general' } }),
      '--yes',
    ]),
    'init',
  );
  const table = { version: 1, serviceConfiguration: { serviceName: 'DynamoDB', resourceName: TABLE, columns: [{ name: 'id', type: 'string' }], partitionKey: 'id' } };
  must(await run(app, env, ['add', 'storage', '--headless'], JSON.stringify(table)), 'add storage');
}

/** The outputs of the table's nested stack as the cloud reports them, or undefined when it does not run it. */
async function deployedTableOutputs(app, cloud) {
  const stackName = readJson(path.join(app, 'amplify', 'team-provider-info.json')).dev.awscloudformation.StackName;
  const cfn = new CloudFormationClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: cloud.credentials });
  try {
    const resources = (await cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }))).StackResources ?? [];
    const nested = resources.find((r) => r.LogicalResourceId === `storage${TABLE}`);
    if (!nested?.PhysicalResourceId || !/_COMPLETE$/.test(nested.ResourceStatus ?? '')) return undefined;
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: nested.PhysicalResourceId }))).Stacks?.[0];
    if (!stack || /ROLLBACK|DELETE/.test(stack.StackStatus ?? '')) return undefined;
    return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  } finally {
    cfn.destroy();
  }
}

async function tableOperation(app, env) {
  const status = must(await run(app, env, ['status', '--json']), 'status --json');
  const row = JSON.parse(status.stdout).resources.find((r) => r.resourceName === TABLE);
  return row?.operation;
}

async function runScenario(scenario, root, cloud, index) {
  const app = path.join(root, `app${index}`);
  const env = cloudEnv(root, cloud);
  const checks = { status: false, converged: false, outputs: false, exports: false, restore: false };
  await setUpProject(app, env);

  const faultEnv = { ...env, AMPLIFY_FAULT_POINT: scenario.point, ...(scenario.kill === 'server' ? { AMPLIFY_FAULT_KILL_PID: String(cloud.pid) } : {}) };
  const faulted = await run(app, faultEnv, ['push', '--yes']);
  const hit = scenario.kill === 'cli' ? faulted.signal === 'SIGKILL' : !cloud.running;
  if (!hit) throw new Error(`the fault point was not reached (push exited ${faulted.code ?? faulted.signal})`);
  if (scenario.kill === 'server') {
    await cloud.kill();
    await cloud.restart();
  }

  const journal = path.join(app, 'amplify', '.config', 'local-push-journal.json');
  const interrupted = fs.existsSync(journal);
  if (scenario.settleFault) {
    const killedAgain = await run(app, { ...env, AMPLIFY_FAULT_POINT: scenario.settleFault }, ['status']);
    if (killedAgain.signal !== 'SIGKILL') throw new Error(`the settling was not cut off at ${scenario.settleFault} (status exited ${killedAgain.code})`);
  }
  // The first command after the fault settles the interrupted push; then the table must say what the cloud runs.
  const settled = must(await run(app, env, ['status']), 'status after the fault');
  const deployedAfterFault = await deployedTableOutputs(app, cloud);
  const operation = await tableOperation(app, env);
  // Truthful: the table says what the cloud runs, and a push left unfinished is reported as interrupted.
  checks.status = operation === (deployedAfterFault ? 'No Change' : 'Create') && (!interrupted || /was interrupted/.test(settled.stderr));
  const notes = checks.status ? [] : [`status said ${operation}: ${(settled.stdout + settled.stderr).split('\n').filter((l) => /push|⚠/i.test(l)).join(' ').trim()}`];

  must(await run(app, env, ['push', '--yes']), 'push after the fault');
  checks.converged = (await tableOperation(app, env)) === 'No Change' && !fs.existsSync(journal);

  const deployed = await deployedTableOutputs(app, cloud);
  const recorded = readJson(path.join(app, 'amplify', 'backend', 'amplify-meta.json')).storage?.[TABLE]?.output;
  checks.outputs = deployed !== undefined && JSON.stringify(recorded) === JSON.stringify(deployed);
  const exportsText = fs.readFileSync(path.join(app, 'src', 'aws-exports.js'), 'utf8');
  checks.exports = deployed?.Name !== undefined && exportsText.includes(JSON.stringify(deployed.Name));

  must(await run(app, env, ['env', 'pull', '--restore']), 'env pull --restore');
  checks.restore = fs.existsSync(path.join(app, 'amplify', 'backend', 'storage', TABLE));
  return { checks, afterFault: deployedAfterFault ? 'deployed' : 'not deployed', notes };
}

async function main() {
  const scenarios = only ? SCENARIOS.filter((s) => s.name === only || s.point === only) : SCENARIOS;
  if (scenarios.length === 0) throw new Error(`No fault point "${only}"; points: ${[...new Set(SCENARIOS.map((s) => s.point))].join(', ')}`);
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-faults-')));
  fs.mkdirSync(path.join(root, 'home'), { recursive: true });
  const cloud = await LocalCloudProcess.start(path.join(root, 'cloud-data'));
  const rows = [];
  try {
    for (const [index, scenario] of scenarios.entries()) {
      if (!cloud.running) await cloud.restart();
      let row;
      try {
        const { checks, afterFault, notes } = await runScenario(scenario, root, cloud, index);
        row = { scenario: scenario.name, afterFault, ...checks, converges: Object.values(checks).every(Boolean), error: notes.join('; ') || undefined };
      } catch (error) {
        row = { scenario: scenario.name, afterFault: '-', converges: false, error: error instanceof Error ? error.message : String(error) };
      }
      rows.push(row);
      const marks = ['status', 'converged', 'outputs', 'exports', 'restore'].map((k) => (row[k] ? 'ok' : row[k] === undefined ? '-' : 'FAIL').padEnd(10)).join('');
      console.log(`${row.scenario.padEnd(60)}${row.afterFault.padEnd(14)}${marks}${row.converges ? 'converges' : 'DIVERGES'}${row.error ? `  ${row.error}` : ''}`);
    }
  } finally {
    await cloud.close();
    if (keep) console.log(`\nKept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
  const converged = rows.filter((r) => r.converges).length;
  console.log(`\n${converged}/${rows.length} converge`);
  if (converged !== rows.length) process.exitCode = 1;
}

console.log(`${'fault point'.padEnd(60)}${'after fault'.padEnd(14)}${['status', 'converged', 'outputs', 'exports', 'restore'].map((k) => k.padEnd(10)).join('')}result`);
main().catch((error) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
