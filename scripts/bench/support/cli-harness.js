'use strict';
// What the benchmarks that drive the built `amplify` binary share: the binary and the fixture category plugin, a
// check that the build exists, a runner that measures wall and CPU time without blocking the local cloud that
// answers from this process, and the environment that points the CLI at that cloud.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..', '..', '..');
const bin = path.join(repo, 'packages', 'amplify-cli', 'bin', 'amplify');
const demoPlugin = path.join(repo, 'packages', 'amplify-cli', 'test', 'fixtures', 'amplify-category-demo');

function requireBuild() {
  for (const built of ['amplify-cli', 'amplify-local-cloud', 'amplify-provider-awscloudformation', 'amplify-frontend-javascript']) {
    if (!fs.existsSync(path.join(repo, 'packages', built, 'lib', 'index.js'))) {
      console.error(`packages/${built} is not built: run "npm run build" first.`);
      process.exit(1);
    }
  }
  return require(path.join(repo, 'packages', 'amplify-local-cloud', 'lib'));
}

/**
 * A temp folder and a runner of `node -r <cpu probe> ...args` (with `input` on stdin, for headless commands). The probe prints the child's own CPU time (user +
 * system) on exit: wall time on a shared machine mostly measures the queue for a CPU, CPU time is what the CLI
 * itself costs. The runner also reports the CPU this process (the local cloud) spent meanwhile.
 */
function createHarness(name) {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `amplify-bench-${name}-`)));
  const cpuProbe = path.join(tmp, 'cpu-probe.js');
  fs.writeFileSync(cpuProbe, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, '\\n@@cpu ' + (u.user + u.system) / 1000 + '\\n'); });\n");
  const node = (cwd, env, args, input) => {
    const started = process.hrtime.bigint();
    const cloudCpuBefore = process.cpuUsage();
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', cpuProbe, ...args], { cwd, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
      if (input !== undefined) child.stdin.end(input);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        const wall = Number(process.hrtime.bigint() - started) / 1e6;
        const cloud = process.cpuUsage(cloudCpuBefore);
        if (code !== 0) {
          reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${stdout}\n${stderr}`));
          return;
        }
        resolve({ wall, cpu: Number(/@@cpu ([\d.]+)/.exec(stderr)[1]), cloudCpu: (cloud.user + cloud.system) / 1000, stdout });
      });
    });
  };
  return { tmp, node, amplify: (cwd, env, args, input) => node(cwd, env, [bin, ...args], input) };
}

/**
 * The CLI's environment, as the e2e tests set it up: `configLevel: general` reaches the in-process cloud through
 * AWS_ENDPOINT_URL with its own keys, HOME and AMPLIFY_HOME in the temp folder. No NODE_EXTRA_CA_CERTS (some
 * machines set it, and it costs every node start about 50 ms).
 */
function cloudEnv(tmp, cloud) {
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home, { recursive: true });
  return {
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
}

/** A React app folder named `name`, and the headless `amplify init` arguments for it. */
function createApp(dir, name) {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  const pkg = { name, version: '0.1.0', private: true, dependencies: { react: '18.3.1', 'react-dom': '18.3.1' } };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return [
    'init',
    '--amplify', JSON.stringify({ projectName: name, envName: 'dev', defaultEditor: 'code' }),
    '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'react' }),
    '--providers', JSON.stringify({ awscloudformation: { configLevel: 'general' } }),
    '--yes',
  ];
}

module.exports = { bin, demoPlugin, requireBuild, createHarness, cloudEnv, createApp };
