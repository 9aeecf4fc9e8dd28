import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readAuthConfig } from '../service/auth-resource';
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
});
