import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createPrompter, validateHeadlessRequest, type Prompter } from 'amplify-cli-core';
import { validateTemplate } from 'amplify-cloudformation-spec';
import { makeTempDir } from 'amplify-test-support';
import { askChannelSettings, readP12, settingsFromRequest } from '../service/channel-questions';
import { channelArgument, CHANNELS } from '../service/channels';
import { notificationsRequestSchema } from '../service/headless-schema';
import { notificationsTemplate } from '../service/template';

function answering(script: Record<string, unknown>): { prompter: Prompter; asked: string[] } {
  const asked: string[] = [];
  const answer = async (options: { message: string; default?: unknown; validate?: (value: never) => true | string }): Promise<never> => {
    asked.push(options.message);
    const key = Object.keys(script).find((k) => options.message.startsWith(k));
    const value = key !== undefined ? script[key] : options.default;
    if (value === undefined) throw new Error(`unexpected question: ${options.message}`);
    const verdict = options.validate?.(value as never);
    if (verdict !== undefined && verdict !== true) throw new Error(verdict);
    return value as never;
  };
  return { prompter: { confirm: answer, input: answer, password: answer, pick: answer } as unknown as Prompter, asked };
}

const dir = makeTempDir('notifications-test-');
const serviceJson = path.join(dir, 'service-account.json');
fs.writeFileSync(serviceJson, JSON.stringify({ type: 'service_account', project_id: 'shop', private_key: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n' }));
const p8 = path.join(dir, 'AuthKey_ABCDE12345.p8');
fs.writeFileSync(p8, '-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n');

describe('notifications template', () => {
  it('In-App messaging alone: the roles may fetch the app’s messages; outputs Id and Region for the frontends', () => {
    const template = notificationsTemplate({ resourceName: 'shop', channels: ['InAppMessaging'] });
    expect(validateTemplate(template)).toEqual([]);
    expect(Object.keys(template.Resources)).toEqual(['PinpointInAppMessagingPolicy']);
    expect(JSON.stringify(template.Resources.PinpointInAppMessagingPolicy)).toContain('mobiletargeting:GetInAppMessages');
    expect(template.Outputs).toEqual({ Id: { Value: { Ref: 'analyticsshopId' } }, Region: { Value: { Ref: 'analyticsshopRegion' } } });
  });

  it('every channel: spec-valid, secrets as NoEcho parameters, APNS on production and sandbox', () => {
    const template = notificationsTemplate({ resourceName: 'shop', channels: [...CHANNELS] });
    expect(validateTemplate(template)).toEqual([]);
    expect(Object.keys(template.Resources).sort()).toEqual(['APNSChannel', 'APNSSandboxChannel', 'EmailChannel', 'FCMChannel', 'PinpointInAppMessagingPolicy', 'SMSChannel']);
    expect(template.Parameters.FCMServiceJson).toEqual({ Type: 'String', NoEcho: true });
    expect(template.Parameters.APNSTokenKey).toEqual({ Type: 'String', Default: '', NoEcho: true });
    expect(template.Resources.EmailChannel.Properties).toMatchObject({ FromAddress: { Ref: 'EmailFromAddress' }, Identity: { Ref: 'EmailIdentity' } });
  });
});

describe('channel questions', () => {
  it('In-App messaging and SMS ask nothing', async () => {
    const { prompter, asked } = answering({});
    expect(await askChannelSettings(prompter, 'InAppMessaging')).toEqual({});
    expect(await askChannelSettings(prompter, 'SMS')).toEqual({});
    expect(asked).toEqual([]);
  });

  it('Email: from address, SES identity, optional role; a bad address is refused', async () => {
    const identity = 'arn:aws:ses:us-east-1:123456789012:identity/shop.example';
    const settings = await askChannelSettings(answering({ "The 'From' Email": 'news@shop.example', 'The ARN of an identity': identity, 'The ARN of an IAM Role': '' }).prompter, 'Email');
    expect(settings).toEqual({ EmailFromAddress: 'news@shop.example', EmailIdentity: identity });
    await expect(askChannelSettings(answering({ "The 'From' Email": 'news' }).prompter, 'Email')).rejects.toThrow('Enter an email address');
  });

  it('FCM reads the service account file; a file of another kind is refused', async () => {
    expect(await askChannelSettings(answering({ 'The service account file path': serviceJson }).prompter, 'FCM')).toEqual({ FCMServiceJson: fs.readFileSync(serviceJson, 'utf8') });
    const other = path.join(dir, 'other.json');
    fs.writeFileSync(other, '{"type":"authorized_user"}');
    await expect(askChannelSettings(answering({ 'The service account file path': other }).prompter, 'FCM')).rejects.toThrow('is not a Firebase service account key');
  });

  it('APNS with a key: bundle id, team id, key id and the .p8 content, TOKEN authentication', async () => {
    const settings = await askChannelSettings(
      answering({ 'Choose authentication method': 'Key', 'The bundle id': 'com.shop.app', 'The team id': 'TEAM123456', 'The key id': 'ABCDE12345', 'The key file path': p8 }).prompter,
      'APNS',
    );
    expect(settings).toEqual({ APNSDefaultAuthenticationMethod: 'TOKEN', APNSBundleId: 'com.shop.app', APNSTeamId: 'TEAM123456', APNSTokenKeyId: 'ABCDE12345', APNSTokenKey: fs.readFileSync(p8, 'utf8') });
  });

  it('APNS with a certificate: the .p12 becomes PEM certificate and key; a wrong password is refused', () => {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    const p12 = path.join(dir, 'push.p12');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=shop'], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:secret'], { stdio: 'ignore' });
    const read = readP12(p12, 'secret');
    expect(read.Certificate).toBe(fs.readFileSync(cert, 'utf8').trim());
    expect(read.PrivateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(() => readP12(p12, 'wrong')).toThrow('wrong password');
  });

  it('--yes cannot supply FCM settings and names the headless way instead', async () => {
    await expect(askChannelSettings(createPrompter({ yes: true, isInteractive: () => false }), 'FCM')).rejects.toMatchObject({ resolution: expect.stringContaining('--headless') });
  });
});

describe('channel argument', () => {
  it('names a channel in any case; anything else is refused with the list', () => {
    expect(channelArgument('inappmessaging')).toBe('InAppMessaging');
    expect(channelArgument(undefined)).toBeUndefined();
    expect(() => channelArgument('Fax')).toThrow('Fax is not a notifications channel');
  });
});

describe('headless request', () => {
  it('accepts the original --categories channel shapes and reads their files', () => {
    const request = {
      version: 1,
      serviceConfiguration: {
        serviceName: 'Pinpoint',
        channels: { InAppMessaging: { Enabled: true }, FCM: { Enabled: true, ServiceJsonFilePath: serviceJson }, APNS: { Enabled: true, DefaultAuthenticationMethod: 'Key', BundleId: 'com.shop', TeamId: 'TEAM123456', TokenKeyId: 'ABCDE12345', P8FilePath: p8 } },
      },
    };
    expect(() => validateHeadlessRequest(notificationsRequestSchema, request, 'NotificationsRequest')).not.toThrow();
    expect(settingsFromRequest('APNS', request.serviceConfiguration.channels.APNS)).toMatchObject({ APNSDefaultAuthenticationMethod: 'TOKEN', APNSTeamId: 'TEAM123456' });
  });

  it.each([
    [{ version: 1, serviceConfiguration: { serviceName: 'Pinpoint', channels: {} } }, 'serviceConfiguration.channels must NOT have fewer than 1 properties'],
    [{ version: 1, serviceConfiguration: { serviceName: 'Pinpoint', channels: { Fax: { Enabled: true } } } }, 'serviceConfiguration.channels.Fax is not a known field'],
    [{ version: 1, serviceConfiguration: { serviceName: 'Pinpoint', channels: { Email: { Enabled: true, FromAddress: 'a@b.c' } } } }, 'serviceConfiguration.channels.Email.Identity is required'],
    [{ version: 1, serviceConfiguration: { serviceName: 'Pinpoint', channels: { APNS: { Enabled: true, DefaultAuthenticationMethod: 'Key', BundleId: 'x' } } } }, 'serviceConfiguration.channels.APNS.TeamId is required'],
  ])('refuses %j naming the field', (request, message) => {
    expect(() => validateHeadlessRequest(notificationsRequestSchema, request, 'NotificationsRequest')).toThrow(message);
  });
});
