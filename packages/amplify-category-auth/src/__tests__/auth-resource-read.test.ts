import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Prompter } from 'amplify-cli-core';
import { readAuthConfig, saveAuthResource } from '../service/auth-resource';
import { cognitoDefaults } from '../service/cognito-defaults';

let root: string;
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('readAuthConfig', () => {
  it('reads a resource the original wrote without a hosted UI, which leaves the hosted-UI keys out', () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-read-'));
    const { hostedUI: _hostedUI, authProvidersUserPool: _providers, ...original } = cognitoDefaults('shop', 'abcd1234');
    const write = (file: string, data: unknown): void => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), JSON.stringify(data));
    };
    write('amplify/.config/project-config.json', { projectName: 'shop', version: '3.1', frontend: 'javascript', providers: ['awscloudformation'] });
    write('amplify/.config/local-env-info.json', { envName: 'dev' });
    write('amplify/team-provider-info.json', { dev: {} });
    write('amplify/backend/auth/shopabcd1234/cli-inputs.json', { version: '1', cognitoConfig: original });
    const { config } = readAuthConfig(root, 'shopabcd1234');
    expect(config.hostedUI).toBe(false);
    expect(config.authProvidersUserPool).toEqual([]);
    expect(config.userPoolName).toBe(original.userPoolName);
  });

  it("writes cli-inputs.json with every key of the original's headless add, which its push regenerates parameters from", async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-write-'));
    const write = (file: string, data: unknown): void => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), JSON.stringify(data));
    };
    write('amplify/.config/project-config.json', { projectName: 'shop', version: '3.1', frontend: 'javascript', providers: ['awscloudformation'] });
    write('amplify/.config/local-env-info.json', { envName: 'dev' });
    write('amplify/team-provider-info.json', { dev: {} });
    write('amplify/backend/backend-config.json', {});
    write('amplify/backend/amplify-meta.json', {});
    const config = { ...cognitoDefaults('shop', 'abcd1234'), passwordPolicyMinLength: 12 };
    await saveAuthResource(root, { config, envParameters: {} }, 'add', {} as Prompter);
    const file = path.join(root, 'amplify/backend/auth', config.resourceName, 'cli-inputs.json');
    const written = (JSON.parse(fs.readFileSync(file, 'utf8')) as { cognitoConfig: Record<string, unknown> }).cognitoConfig;
    // The cognitoConfig keys the original 14.2.2 writes for `add auth --headless` with an identity pool.
    const originalKeys = [
      'identityPoolName', 'allowUnauthenticatedIdentities', 'resourceNameTruncated', 'userPoolName', 'autoVerifiedAttributes', 'mfaConfiguration',
      'mfaTypes', 'smsAuthenticationMessage', 'smsVerificationMessage', 'emailVerificationSubject', 'emailVerificationMessage', 'defaultPasswordPolicy',
      'passwordPolicyMinLength', 'passwordPolicyCharacters', 'requiredAttributes', 'aliasAttributes', 'userpoolClientGenerateSecret',
      'userpoolClientRefreshTokenValidity', 'userpoolClientWriteAttributes', 'userpoolClientReadAttributes', 'userpoolClientLambdaRole',
      'userpoolClientSetAttributes', 'sharedId', 'resourceName', 'authSelections', 'serviceName', 'usernameAttributes', 'useDefault', 'userPoolGroups',
      'userPoolGroupList', 'adminQueries', 'thirdPartyAuth', 'authProviders', 'usernameCaseSensitive', 'useEnabledMfas',
    ];
    expect(Object.keys(written)).toEqual(expect.arrayContaining(originalKeys));
    expect(written).toMatchObject({ userpoolClientLambdaRole: 'shopabcd1234_userpoolclient_lambda_role', defaultPasswordPolicy: true });

    // Read back, derived keys are dropped so the next write recomputes them from the answers.
    const { config: read } = readAuthConfig(root, config.resourceName);
    expect(read).not.toHaveProperty('defaultPasswordPolicy');
    expect(read).toEqual(config);
  });
});
