import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';
import type { ProviderContext } from '../../context/provider-context';
import { scriptedPrompter } from '../../io/__tests__/scripted-prompter';
import { LOCAL_CLOUD_PLUGIN, choosePort, isPortFree, LOCAL_CLOUD_PORT, pluginLocalCloud, readRecordedPort } from '../local-cloud-launcher';

const access = { endpoint: 'http://127.0.0.1:4599', credentials: { accessKeyId: 'AKIALAUNCHER00000001', secretAccessKey: 'launcher-secret' } };

function context(plugins: Record<string, unknown> | undefined, env: Record<string, string> = {}, printed: string[] = []): ProviderContext {
  const print = { info: (line: string) => printed.push(line), warning: () => undefined, success: () => undefined };
  const amplify: ProviderContext['amplify'] = { prompter: scriptedPrompter([]) };
  if (plugins !== undefined) amplify.getPluginInstance = (_context, name) => plugins[name];
  return { print, amplify, environment: { env, isInteractive: () => false, stdoutIsTTY: false } };
}

/** A listener on 127.0.0.1 that answers the health probe as a local cloud does (or refuses it). */
async function listen(handler: http.RequestListener, port = 0): Promise<{ server: http.Server; endpoint: string; port: number }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as net.AddressInfo).port;
  return { server, endpoint: `http://127.0.0.1:${bound}`, port: bound };
}
const healthy: http.RequestListener = (request, response) => {
  response.writeHead(request.url === '/_local-cloud/health' ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ status: 'ok', pid: process.pid }));
};

const servers: http.Server[] = [];
const savedHome = process.env.AMPLIFY_HOME;
beforeEach(() => {
  process.env.AMPLIFY_HOME = makeTempDir();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  if (savedHome === undefined) delete process.env.AMPLIFY_HOME;
  else process.env.AMPLIFY_HOME = savedHome;
  cleanupTempDirs();
});

it('starts the local cloud through the plugin the platform hands out by its manifest name, and says so', async () => {
  const ensureLocalCloud = jest.fn(async () => access);
  const printed: string[] = [];
  await expect(pluginLocalCloud(context({ [LOCAL_CLOUD_PLUGIN]: { ensureLocalCloud } }, {}, printed)).ensure()).resolves.toEqual(access);
  expect(ensureLocalCloud).toHaveBeenCalledTimes(1);
  expect(printed).toEqual([expect.stringMatching(/^Started this HOME's local cloud at http:\/\/127\.0\.0\.1:4599 in the background/)]);
});

it('reuses the instance AWS_ENDPOINT_URL names, with the keys exported beside it, without loading the plugin', async () => {
  const cloud = await listen(healthy);
  servers.push(cloud.server);
  const ensureLocalCloud = jest.fn(async () => access);
  const printed: string[] = [];
  const env = { AWS_ENDPOINT_URL: cloud.endpoint, AWS_ACCESS_KEY_ID: 'AKIASHARED0000000001', AWS_SECRET_ACCESS_KEY: 'shared-secret' };
  const launcher = pluginLocalCloud(context({ [LOCAL_CLOUD_PLUGIN]: { ensureLocalCloud } }, env, printed));
  await expect(launcher.ensure()).resolves.toEqual({ endpoint: cloud.endpoint, credentials: { accessKeyId: 'AKIASHARED0000000001', secretAccessKey: 'shared-secret' } });
  await launcher.ensure();
  expect(ensureLocalCloud).not.toHaveBeenCalled();
  expect(printed).toEqual([`Using the local cloud at ${cloud.endpoint} (named by AWS_ENDPOINT_URL).`]);
});

it.each([
  ['an endpoint that is not a local cloud', (endpoint: string) => ({ AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' }), false],
  ['a local cloud without exported keys', (endpoint: string) => ({ AWS_ENDPOINT_URL: endpoint }), true],
  ['a non-loopback endpoint', () => ({ AWS_ENDPOINT_URL: 'https://s3.example.com', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' }), true],
])('falls back to this HOME\'s instance for %s', async (_, envFor, isLocalCloud) => {
  const other = await listen(isLocalCloud ? healthy : (_request, response) => response.writeHead(403).end('<Error/>'));
  servers.push(other.server);
  const ensureLocalCloud = jest.fn(async () => access);
  await expect(pluginLocalCloud(context({ [LOCAL_CLOUD_PLUGIN]: { ensureLocalCloud } }, envFor(other.endpoint))).ensure()).resolves.toEqual(access);
  expect(ensureLocalCloud).toHaveBeenCalledTimes(1);
});

it("reuses this HOME's running instance as it is, on whatever port it runs", async () => {
  const ensureLocalCloud = jest.fn(async () => access);
  const getInstanceStatus = jest.fn(async () => ({ type: 'running', info: { endpoint: access.endpoint } }));
  const printed: string[] = [];
  const plugin = { ensureLocalCloud, getInstanceStatus, defaultDataDir: () => '/data' };
  await pluginLocalCloud(context({ [LOCAL_CLOUD_PLUGIN]: plugin }, {}, printed)).ensure();
  expect(getInstanceStatus).toHaveBeenCalledWith({ dataDir: '/data' });
  expect(ensureLocalCloud).toHaveBeenCalledWith();
  expect(printed).toEqual([`Using this HOME's local cloud at ${access.endpoint} (already running).`]);
});

it('starts on a free port, records it and says why, when another HOME holds 4581', async () => {
  let holder: Awaited<ReturnType<typeof listen>> | undefined;
  if (await isPortFree(LOCAL_CLOUD_PORT)) {
    holder = await listen(healthy, LOCAL_CLOUD_PORT);
    servers.push(holder.server);
  }
  const ensureLocalCloud = jest.fn(async (options?: { port?: number }) => ({ ...access, endpoint: `http://127.0.0.1:${options?.port}` }));
  const printed: string[] = [];
  const plugin = { ensureLocalCloud, getInstanceStatus: async () => ({ type: 'stopped' }), defaultDataDir: () => '/data' };
  const { endpoint } = await pluginLocalCloud(context({ [LOCAL_CLOUD_PLUGIN]: plugin }, {}, printed)).ensure();
  const port = ensureLocalCloud.mock.calls[0][0]?.port;
  expect(port).not.toBe(LOCAL_CLOUD_PORT);
  expect(endpoint).toBe(`http://127.0.0.1:${port}`);
  expect(readRecordedPort()).toBe(port);
  expect(JSON.parse(fs.readFileSync(path.join(process.env.AMPLIFY_HOME!, 'awscloudformation', 'local-cloud.json'), 'utf8'))).toEqual({ port });
  expect(printed[0]).toContain(`port ${LOCAL_CLOUD_PORT} is in use by another program or HOME; port ${port} is recorded for next time`);
  // The next start of this HOME's instance keeps its port, so the app's generated config stays valid.
  await expect(choosePort()).resolves.toEqual({ port, preferredPortTaken: false });
});

it.each([
  ['no plugin platform', undefined, /is not installed/],
  ['no local cloud plugin', {}, /is not installed/],
  ['a plugin without ensureLocalCloud', { [LOCAL_CLOUD_PLUGIN]: { executeAmplifyCommand: () => undefined } }, /not one this provider can start/],
])('fails naming the fix with %s', async (_, plugins, message) => {
  await expect(pluginLocalCloud(context(plugins)).ensure()).rejects.toMatchObject({
    code: 'LocalCloudUnavailable',
    message: expect.stringMatching(message),
    resolution: expect.stringContaining('amplify plugin scan'),
  });
});
