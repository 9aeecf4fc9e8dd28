#!/usr/bin/env node
/**
 * The main job, end to end, on this machine (`npm run demo`, after `npm ci && npm run build`):
 *
 *   1. a small React-style JavaScript app is created in a temp folder;
 *   2. the embedded local cloud is started in the background (`amplify local-cloud start --detach`);
 *   3. `amplify init --yes` runs with the original's headless flags, selecting the local cloud
 *      (`--providers '{"awscloudformation":{"configLevel":"local"}}'`);
 *   4. the real categories add sign-in (`amplify add auth --yes`), file storage (`amplify add storage --yes`), a
 *      DynamoDB table (`amplify add storage --headless`, JSON on stdin) and a Lambda function
 *      (`amplify add function --yes`);
 *   5. `amplify status`, `amplify push --yes`, `amplify status`, a no-op push, `amplify function invoke`, and the
 *      generated `src/aws-exports.js`.
 *
 * Everything the demo writes stays in the temp folder: AMPLIFY_HOME points there (plugin cache, local cloud
 * data), so `~/.amplify` and `~/.aws` are untouched. The local cloud is stopped and the folder removed at the end;
 * `--keep` leaves both, and prints how to keep working in the app.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const amplifyBin = path.join(repo, 'packages', 'amplify-cli', 'bin', 'amplify');
const keep = process.argv.includes('--keep');

const builtPackages = [
  'amplify-cli',
  'amplify-provider-awscloudformation',
  'amplify-local-cloud',
  'amplify-frontend-javascript',
  'amplify-category-auth',
  'amplify-category-storage',
  'amplify-category-function',
];
for (const built of builtPackages) {
  if (!fs.existsSync(path.join(repo, 'packages', built, 'lib', 'index.js'))) {
    console.error(`✖ packages/${built} is not built.\n  Run "npm run build" first.`);
    process.exit(1);
  }
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-demo-'));
const app = path.join(root, 'my-react-app');
const env = {
  ...process.env,
  AMPLIFY_HOME: path.join(root, '.amplify'),
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
// The demo talks to its own local cloud only, whatever the shell has configured for AWS.
for (const name of Object.keys(env)) if (name.startsWith('AWS_ENDPOINT_URL')) delete env[name];

const bold = process.stdout.isTTY && !process.env.NO_COLOR ? (text) => `\x1b[1m${text}\x1b[0m` : (text) => text;

function step(title) {
  console.log(`\n${bold(`━━ ${title}`)}`);
}

/** Runs the built `amplify` in the app; `stdin` is piped to it (for `--headless` requests). */
function amplify(args, stdin) {
  const shown = `amplify ${args.map((a) => (/[\s{"]/.test(a) ? `'${a}'` : a)).join(' ')}`;
  console.log(stdin === undefined ? `$ ${shown}` : `$ echo '${stdin}' | ${shown}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [amplifyBin, ...args], {
    cwd: app,
    env,
    input: stdin,
    stdio: [stdin === undefined ? 'inherit' : 'pipe', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`"amplify ${args[0]}" exited with ${result.status ?? result.signal}`);
  }
  console.log(`  (${Date.now() - started} ms)`);
}

function createApp() {
  fs.mkdirSync(path.join(app, 'src'), { recursive: true });
  const pkg = {
    name: 'my-react-app',
    version: '0.1.0',
    private: true,
    dependencies: { react: '18.3.1', 'react-dom': '18.3.1', 'aws-amplify': '6.x' },
    scripts: { start: 'react-scripts start', build: 'react-scripts build' },
  };
  fs.writeFileSync(path.join(app, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(
    path.join(app, 'src', 'index.js'),
    "import { Amplify } from 'aws-amplify';\nimport config from './aws-exports';\n\nAmplify.configure(config);\n",
  );
}

let cloudStarted = false;
let failed = false;
try {
  step(`A React app in ${app}`);
  createApp();

  step('Start the local cloud (background, data under the temp AMPLIFY_HOME)');
  amplify(['local-cloud', 'start', '--detach', '--port', '0']);
  cloudStarted = true;

  step('Initialise the project against the local cloud (headless, as CI runs it)');
  amplify([
    'init',
    '--amplify', JSON.stringify({ projectName: 'myreactapp', envName: 'dev', defaultEditor: 'code' }),
    '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'react' }),
    '--providers', JSON.stringify({ awscloudformation: { configLevel: 'local' } }),
    '--yes',
  ]);

  step('Add sign-in, file storage, a NoSQL table and a function');
  amplify(['add', 'auth', '--yes']);
  amplify(['add', 'storage', '--yes']);
  const notesTable = {
    version: 1,
    serviceConfiguration: { serviceName: 'DynamoDB', resourceName: 'notes', columns: [{ name: 'id', type: 'string' }], partitionKey: 'id' },
  };
  amplify(['add', 'storage', '--headless'], JSON.stringify(notesTable));
  amplify(['add', 'function', '--yes']);

  step('Status before the push');
  amplify(['status']);

  step('Push');
  amplify(['push', '--yes']);

  step('Status after the push');
  amplify(['status']);

  step('A push with nothing to do');
  amplify(['push', '--yes']);

  step('Run the function locally');
  const functionName = Object.keys(JSON.parse(fs.readFileSync(path.join(app, 'amplify', 'backend', 'backend-config.json'), 'utf8')).function)[0];
  amplify(['function', 'invoke', functionName]);

  step('The generated src/aws-exports.js');
  console.log(fs.readFileSync(path.join(app, 'src', 'aws-exports.js'), 'utf8'));
} catch (error) {
  failed = true;
  console.error(`\n✖ The demo failed: ${error.message}`);
} finally {
  if (keep) {
    console.log(`\nKept the app and its local cloud. To continue:\n  export AMPLIFY_HOME=${env.AMPLIFY_HOME}\n  cd ${app}`);
    console.log(`  node ${amplifyBin} status\nStop the local cloud with: node ${amplifyBin} local-cloud stop`);
  } else {
    if (cloudStarted) {
      step('Stop the local cloud and remove the temp folder');
      spawnSync(process.execPath, [amplifyBin, 'local-cloud', 'stop'], { cwd: app, env, stdio: 'inherit' });
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
