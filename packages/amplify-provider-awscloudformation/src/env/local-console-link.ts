import * as crypto from 'crypto';
import * as http from 'http';
import { AmplifyError } from 'amplify-cli-core';
import type { LocalCloudAccess } from '../aws/local-cloud-launcher';

/** The local cloud's console API (its wire contract): a signed GET for a one-time link to a stack's page. */
const CONSOLE_PATH = '/_local-cloud/console';
const CONSOLE_SERVICE = 'local-console';
const REGION = 'us-east-1';

const sha256Hex = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string): Buffer => crypto.createHmac('sha256', key).update(text, 'utf8').digest();
const rfc3986 = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/** SigV4 headers for a bodiless GET, signed with the instance key as the local cloud verifies them. */
export function signedConsoleRequestHeaders(url: URL, access: LocalCloudAccess, now: Date): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${REGION}/${CONSOLE_SERVICE}/aws4_request`;
  const headers: Record<string, string> = { host: url.host, 'x-amz-date': amzDate };
  const signedHeaders = Object.keys(headers).sort();
  const query = [...url.searchParams].map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`).sort().join('&');
  const canonical = [
    'GET',
    url.pathname,
    query,
    ...signedHeaders.map((name) => `${name}:${headers[name]}`),
    '',
    signedHeaders.join(';'),
    sha256Hex(''),
  ].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${access.credentials.secretAccessKey}`, date), REGION), CONSOLE_SERVICE), 'aws4_request');
  const signature = hmac(key, ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n')).toString('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${access.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return headers;
}

/** A link, valid once and for a few minutes, to the local cloud's page of `stackName` (its nested stacks, resources, outputs). */
export function localConsoleLink(access: LocalCloudAccess, stackName: string, now = new Date()): Promise<string> {
  const url = new URL(CONSOLE_PATH, access.endpoint);
  url.searchParams.set('stack', stackName);
  const unavailable = (detail: string) =>
    new AmplifyError('LocalConsoleUnavailable', `The local cloud at ${access.endpoint} gave no console link for ${stackName}: ${detail}`, {
      resolution: 'Restart the local cloud with "amplify local-cloud stop" (the next command starts the current version), or push the env first.',
    });
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: signedConsoleRequestHeaders(url, access, now), timeout: 5000, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        let body: { path?: unknown; message?: unknown } = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          // Not JSON: an older local cloud without the console; reported below by its status.
        }
        if (response.statusCode === 200 && typeof body.path === 'string') resolve(`${access.endpoint}${body.path}`);
        else reject(unavailable(typeof body.message === 'string' ? body.message : `HTTP ${response.statusCode}`));
      });
    });
    request.on('timeout', () => request.destroy(new Error('no answer within 5 s')));
    request.on('error', (error) => reject(unavailable(error.message)));
  });
}
