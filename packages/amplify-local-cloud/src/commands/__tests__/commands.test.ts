import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from '../../cli';
import { executeAmplifyCommand } from '../../execute-amplify-command';
import { startLocalCloud } from '../../local-cloud';
import { writeServerInfo } from '../../instance/server-info';
import { recordMessage } from '../../cognito/message-log';
import { readSelector, type CommandOutput } from '../command-types';

function recorder(): CommandOutput & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), success: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`) };
}

let dir: string;
let home: string | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-cmd-'));
  home = process.env.AMPLIFY_HOME;
  process.env.AMPLIFY_HOME = path.join(dir, 'home');
});
afterEach(() => {
  if (home === undefined) delete process.env.AMPLIFY_HOME;
  else process.env.AMPLIFY_HOME = home;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('command options', () => {
  it('parses commands, --name value, --name=value and flags', () => {
    expect(parseArgs(['start', '--port', '5000', '--data-dir=/tmp/x', '--detach'])).toEqual({
      command: 'start',
      options: { port: '5000', 'data-dir': '/tmp/x', detach: true },
    });
    expect(parseArgs(['--detach', 'start'])).toEqual({ command: 'start', options: { detach: true } });
    expect(parseArgs(['--debug', 'stop'])).toEqual({ command: 'stop', options: { debug: true } });
    expect(parseArgs(['--json', 'status'])).toEqual({ command: 'status', options: { json: true } });
    expect(parseArgs(['-h']).command).toBe('help');
  });

  it('defaults the data directory to <AMPLIFY_HOME>/local-cloud and validates --port', () => {
    expect(readSelector({})).toEqual({ dataDir: path.join(dir, 'home', 'local-cloud'), port: undefined });
    expect(readSelector({ port: '0', 'data-dir': 'rel' })).toEqual({ dataDir: path.resolve('rel'), port: 0 });
    expect(() => readSelector({ port: 'http' })).toThrow(expect.objectContaining({ code: 'LocalCloudInvalidOption' }));
    expect(() => readSelector({ port: '70000' })).toThrow(expect.objectContaining({ code: 'LocalCloudInvalidOption' }));
    expect(() => readSelector({ 'data-dir': true })).toThrow(expect.objectContaining({ code: 'LocalCloudInvalidOption' }));
  });
});

describe('executeAmplifyCommand', () => {
  const run = (command: string | undefined, options: Record<string, string | boolean> = {}) => {
    const print = recorder();
    return executeAmplifyCommand({ input: { argv: [], plugin: 'local-cloud', command, options }, print }).then(() => print.lines);
  };

  it('prints help for `help` and for no command', async () => {
    const help = await run('help');
    expect(help.join('\n')).toMatch(/Usage: amplify local-cloud <command>[\s\S]*start[\s\S]*stop[\s\S]*status[\s\S]*reset/);
    expect(await run(undefined)).toEqual(help);
  });

  it('refuses an unknown command, naming the ones that exist', async () => {
    await expect(run('launch')).rejects.toMatchObject({ code: 'LocalCloudUnknownCommand', resolution: expect.stringContaining('start, stop, status, reset, credentials, events, messages, help') });
  });

  it('reports status and stop of a data directory with no server', async () => {
    expect(await run('status', { 'data-dir': dir })).toEqual([`not running (data in ${dir})`]);
    expect(await run('stop', { 'data-dir': dir })).toEqual([`No local cloud is running for ${dir}.`]);
  });

  it('sees a running server through server.json and the health probe, and its port', async () => {
    const cloud = await startLocalCloud({ port: 0, dataDir: dir });
    try {
      writeServerInfo({ pid: process.pid, port: cloud.port, endpoint: cloud.endpoint, dataDir: dir, startedAt: '2026-01-01T00:00:00.000Z' });
      expect((await run('status', { 'data-dir': dir }))[0]).toBe(`running at ${cloud.endpoint} (pid ${process.pid}, since 2026-01-01T00:00:00.000Z, data in ${dir})`);
      expect((await run('status', { 'data-dir': dir, port: String(cloud.port + 1) }))[0]).toMatch(/^not running on port \d+; the local cloud for .* runs at/);
    } finally {
      await cloud.close();
    }
    // Once the server is gone, its record is stale and removed.
    expect((await run('status', { 'data-dir': dir }))[0]).toBe(`not running (data in ${dir})`);
    expect(fs.existsSync(path.join(dir, 'server.json'))).toBe(false);
  });

  it('prints status as JSON with --json: endpoints and the CA certificate clients trust', async () => {
    const cloud = await startLocalCloud({ port: 0, dataDir: dir });
    try {
      writeServerInfo({
        pid: process.pid,
        port: cloud.port,
        endpoint: cloud.endpoint,
        httpsEndpoint: cloud.httpsEndpoint,
        caCertificate: cloud.caCertificate,
        dataDir: dir,
        startedAt: '2026-01-01T00:00:00.000Z',
      });
      const [json] = await run('status', { 'data-dir': dir, json: true });
      expect(JSON.parse(json)).toEqual({
        status: 'running',
        endpoint: cloud.endpoint,
        httpsEndpoint: cloud.httpsEndpoint,
        caCertificate: path.join(dir, 'tls', 'ca.pem'),
        pid: process.pid,
        startedAt: '2026-01-01T00:00:00.000Z',
        dataDir: dir,
        // What is deployed, per service: nothing yet.
        userPools: [],
        identityPools: [],
        tables: [],
        functions: [],
        graphqlApis: [],
        restApis: [],
        buckets: [],
        amplifyApps: [],
      });
      expect(fs.readFileSync(cloud.caCertificate, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    } finally {
      await cloud.close();
    }
    expect(JSON.parse((await run('status', { 'data-dir': dir, json: true }))[0])).toEqual({ status: 'stopped', caCertificate: path.join(dir, 'tls', 'ca.pem'), dataDir: dir });
  });

  it('lists the messages user pools recorded, as text and as JSON', async () => {
    expect(await run('messages', { 'data-dir': dir })).toEqual([`No messages yet (they are recorded in ${path.join(dir, 'cognito', 'messages.jsonl')}).`]);
    const message = {
      userPoolId: 'us-east-1_abcdefghi',
      username: 'ana',
      kind: 'SignUp',
      medium: 'EMAIL' as const,
      destination: 'ana@example.com',
      code: '123456',
      subject: 'Your verification code',
      message: 'Your verification code is 123456. ',
      time: '2026-01-01T00:00:00.000Z',
    };
    recordMessage(dir, message);
    expect(await run('messages', { 'data-dir': dir })).toEqual(['2026-01-01T00:00:00.000Z  SignUp              EMAIL ana@example.com  code 123456  (user pool us-east-1_abcdefghi)']);
    expect(JSON.parse((await run('messages', { 'data-dir': dir, json: true }))[0])).toEqual([message]);
    expect(fs.statSync(path.join(dir, 'cognito', 'messages.jsonl')).mode & 0o777).toBe(0o600);
  });

  it('treats a record whose pid answers no probe as stale', async () => {
    writeServerInfo({ pid: process.pid, port: 1, endpoint: 'http://127.0.0.1:1', dataDir: dir, startedAt: '' });
    expect(await run('status', { 'data-dir': dir })).toEqual([`not running (data in ${dir})`]);
  });

  it('resets a stopped data directory, removing only the local cloud files and keeping its credentials and CA', async () => {
    const cloud = await startLocalCloud({ port: 0, dataDir: dir });
    await cloud.close();
    const ca = fs.readFileSync(cloud.caCertificate, 'utf8');
    fs.writeFileSync(path.join(dir, 'keep-me.txt'), 'not ours');
    await run('reset', { 'data-dir': dir });
    expect(fs.readdirSync(dir).sort()).toEqual(['credentials.json', 'keep-me.txt', 'tls']);
    const again = await startLocalCloud({ port: 0, dataDir: dir });
    await again.close();
    expect(again.credentials).toEqual(cloud.credentials);
    // Browsers and shells that trust the CA keep trusting the reset cloud.
    expect(fs.readFileSync(again.caCertificate, 'utf8')).toBe(ca);
  });

  it('prints the credentials as shell exports, and says in status where they are', async () => {
    await expect(run('credentials', { 'data-dir': dir })).rejects.toMatchObject({ code: 'LocalCloudCredentialsMissing' });
    const cloud = await startLocalCloud({ port: 0, dataDir: dir });
    try {
      writeServerInfo({ pid: process.pid, port: cloud.port, endpoint: cloud.endpoint, dataDir: dir, startedAt: '2026-01-01T00:00:00.000Z' });
      expect((await run('credentials', { 'data-dir': dir }))[0].split('\n')).toEqual([
        `export AWS_ACCESS_KEY_ID=${cloud.credentials.accessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${cloud.credentials.secretAccessKey}`,
        `export AWS_ENDPOINT_URL=${cloud.endpoint}`,
        'export AWS_REGION=us-east-1',
      ]);
      expect((await run('status', { 'data-dir': dir }))[1]).toBe(`credentials in ${path.join(dir, 'credentials.json')} (\`amplify local-cloud credentials\` prints them as shell exports)`);
    } finally {
      await cloud.close();
    }
  });

  it('creates AWS-shaped credentials once, readable by the owner only, and reuses them', async () => {
    const first = await startLocalCloud({ port: 0, dataDir: dir });
    await first.close();
    expect(first.credentials.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(first.credentials.secretAccessKey).toMatch(/^[A-Za-z0-9/+]{40}$/);
    expect(fs.statSync(path.join(dir, 'credentials.json')).mode & 0o777).toBe(0o600);
    const second = await startLocalCloud({ port: 0, dataDir: dir });
    await second.close();
    expect(second.credentials).toEqual(first.credentials);
    fs.writeFileSync(path.join(dir, 'credentials.json'), '{"accessKeyId":"short"}');
    await expect(startLocalCloud({ port: 0, dataDir: dir })).rejects.toMatchObject({ code: 'LocalCloudCredentialsInvalid' });
  });
});
