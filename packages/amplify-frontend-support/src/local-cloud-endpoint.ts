import type { FrontendContext } from './frontend-context';

/** The local cloud plugin's name and the part of its module used here (see amplify-local-cloud's index). */
const LOCAL_CLOUD_PLUGIN = 'local-cloud';

interface LocalCloudStatusModule {
  getInstanceStatus(selector: { dataDir: string }): Promise<{ type: string; info?: { endpoint: string } }>;
  defaultDataDir(): string;
}

function isLocalCloudStatusModule(value: unknown): value is LocalCloudStatusModule {
  const module = value as Partial<LocalCloudStatusModule> | undefined;
  return typeof module?.getInstanceStatus === 'function' && typeof module.defaultDataDir === 'function';
}

function loopbackEndpoint(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the current env was set up for the local cloud (`configLevel: "local"` in local-aws-info.json). */
export function isLocalCloudEnv(context: FrontendContext, projectPath: string): boolean {
  const { stateManager } = context.amplify;
  const envName = context.exeInfo?.localEnvInfo?.envName ?? stateManager.getLocalEnvInfo(projectPath, { throwIfNotExist: false })?.envName;
  if (!envName) return false;
  const info = stateManager.getLocalAWSInfo(projectPath, { default: {} })[envName];
  return (info as { configLevel?: string } | undefined)?.configLevel === 'local';
}

/**
 * The https origin of the local cloud a local env was deployed to, picked as the provider picks it: the loopback
 * instance `AWS_ENDPOINT_URL` names, else this HOME's running instance. Undefined for envs on AWS, and when no
 * instance runs (the AWS-shaped files are kept, with a warning). The local cloud answers TLS and plain
 * HTTP on one port, so the https form has the same host and port.
 */
export async function localCloudEndpointOf(context: FrontendContext, projectPath: string): Promise<string | undefined> {
  if (!isLocalCloudEnv(context, projectPath)) return undefined;
  let endpoint = loopbackEndpoint(process.env.AWS_ENDPOINT_URL);
  if (!endpoint) {
    const plugin = context.amplify.getPluginInstance?.(context as Parameters<NonNullable<FrontendContext['amplify']['getPluginInstance']>>[0], LOCAL_CLOUD_PLUGIN);
    if (isLocalCloudStatusModule(plugin)) {
      const status = await plugin.getInstanceStatus({ dataDir: plugin.defaultDataDir() });
      endpoint = status.type === 'running' ? loopbackEndpoint(status.info?.endpoint) : undefined;
    }
  }
  if (!endpoint) {
    context.print.warning('The local cloud is not running: the app config files keep AWS endpoints. Run "amplify local-cloud start", then "amplify pull" to point them at it.');
    return undefined;
  }
  return endpoint.replace(/^http:/, 'https:');
}
