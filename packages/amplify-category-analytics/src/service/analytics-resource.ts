import * as path from 'path';
import { AmplifyError, getCategoryResources, pathManager, readJsonFile, stateManager, writeFileAtomic, writeResource, type AmplifyContext } from 'amplify-cli-core';
import type { AnalyticsConfig, AnalyticsService } from './analytics-config';
import { kinesisParameters, kinesisTemplate, pinpointParameters, pinpointTemplate } from './templates';

export const CATEGORY = 'analytics';
const PROVIDER = 'awscloudformation';

function resourcesOf(projectRoot: string, category: string): Record<string, { service: string }> {
  return getCategoryResources(stateManager.getMeta(projectRoot, { default: {} }), category);
}

export function analyticsResources(projectRoot: string, service?: AnalyticsService): string[] {
  const resources = resourcesOf(projectRoot, CATEGORY);
  return Object.keys(resources).filter((name) => service === undefined || resources[name].service === service);
}

export function serviceOf(projectRoot: string, resourceName: string): AnalyticsService {
  const service = resourcesOf(projectRoot, CATEGORY)[resourceName]?.service;
  if (service !== 'Pinpoint' && service !== 'Kinesis') {
    throw new AmplifyError('ResourceNotFound', `No analytics resource named ${resourceName}`, { resolution: 'Run "amplify status" to see the analytics resources' });
  }
  return service;
}

export function readAnalyticsConfig<T extends AnalyticsConfig>(projectRoot: string, resourceName: string): T {
  return readJsonFile<T>(path.join(pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, resourceName), 'cli-inputs.json'));
}

/** The one Pinpoint resource a project may have: refused with the way to change it when one exists. */
export function assertNoPinpoint(projectRoot: string): void {
  const existing = analyticsResources(projectRoot, 'Pinpoint');
  if (existing.length > 0) {
    throw new AmplifyError('ResourceAlreadyExists', `Amazon Pinpoint analytics was already added to your project (${existing[0]})`, {
      resolution: 'A project has one Pinpoint app; run "amplify update analytics" or "amplify remove analytics" first',
    });
  }
}

const PINPOINT_TEMPLATE_FILE = 'pinpoint-cloudformation-template.json';

/** Writes the resource's answers, parameters.json and template into `amplify/backend/analytics/<name>/`, and its meta. */
export async function saveAnalyticsResource(projectRoot: string, config: AnalyticsConfig, mode: 'add' | 'update'): Promise<void> {
  const files =
    config.service === 'Pinpoint' ? { 'parameters.json': pinpointParameters(config) } : { 'parameters.json': kinesisParameters(config), 'kinesis-cloudformation-template.json': kinesisTemplate() };
  const dir = await writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: config.resourceName,
    mode,
    jsonFiles: { 'cli-inputs.json': config, ...files },
    meta: mode === 'add' ? { service: config.service, providerPlugin: PROVIDER } : {},
  });
  if (config.service === 'Pinpoint') {
    // Byte for byte as the original's JSON writer (no final newline): its `status` rewrites this template every
    // time (dropping a policy action), and a byte that changes would show the resource as Update there.
    writeFileAtomic(path.join(dir, PINPOINT_TEMPLATE_FILE), JSON.stringify(pinpointTemplate(), null, 2));
  }
}

/** What the auth plugin offers other categories (see amplify-category-auth's index). */
interface AuthPluginApi {
  addAuthResource(context: AmplifyContext): Promise<string>;
  allowGuestAccess(context: AmplifyContext): Promise<boolean>;
}

function authPlugin(context: AmplifyContext): AuthPluginApi {
  const plugin = context.amplify.getPluginInstance(context, 'auth') as Partial<AuthPluginApi> | undefined;
  if (!plugin?.addAuthResource || !plugin.allowGuestAccess) {
    throw new AmplifyError('PluginNotFound', 'Analytics needs the auth category plugin (amplify-category-auth), which is not installed', {
      resolution: 'Install amplify-category-auth and run "amplify plugin scan"',
    });
  }
  return plugin as AuthPluginApi;
}

function authResourceName(projectRoot: string): string | undefined {
  const resources = resourcesOf(projectRoot, 'auth');
  return Object.keys(resources).find((name) => resources[name].service === 'Cognito');
}

export const GUEST_QUESTION =
  'Apps need authorization to send analytics events. Do you want to allow guests and unauthenticated users to send analytics events? (we recommend you allow this when getting started)';

/**
 * The original's auth requirement of analytics: an identity pool, with unauthenticated identities when guests may
 * send events. Without auth, the auth category adds it (its defaults under `--yes`); a headless request fails
 * instead. `allowGuests` answers the guest question when given (headless), else it is asked (default Yes).
 */
export async function ensureAnalyticsAuth(context: AmplifyContext, options: { headless: boolean; allowGuests?: boolean }): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  if (!authResourceName(projectRoot)) {
    if (options.headless) {
      throw new AmplifyError('AuthNotFound', 'Analytics needs auth (an Amazon Cognito identity pool), which this project does not have', {
        resolution: 'Run "amplify add auth" first',
      });
    }
    context.print.warning('Adding analytics would add the Auth category to the project if not already added.');
    await authPlugin(context).addAuthResource(context);
  }
  const allowGuests = options.allowGuests ?? (await context.amplify.prompter.confirm({ message: GUEST_QUESTION, default: true, flag: '--yes' }));
  if (!allowGuests) {
    context.print.warning('Only signed-in users of the app can send analytics events.');
    return;
  }
  if (!(await authPlugin(context).allowGuestAccess(context))) {
    throw new AmplifyError('GuestAccessUnavailable', 'Guests can send analytics events only through an identity pool, and the auth resource has none', {
      resolution: 'Run "amplify update auth" and choose sign-in connected with AWS IAM controls, or do not allow guests',
    });
  }
}
