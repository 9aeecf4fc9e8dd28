import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createPrompter } from 'amplify-cli-core';
import { fillEnvParameters } from '../service/env-parameters';
import { cognitoDefaults } from '../service/cognito-defaults';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function project(envParameters: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-env-'));
  dirs.push(root);
  const write = (file: string, data: unknown): void => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), JSON.stringify(data));
  };
  const config = { ...cognitoDefaults('shop', 'abcd1234'), authProviders: ['graph.facebook.com'], authProvidersUserPool: ['Google'] };
  write('amplify/.config/project-config.json', { projectName: 'shop', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] });
  write('amplify/.config/local-env-info.json', { envName: 'prod' });
  write('amplify/backend/amplify-meta.json', { auth: { shopabcd1234: { service: 'Cognito', providerPlugin: 'awscloudformation' } } });
  write('amplify/backend/auth/shopabcd1234/cli-inputs.json', { version: '1', cognitoConfig: config });
  write('amplify/team-provider-info.json', { prod: { categories: { auth: { shopabcd1234: envParameters } } } });
  return root;
}

const saved = (root: string): unknown =>
  (JSON.parse(fs.readFileSync(path.join(root, 'amplify', 'team-provider-info.json'), 'utf8')) as Record<string, { categories: { auth: Record<string, unknown> } }>).prod.categories.auth.shopabcd1234;

describe('fillEnvParameters', () => {
  it('takes the missing values from --categories and keeps the present ones', async () => {
    const root = project({ facebookAppId: 'fb' });
    const filled = await fillEnvParameters(root, createPrompter({ isInteractive: () => false }), { googleAppIdUserPool: 'gid', googleAppSecretUserPool: 'gsecret' });
    expect(filled).toEqual(['googleAppIdUserPool', 'googleAppSecretUserPool']);
    expect(saved(root)).toEqual({ facebookAppId: 'fb', googleAppIdUserPool: 'gid', googleAppSecretUserPool: 'gsecret' });
  });

  it('without a terminal, a missing value fails naming the --categories keys', async () => {
    const root = project({});
    await expect(fillEnvParameters(root, createPrompter({ isInteractive: () => false }))).rejects.toMatchObject({
      code: 'NonInteractiveShell',
      resolution: expect.stringContaining('"facebookAppId"'),
    });
  });

  it('does nothing when the env has every value', async () => {
    const root = project({ facebookAppId: 'fb', googleAppIdUserPool: 'g', googleAppSecretUserPool: 's' });
    expect(await fillEnvParameters(root, createPrompter({ isInteractive: () => false }))).toEqual([]);
  });
});
