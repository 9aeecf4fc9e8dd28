'use strict';
/**
 * The local cloud in a child process of its own, so that a test can kill it (SIGKILL, as a crash would) and start
 * it again over the same data directory and port: the endpoint a project records must stay valid across restarts.
 */
const { spawn } = require('child_process');
const net = require('net');
const path = require('path');

const { readInstanceCredentials } = require('amplify-local-cloud');

const BIN = path.resolve(__dirname, '..', '..', 'packages', 'amplify-local-cloud', 'bin', 'amplify-local-cloud');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

class LocalCloudProcess {
  constructor(dataDir, port) {
    this.dataDir = dataDir;
    this.port = port;
    this.endpoint = `http://127.0.0.1:${port}`;
    this.child = undefined;
  }

  static async start(dataDir) {
    const cloud = new LocalCloudProcess(dataDir, await freePort());
    await cloud.restart();
    return cloud;
  }

  get pid() {
    return this.child?.pid;
  }

  get running() {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The instance's keys, which its first start wrote into the data directory. */
  get credentials() {
    const credentials = readInstanceCredentials(this.dataDir);
    if (credentials === undefined) throw new Error(`The local cloud has written no credentials in ${this.dataDir}`);
    return credentials;
  }

  /** Starts the server (again) and resolves once it listens; its output goes to `<dataDir>/server.log`. */
  restart() {
    const child = spawn(process.execPath, [BIN, 'start', '--port', String(this.port), '--data-dir', this.dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    this.child = child;
    return new Promise((resolve, reject) => {
      let output = '';
      const onData = (chunk) => {
        output += chunk.toString();
        if (/listening at/.test(output)) {
          child.stdout.off('data', onData);
          child.stdout.resume();
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`the local cloud exited (${code}) before listening: ${output.trim()}`)));
    });
  }

  /** Waits for a server a fault point killed (or kills it) so that it can be restarted. */
  async killed() {
    if (!this.child) return;
    if (this.running) this.child.kill('SIGKILL');
    if (this.child.exitCode === null && this.child.signalCode === null) await new Promise((resolve) => this.child.once('exit', resolve));
  }

  async stop() {
    if (!this.running) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

module.exports = { LocalCloudProcess };
