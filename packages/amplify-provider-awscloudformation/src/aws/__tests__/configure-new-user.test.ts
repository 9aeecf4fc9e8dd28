import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { configureNewUser } from '../configure-new-user';
import { profileRegion } from '../aws-config-files';
import { scriptedPrompter } from '../../io/__tests__/scripted-prompter';

let tmp: string;
/** The AWS config file locations, handed in: the process's own environment is left alone. */
let env: Record<string, string>;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-new-user-'));
  env = { AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, '.aws', 'credentials'), AWS_CONFIG_FILE: path.join(tmp, '.aws', 'config') };
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('configureNewUser', () => {
  it('walks through the IAM user creation and ends with an owner-only profile', async () => {
    const lines: string[] = [];
    const prompter = scriptedPrompter([undefined, 'eu-west-1', undefined, undefined, 'AKIANEWUSER', 'new-secret', 'amplify-dev']);
    expect(await configureNewUser(prompter, (line) => lines.push(line), true, env)).toBe('amplify-dev');
    expect(prompter.asked.map((q) => q.message)).toEqual([
      'Press Enter to continue',
      'Specify the AWS Region',
      'Specify the username of the new IAM user:',
      'Press Enter to continue',
      'accessKeyId:',
      'secretAccessKey:',
      'Profile Name:',
    ]);
    const consoleLink = lines.find((line) => line.includes('/iam/home'));
    expect(consoleLink).toMatch(/region=eu-west-1.*userNames=amplify-[a-z0-9]{5}&/);
    const credentials = fs.readFileSync(env.AWS_SHARED_CREDENTIALS_FILE, 'utf8');
    expect(credentials).toContain('[amplify-dev]\naws_access_key_id = AKIANEWUSER\naws_secret_access_key = new-secret');
    expect(fs.statSync(env.AWS_SHARED_CREDENTIALS_FILE).mode & 0o777).toBe(0o600);
    expect(profileRegion('amplify-dev', env)).toBe('eu-west-1');
    expect(lines).toContain('Successfully set up the new user.');
  });

  it('without a person to answer, refuses before printing anything, naming aws configure and --providers', async () => {
    const lines: string[] = [];
    const prompter = scriptedPrompter([]);
    await expect(configureNewUser(prompter, (line) => lines.push(line), false, env)).rejects.toMatchObject({
      code: 'NonInteractiveShell',
      resolution: expect.stringMatching(/aws configure --profile <name>.*--providers/),
    });
    expect(lines).toEqual([]);
    expect(prompter.asked).toEqual([]);
    expect(fs.existsSync(env.AWS_SHARED_CREDENTIALS_FILE)).toBe(false);
  });
});
