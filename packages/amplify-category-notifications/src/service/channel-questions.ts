import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, parseJson, type Prompter } from 'amplify-cli-core';
import type { Channel, ChannelSettings } from './channels';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SES_IDENTITY = /^arn:aws[a-z-]*:ses:[a-z0-9-]+:\d{12}:identity\/.+$/;
const IAM_ROLE = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;

function existingFile(extension: string): (text: string) => true | string {
  return (text) => {
    const file = path.resolve(text.trim());
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return `No file at ${file}`;
    return file.toLowerCase().endsWith(extension) || `The file must be a ${extension} file`;
  };
}

/** The certificate and private key of a .p12 file, as Pinpoint takes them (PEM), through the system's openssl. */
export function readP12(file: string, password: string): { Certificate: string; PrivateKey: string } {
  const run = (extra: string[]): string => {
    try {
      return execFileSync('openssl', ['pkcs12', '-in', file, '-passin', 'env:AMPLIFY_P12_PASSWORD', '-nodes', ...extra], {
        env: { ...process.env, AMPLIFY_P12_PASSWORD: password },
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString('utf8');
    } catch (cause) {
      throw new AmplifyError('InvalidInput', `Cannot read the certificate in ${file}: wrong password, not a .p12 file, or openssl is not installed`, {
        resolution: 'Check the password, export the certificate again from Keychain Access as .p12, or install openssl',
        cause,
      });
    }
  };
  const pem = (text: string, label: RegExp): string => {
    const match = label.exec(text);
    if (!match) throw new AmplifyError('InvalidInput', `${file} holds no ${label.source.includes('KEY') ? 'private key' : 'certificate'}`, { resolution: 'Export the certificate with its private key as .p12' });
    return match[0];
  };
  return {
    Certificate: pem(run(['-nokeys', '-clcerts']), /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/),
    PrivateKey: pem(run(['-nocerts']), /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/),
  };
}

/** The FCM service account file's text, checked to be one. */
export function readServiceJson(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = parseJson<Record<string, unknown>>(text, file);
  if (parsed.type !== 'service_account' || typeof parsed.private_key !== 'string') {
    throw new AmplifyError('InvalidInput', `${file} is not a Firebase service account key (no "type": "service_account" with a private_key)`, {
      resolution: 'Download the key from the Firebase console: Project settings > Service accounts > Generate new private key',
    });
  }
  return text;
}

/**
 * The questions of a channel that needs settings, with the env's current ones as defaults where they are not
 * secrets. In-App messaging and SMS need none.
 */
export async function askChannelSettings(prompter: Prompter, channel: Channel, current: ChannelSettings = {}): Promise<ChannelSettings> {
  switch (channel) {
    case 'APNS': {
      const method = await prompter.pick<'Certificate' | 'Key'>({
        message: 'Choose authentication method used for APNs',
        choices: ['Certificate', 'Key'],
        default: current.APNSDefaultAuthenticationMethod === 'TOKEN' ? 'Key' : 'Certificate',
        flag: '--headless (amplify add notifications --headless)',
      });
      if (method === 'Certificate') {
        const file = await prompter.input({ message: 'The certificate file path (.p12):', validate: existingFile('.p12') });
        const password = await prompter.password({ message: 'The certificate password (if any):' });
        return { APNSDefaultAuthenticationMethod: 'CERTIFICATE', ...prefixed('APNS', readP12(path.resolve(file.trim()), password)) };
      }
      const BundleId = await prompter.input({ message: 'The bundle id used for APNs Tokens:', default: current.APNSBundleId, validate: (text) => /^[A-Za-z0-9.-]+$/.test(text) || 'A bundle id is letters, digits, dots and dashes' });
      const TeamId = await prompter.input({ message: 'The team id used for APNs Tokens:', default: current.APNSTeamId, validate: (text) => /^[A-Z0-9]{10}$/.test(text) || 'A team id is 10 capital letters and digits' });
      const TokenKeyId = await prompter.input({ message: 'The key id used for APNs Tokens:', default: current.APNSTokenKeyId, validate: (text) => /^[A-Z0-9]{10}$/.test(text) || 'A key id is 10 capital letters and digits' });
      const file = await prompter.input({ message: 'The key file path (.p8):', validate: existingFile('.p8') });
      return { APNSDefaultAuthenticationMethod: 'TOKEN', ...prefixed('APNS', { BundleId, TeamId, TokenKeyId, TokenKey: fs.readFileSync(path.resolve(file.trim()), 'utf8') }) };
    }
    case 'FCM': {
      const file = await prompter.input({ message: 'The service account file path (.json):', validate: existingFile('.json'), flag: '--headless (amplify add notifications --headless)' });
      return { FCMServiceJson: readServiceJson(path.resolve(file.trim())) };
    }
    case 'Email': {
      const FromAddress = await prompter.input({ message: "The 'From' Email address used to send emails", default: current.EmailFromAddress, validate: (text) => EMAIL.test(text) || 'Enter an email address', flag: '--headless (amplify add notifications --headless)' });
      const Identity = await prompter.input({ message: 'The ARN of an identity verified with SES', default: current.EmailIdentity, validate: (text) => SES_IDENTITY.test(text) || 'Enter an SES identity ARN (arn:aws:ses:<region>:<account>:identity/<address or domain>)' });
      const RoleArn = await prompter.input({ message: "The ARN of an IAM Role used to submit events to Mobile notifications' event ingestion service", default: current.EmailRoleArn ?? '', validate: (text) => text === '' || IAM_ROLE.test(text) || 'Enter an IAM role ARN, or nothing' });
      return { EmailFromAddress: FromAddress, EmailIdentity: Identity, ...(RoleArn ? { EmailRoleArn: RoleArn } : {}) };
    }
    case 'InAppMessaging':
    case 'SMS':
      return {};
  }
}

function prefixed(channel: string, values: Record<string, string>): ChannelSettings {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [`${channel}${key}`, value]));
}

/** Headless settings of a channel (the original's `--categories` shape): file paths are read here. */
export function settingsFromRequest(channel: Channel, request: Record<string, unknown>): ChannelSettings {
  const text = (key: string): string | undefined => (typeof request[key] === 'string' ? (request[key] as string) : undefined);
  switch (channel) {
    case 'APNS':
      if (text('P12FilePath')) return { APNSDefaultAuthenticationMethod: 'CERTIFICATE', ...prefixed('APNS', readP12(path.resolve(text('P12FilePath')!), text('Password') ?? '')) };
      return {
        APNSDefaultAuthenticationMethod: 'TOKEN',
        ...prefixed('APNS', { BundleId: text('BundleId')!, TeamId: text('TeamId')!, TokenKeyId: text('TokenKeyId')!, TokenKey: fs.readFileSync(path.resolve(text('P8FilePath')!), 'utf8') }),
      };
    case 'FCM':
      return { FCMServiceJson: readServiceJson(path.resolve(text('ServiceJsonFilePath')!)) };
    case 'Email':
      return { EmailFromAddress: text('FromAddress')!, EmailIdentity: text('Identity')!, ...(text('RoleArn') ? { EmailRoleArn: text('RoleArn')! } : {}) };
    case 'InAppMessaging':
    case 'SMS':
      return {};
  }
}
