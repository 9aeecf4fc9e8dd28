import * as crypto from 'crypto';
import BetterSqlite3 from 'better-sqlite3';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient, InitiateAuthCommand, SignUpCommand, ConfirmSignUpCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { startCfnTestCloud, type CfnTestCloud } from '../../cloudformation/__tests__/helpers/cfn-test-cloud';
import { startLocalCloud } from '../../local-cloud';
import { ensureTlsMaterial } from '../../tls/certificate-authority';
import { HEALTH_PATH } from '../../well-known-paths';
import { readMessages } from '../message-log';
import { deployAuthStack } from './helpers/auth-stack';

const anonymous = { accessKeyId: 'none', secretAccessKey: 'none' };

function get(url: string, ca: Buffer | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { ca, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
  });
}

describe('user pools across a restart', () => {
  let cloud: CfnTestCloud;
  afterEach(() => fs.rmSync(cloud.dataDir, { recursive: true, force: true }));

  it('keeps pools, clients, users, their passwords, sessions and signing keys', async () => {
    cloud = await startCfnTestCloud();
    const auth = await deployAuthStack(cloud, 'persisted-auth');
    const email = 'nia@example.com';
    const before = new CognitoIdentityProviderClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: anonymous });
    await before.send(new SignUpCommand({ ClientId: auth.WebClientId, Username: email, Password: 'nia-password1', UserAttributes: [{ Name: 'email', Value: email }] }));
    await before.send(new ConfirmSignUpCommand({ ClientId: auth.WebClientId, Username: email, ConfirmationCode: readMessages(cloud.dataDir).pop()!.code }));
    const secretHash = crypto.createHmac('sha256', auth.NativeClientSecret).update(email + auth.NativeClientId).digest('base64');
    const signIn = () =>
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: auth.NativeClientId, AuthParameters: { USERNAME: email, PASSWORD: 'nia-password1', SECRET_HASH: secretHash } });
    const tokens = (await before.send(signIn())).AuthenticationResult!;
    const jwks = await (await fetch(`${cloud.endpoint}/${auth.UserPoolId}/.well-known/jwks.json`)).text();
    const identities = new CognitoIdentityClient({ endpoint: cloud.endpoint, region: 'us-east-1', credentials: anonymous });
    const { IdentityId } = await identities.send(new GetIdCommand({ IdentityPoolId: auth.IdentityPoolId }));
    before.destroy();
    identities.destroy();

    await cloud.stop();
    const restarted = await startLocalCloud({ port: 0, dataDir: cloud.dataDir });
    try {
      const after = new CognitoIdentityProviderClient({ endpoint: restarted.endpoint, region: 'us-east-1', credentials: anonymous });
      // The access token issued before the restart is still valid, and so is its session.
      expect((await after.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).UserAttributes).toContainEqual({ Name: 'email', Value: email });
      expect((await after.send(signIn())).AuthenticationResult!.IdToken).toBeDefined();
      expect(await (await fetch(`${restarted.endpoint}/${auth.UserPoolId}/.well-known/jwks.json`)).text()).toBe(jwks);
      const identitiesAfter = new CognitoIdentityClient({ endpoint: restarted.endpoint, region: 'us-east-1', credentials: anonymous });
      expect((await identitiesAfter.send(new GetCredentialsForIdentityCommand({ IdentityId }))).IdentityId).toBe(IdentityId);
      after.destroy();
      identitiesAfter.destroy();
    } finally {
      await restarted.close();
    }
  });
});

