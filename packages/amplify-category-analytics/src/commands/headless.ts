import { AmplifyError, makeId, pathManager, validateHeadlessRequest, type AmplifyContext } from 'amplify-cli-core';
import type { KinesisConfig } from '../service/analytics-config';
import { assertNoPinpoint, ensureAnalyticsAuth, readAnalyticsConfig, saveAnalyticsResource, serviceOf } from '../service/analytics-resource';
import { addAnalyticsRequestSchema, updateAnalyticsRequestSchema, type AddAnalyticsRequest, type UpdateAnalyticsRequest } from '../service/headless-schemas';
import { alphanumeric, kinesisConfig } from '../service/walkthrough';

/** `amplify add|update analytics --headless`: this CLI's version-1 requests (see the README). */
export async function runHeadless(context: AmplifyContext, payload: string): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const projectName = alphanumeric(context.amplify.getProjectConfig().projectName);
  switch (context.input.command) {
    case 'add': {
      const { serviceConfiguration: request } = validateHeadlessRequest<AddAnalyticsRequest>(addAnalyticsRequestSchema, payload, 'AddAnalyticsRequest');
      if (request.serviceName === 'Pinpoint' && request.shardCount !== undefined) {
        throw new AmplifyError('InvalidHeadlessInput', 'AddAnalyticsRequest: serviceConfiguration.shardCount applies to Kinesis streams, not Pinpoint apps', {
          resolution: 'Leave shardCount out, or use serviceName "Kinesis"',
        });
      }
      if (request.serviceName === 'Pinpoint') assertNoPinpoint(projectRoot);
      const appName = request.name ?? (projectName.toLowerCase() || 'analytics');
      const config =
        request.serviceName === 'Pinpoint'
          ? { service: 'Pinpoint' as const, resourceName: appName, appName, shortId: makeId(8) }
          : kinesisConfig(request.name ?? `${projectName}Kinesis`, request.shardCount ?? 1, makeId(8));
      await ensureAnalyticsAuth(context, { headless: true, allowGuests: request.allowGuests ?? true });
      await saveAnalyticsResource(projectRoot, config, 'add');
      context.print.success(`Successfully added resource ${config.resourceName} locally`);
      return;
    }
    case 'update':
    case 'configure': {
      const { serviceModification: request } = validateHeadlessRequest<UpdateAnalyticsRequest>(updateAnalyticsRequestSchema, payload, 'UpdateAnalyticsRequest');
      if (serviceOf(projectRoot, request.resourceName) !== 'Kinesis') {
        throw new AmplifyError('InvalidHeadlessInput', `UpdateAnalyticsRequest: serviceModification.resourceName ${request.resourceName} is not a Kinesis stream`, {
          resolution: 'Name a Kinesis resource ("amplify status" lists them); Pinpoint apps have nothing to update',
        });
      }
      const current = readAnalyticsConfig<KinesisConfig>(projectRoot, request.resourceName);
      await saveAnalyticsResource(projectRoot, { ...current, kinesisStreamShardCount: request.shardCount }, 'update');
      context.print.success(`Successfully updated resource ${request.resourceName} locally`);
      return;
    }
    default:
      throw new AmplifyError('HeadlessNotSupported', `Headless mode is not supported for "analytics ${context.input.command ?? ''}"`, {
        resolution: 'Use --headless with add or update; remove takes the resource name: amplify remove analytics <name> --yes',
      });
  }
}
