import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import type { ProviderContext } from '../context/provider-context';
import { providerHomeDir } from './amplify-home';
import type { AwsEnv } from './aws-env';

/** A running local cloud: where it listens and the instance key pair it verifies every signature against. */
export interface LocalCloudAccess {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** The embedded local cloud as this provider needs it: a running endpoint, started on demand. */
export interface LocalCloudLauncher {
  ensure(): Promise<LocalCloudAccess>;
}

/** Which instance a launcher settled on, so the user is told whether one was reused or started. */
export type LocalCloudChoice =
  | { type: 'environment'; access: LocalCloudAccess }
  | { type: 'running'; access: LocalCloudAccess }
  | { type: 'started'; access: LocalCloudAccess; port: number; preferredPortTaken: boolean };

/** The name the local cloud plugin (package `amplify-local-cloud`) declares in its manifest. */
export const LOCAL_CLOUD_PLUGIN = 'local-cloud';

/** The local cloud's usual port; another HOME's instance may hold it. */
export const LOCAL_CLOUD_PORT = 4581;

/** The local cloud's health probe (its wire contract): 200 `{"status":"ok"}` from a local cloud, nothing else. */
const HEALTH_PATH = '/_local-cloud/health';

/** What the provider calls on the local cloud plugin's module (functions of its public entry). */
interface LocalCloudPluginModule {
  ensureLocalCloud(options?: { port?: number; dataDir?: string }): Promise<LocalCloudAccess>;
  getInstanceStatus?(selector: { dataDir: string }): Promise<{ type: string; info?: { endpoint: string } }>;
  defaultDataDir?(): string;
}

function isLocalCloudPluginModule(value: unknown): value is LocalCloudPluginModule {
  return typeof value === 'object' && value !== null && typeof (value as { ensureLocalCloud?: unknown }).ensureLocalCloud === 'function';
}

/** `<amplify home>/awscloudformation/local-cloud.json`: the port this HOME's instance was given, kept across restarts. */
function recordedPortFile(): string {
  return path.join(providerHomeDir(), 'local-cloud.json');
}

export function readRecordedPort(): number | undefined {
  try {
    const { port } = JSON.parse(fs.readFileSync(recordedPortFile(), 'utf8')) as { port?: unknown };
    return typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

function recordPort(port: number): void {
  try {
    fs.mkdirSync(providerHomeDir(), { recursive: true, mode: 0o700 });
    fs.writeFileSync(recordedPortFile(), `${JSON.stringify({ port }, null, 2)}\n`);
  } catch {
    // Unrecorded, the next start picks 4581 or another free port again: apps may then need their config regenerated.
  }
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The port a new instance of this HOME listens on: the recorded one, else 4581, else any free one. */
export async function choosePort(): Promise<{ port: number; preferredPortTaken: boolean }> {
  const recorded = readRecordedPort();
  if (recorded !== undefined && (await isPortFree(recorded))) return { port: recorded, preferredPortTaken: false };
  if (await isPortFree(LOCAL_CLOUD_PORT)) return { port: LOCAL_CLOUD_PORT, preferredPortTaken: false };
  return { port: await anyFreePort(), preferredPortTaken: true };
}

function isLoopbackUrl(value: string): boolean {
  try {
    const { hostname, protocol } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
  } catch {
    return false;
  }
}

export function answersAsLocalCloud(endpoint: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${endpoint.replace(/\/+$/, '')}${HEALTH_PATH}`, { timeout: timeoutMs, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve(response.statusCode === 200 && (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status?: unknown }).status === 'ok');
        } catch {
          resolve(false);
        }
      });
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/**
 * The instance `AWS_ENDPOINT_URL` names, when it is a local cloud on this machine and its keys are exported with it
 * (`eval "$(amplify local-cloud credentials)"` in another HOME shares that HOME's instance).
 */
export async function localCloudFromEnvironment(env: AwsEnv): Promise<LocalCloudAccess | undefined> {
  const endpoint = env.AWS_ENDPOINT_URL;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!endpoint || !accessKeyId || !secretAccessKey || !isLoopbackUrl(endpoint)) return undefined;
  if (!(await answersAsLocalCloud(endpoint))) return undefined;
  return { endpoint: endpoint.replace(/\/+$/, ''), credentials: { accessKeyId, secretAccessKey } };
}

function loadPlugin(context: ProviderContext | undefined): LocalCloudPluginModule {
  const loaded = context?.amplify.getPluginInstance?.(context, LOCAL_CLOUD_PLUGIN);
  if (!isLocalCloudPluginModule(loaded)) {
    throw new AmplifyError('LocalCloudUnavailable', `The local cloud plugin (amplify-local-cloud) is ${loaded === undefined ? 'not installed' : 'not one this provider can start'}.`, {
      resolution: 'Reinstall the Amplify CLI (it ships the local cloud) and run "amplify plugin scan", or choose AWS credentials with "amplify configure project".',
    });
  }
  return loaded;
}

/**
 * Which local cloud to use, in this order: the one `AWS_ENDPOINT_URL` names; this HOME's instance when it runs
 * (its data folder records where); else this HOME's instance, started in the background on its recorded port,
 * 4581, or (when another HOME's instance holds those) a free port, which is recorded for next time.
 */
export async function chooseLocalCloud(context: ProviderContext | undefined, env: AwsEnv): Promise<LocalCloudChoice> {
  const fromEnvironment = await localCloudFromEnvironment(env);
  if (fromEnvironment) return { type: 'environment', access: fromEnvironment };
  const plugin = loadPlugin(context);
  if (plugin.getInstanceStatus && plugin.defaultDataDir) {
    const status = await plugin.getInstanceStatus({ dataDir: plugin.defaultDataDir() });
    if (status.type === 'running') return { type: 'running', access: await plugin.ensureLocalCloud() };
  }
  const { port, preferredPortTaken } = await choosePort();
  const access = await plugin.ensureLocalCloud({ port });
  recordPort(port);
  return { type: 'started', access, port, preferredPortTaken };
}

export function describeLocalCloudChoice(choice: LocalCloudChoice): string {
  const { endpoint } = choice.access;
  switch (choice.type) {
    case 'environment':
      return `Using the local cloud at ${endpoint} (named by AWS_ENDPOINT_URL).`;
    case 'running':
      return `Using this HOME's local cloud at ${endpoint} (already running).`;
    case 'started':
      return choice.preferredPortTaken
        ? `Started this HOME's local cloud at ${endpoint} in the background (port ${LOCAL_CLOUD_PORT} is in use by another program or HOME; port ${choice.port} is recorded for next time).`
        : `Started this HOME's local cloud at ${endpoint} in the background.`;
  }
}

/** Contexts already told which local cloud they use: a command resolves its target more than once. */
const announced = new WeakSet<object>();

/**
 * The local cloud through the local cloud plugin, which the CLI's plugin platform finds and loads
 * (`context.amplify.getPluginInstance`): plugins reach each other through the core, never by import, so the provider
 * does not depend on the local cloud's package. The plugin loads only when a local target is resolved. The first
 * resolution of a command says which instance it uses.
 */
export function pluginLocalCloud(context: ProviderContext | undefined): LocalCloudLauncher {
  return {
    async ensure() {
      const choice = await chooseLocalCloud(context, context?.environment.env ?? {});
      if (context && !announced.has(context)) {
        announced.add(context);
        context.print.info(describeLocalCloudChoice(choice));
      }
      return choice.access;
    },
  };
}

/** A launcher for a local cloud that is already running (tests, or one the user started by hand). */
export function fixedLocalCloud(access: LocalCloudAccess): LocalCloudLauncher {
  return { ensure: async () => access };
}