describe('adopting pools stacks hold', () => {
  it('serves, after a restart, pools deployed before the local cloud served Cognito (their Cognito data missing)', async () => {
    const cloud = await startCfnTestCloud();
    try {
      const auth = await deployAuthStack(cloud, 'older-auth');
      await cloud.stop();
      // What a data directory from before looks like: the stacks, and no Cognito data.
      const db = new BetterSqlite3(path.join(cloud.dataDir, 'local-cloud.sqlite'));
      db.pragma('foreign_keys = ON');
      db.exec('DELETE FROM cognito_user_pools; DELETE FROM cognito_identity_pools; DELETE FROM cognito_identity_role_attachments;');
      db.close();
      const restarted = await startLocalCloud({ port: 0, dataDir: cloud.dataDir });
      try {
        const app = new CognitoIdentityProviderClient({ endpoint: restarted.endpoint, region: 'us-east-1', credentials: anonymous });
        const signUp = await app.send(new SignUpCommand({ ClientId: auth.WebClientId, Username: 'ada@example.com', Password: 'ada-password1', UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }] }));
        expect(signUp.UserConfirmed).toBe(false);
        app.destroy();
        const identities = new CognitoIdentityClient({ endpoint: restarted.endpoint, region: 'us-east-1', credentials: anonymous });
        const { IdentityId } = await identities.send(new GetIdCommand({ IdentityPoolId: auth.IdentityPoolId }));
        const { Credentials } = await identities.send(new GetCredentialsForIdentityCommand({ IdentityId }));
        expect(restarted.roleSessionOf(Credentials!.AccessKeyId!)?.roleArn).toBe(auth.UnauthRoleArn);
        identities.destroy();
      } finally {
        await restarted.close();
      }
    } finally {
      fs.rmSync(cloud.dataDir, { recursive: true, force: true });
    }
  });
});

describe('TLS', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-tls-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('serves the same services over HTTPS with a certificate from the data directory CA, trusted only with that CA', async () => {
    const cloud = await startLocalCloud({ port: 0, dataDir });
    try {
      expect(cloud.httpsEndpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const ca = fs.readFileSync(cloud.caCertificate);
      expect(fs.statSync(path.join(dataDir, 'tls', 'ca-key.pem')).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dataDir, 'tls', 'server-key.pem')).mode & 0o777).toBe(0o600);
      const health = await get(`${cloud.httpsEndpoint}${HEALTH_PATH}`, ca);
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', pid: process.pid });
      const localhost = await get(`${cloud.httpsEndpoint.replace('127.0.0.1', 'localhost')}${HEALTH_PATH}`, ca);
      expect(localhost.status).toBe(200);
      await expect(get(`${cloud.httpsEndpoint}${HEALTH_PATH}`, undefined)).rejects.toMatchObject({ code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/) });
      // SDK clients work over TLS once the CA is trusted.
      const cfn = new CloudFormationClient({
        endpoint: cloud.httpsEndpoint,
        region: 'us-east-1',
        credentials: cloud.credentials,
        requestHandler: { httpsAgent: new https.Agent({ ca }) },
      });
      expect((await cfn.send(new ListStacksCommand({}))).StackSummaries).toEqual([]);
      cfn.destroy();
    } finally {
      await cloud.close();
    }
  });

  it('keeps its CA across restarts, and a CA of another data directory is not trusted', async () => {
    const first = await startLocalCloud({ port: 0, dataDir });
    const ca = fs.readFileSync(first.caCertificate, 'utf8');
    await first.close();
    const again = await startLocalCloud({ port: 0, dataDir });
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-tls-other-'));
    const other = await startLocalCloud({ port: 0, dataDir: otherDir });
    try {
      expect(fs.readFileSync(again.caCertificate, 'utf8')).toBe(ca);
      expect((await get(`${again.httpsEndpoint}${HEALTH_PATH}`, Buffer.from(ca))).status).toBe(200);
      await expect(get(`${other.httpsEndpoint}${HEALTH_PATH}`, Buffer.from(ca))).rejects.toThrow();
    } finally {
      await Promise.all([again.close(), other.close()]);
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('limits its CA to loopback names, so trusting it cannot vouch for another site', () => {
    const ca = new crypto.X509Certificate(fs.readFileSync(ensureTlsMaterial(dataDir).caCertificateFile));
    expect(ca.ca).toBe(true);
    // Name constraints: permitted subtrees only (DNS localhost, 127.0.0.0/8, ::1).
    const der = ca.raw.toString('hex');
    expect(der).toContain('551d1e');
    expect(der).toContain('82096c6f63616c686f7374');
  });
});
