import * as fs from 'fs';
import * as path from 'path';
import { createPrompter } from 'amplify-cli-core';
import { cleanupTempDirs, createFixtureProject, readProjectFile, writeProjectFile } from 'amplify-test-support';
import { fillEnvChannelSettings } from '../service/env-settings';
import { saveNotifications } from '../service/notifications-resource';

/** Project files read back, navigated by key. */
type Json = { [key: string]: Json };

const analytics = { analytics: { shop: { service: 'Pinpoint', providerPlugin: 'awscloudformation' } } };

function project(): string {
  const root = createFixtureProject({
    meta: { providers: { awscloudformation: { Region: 'us-east-1' } }, ...analytics },
    backendConfig: analytics,
    localEnvInfo: { envName: 'dev' },
    teamProviderInfo: { dev: { awscloudformation: {} }, prod: { awscloudformation: {} } },
  });
  writeProjectFile(root, 'service-account.json', JSON.stringify({ type: 'service_account', private_key: 'k' }));
  return root;
}

afterAll(() => cleanupTempDirs());

describe('notifications resource', () => {
  it('writes the channels, the template, this env’s settings and the enabled channels the frontends read', async () => {
    const root = project();
    const json = fs.readFileSync(path.join(root, 'service-account.json'), 'utf8');
    await saveNotifications(root, { resourceName: 'shop', channels: ['InAppMessaging', 'FCM'] }, { FCMServiceJson: json });
    expect(readProjectFile(root, 'amplify/backend/notifications/shop/cli-inputs.json')).toEqual({ resourceName: 'shop', channels: ['FCM', 'InAppMessaging'] });
    expect(Object.keys(readProjectFile<Json>(root, 'amplify/backend/notifications/shop/notifications-cloudformation-template.json').Resources)).toEqual(['FCMChannel', 'PinpointInAppMessagingPolicy']);
    expect(readProjectFile<Json>(root, 'amplify/team-provider-info.json').dev.categories.notifications.shop).toEqual({ FCMServiceJson: json });
    expect(readProjectFile<Json>(root, 'amplify/backend/amplify-meta.json').notifications.shop).toEqual({
      service: 'Pinpoint',
      providerPlugin: 'awscloudformation',
      channels: ['FCM', 'InAppMessaging'],
      dependsOn: [{ category: 'analytics', resourceName: 'shop', attributes: ['Id', 'Region'] }],
    });
    expect(readProjectFile<Json>(root, 'amplify/backend/backend-config.json').notifications.shop.output).toEqual({ FCM: { Enabled: true }, InAppMessaging: { Enabled: true } });
    // The keys the original's notifications keep in backend-config (notifications-backend-cfg-api.js): service, channels, channelConfig.
    expect(readProjectFile<Json>(root, 'amplify/backend/backend-config.json').notifications.shop).toMatchObject({ service: 'Pinpoint', channels: ['FCM', 'InAppMessaging'], channelConfig: {} });

    await saveNotifications(root, { resourceName: 'shop', channels: ['InAppMessaging'] }, {});
    expect(readProjectFile<Json>(root, 'amplify/team-provider-info.json').dev.categories.notifications.shop).toEqual({});
    expect(readProjectFile<Json>(root, 'amplify/backend/backend-config.json').notifications.shop).toMatchObject({ channels: ['InAppMessaging'], output: { InAppMessaging: { Enabled: true } } });
  });

  it('a new env gets its channel settings from --categories, or fails naming it when nobody can answer', async () => {
    const root = project();
    await saveNotifications(root, { resourceName: 'shop', channels: ['FCM'] }, { FCMServiceJson: '{"type":"service_account","private_key":"k"}' });
    writeProjectFile(root, 'amplify/.config/local-env-info.json', { envName: 'prod' });
    const nobody = createPrompter({ yes: true, isInteractive: () => false });
    await expect(fillEnvChannelSettings(root, nobody, undefined)).rejects.toMatchObject({ code: 'MissingEnvParameters', resolution: expect.stringContaining('--categories') });
    await fillEnvChannelSettings(root, nobody, { FCM: { Enabled: true, ServiceJsonFilePath: path.join(root, 'service-account.json') } });
    expect(readProjectFile<Json>(root, 'amplify/team-provider-info.json').prod.categories.notifications.shop.FCMServiceJson).toContain('service_account');
    await expect(fillEnvChannelSettings(root, nobody, { Fax: {} })).rejects.toThrow('Fax is not a known field');
  });
});
