import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAwsConfigInput } from '../aws-config-info';
import { listProfiles, setIniValues, writeProfile } from '../aws-config-files';
import { newUserCheck, persistAwsConfig, readKeysFile, removeAwsConfig, resolveAwsTarget } from '../credentials';
import { fixedLocalCloud } from '../local-cloud-launcher';
import type { AwsTarget } from '../aws-target';

let tmp: string;
/** The variables the provider reads, handed in: the process's own environment is left alone. */
let env: Record<string, string | undefined>;
let savedHome: string | undefined;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-credentials-'));
  env = { AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, 'aws', 'credentials'), AWS_CONFIG_FILE: path.join(tmp, 'aws', 'config') };
  // The amplify home belongs to the core's path manager, which reads it from the process.
  savedHome = process.env.AMPLIFY_HOME;
  process.env.AMPLIFY_HOME = path.join(tmp, 'amplify-home');
});

afterEach(() => {
  if (savedHome === undefined) delete process.env.AMPLIFY_HOME;
  else process.env.AMPLIFY_HOME = savedHome;
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function credentialsOf(target: AwsTarget): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const credentials = target.credentials;
  if (!credentials) throw new Error('no credentials');
  return typeof credentials === 'function' ? credentials() : credentials;
}

describe('parseAwsConfigInput (headless --providers)', () => {
  it('accepts the original shapes and the local cloud', () => {
    expect(parseAwsConfigInput({ configLevel: 'project', useProfile: true, profileName: 'dev' })).toEqual({ configLevel: 'project', useProfile: true, profileName: 'dev' });
    expect(parseAwsConfigInput({ configLevel: 'general' })).toEqual({ configLevel: 'general' });
    expect(parseAwsConfigInput({ configLevel: 'local' })).toEqual({ configLevel: 'local' });
    expect(parseAwsConfigInput({ useProfile: false, accessKeyId: 'AKIA1', secretAccessKey: 's', region: 'eu-west-1' })).toEqual({
      configLevel: 'project',
      useProfile: false,
      accessKeyId: 'AKIA1',
      secretAccessKey: 's',
      region: 'eu-west-1',
    });
  });

  it('rejects incomplete blocks with the original message', () => {
    expect(() => parseAwsConfigInput({ configLevel: 'project', useProfile: true })).toThrow('Error in the command line parameter for awscloudformation configuration');
    expect(() => parseAwsConfigInput({ configLevel: 'project', useProfile: false, accessKeyId: 'a' })).toThrow(/useProfile is false but secretAccessKey, region are missing/);
    expect(() => parseAwsConfigInput({ useProfile: false, accessKeyId: '<YOUR_ACCESS_KEY_ID>', secretAccessKey: 's', region: 'us-east-1' })).toThrow(/placeholders/);
    expect(() => parseAwsConfigInput('profile')).toThrow(/JSON object/);
  });

  it.each([
    [{ configLevel: 'bogus' }, /configLevel must be "project", "general" or "local", not "bogus"/],
    [{ configLevel: null }, /configLevel must be .*, not null/],
    [{ configLevel: 'project', useProfile: 'yes', profileName: 'default' }, /useProfile must be true or false, not "yes"/],
    [{ useProfile: 1 }, /useProfile must be true or false, not 1/],
    [{ useProfile: true, profileName: 7 }, /profileName must be a profile name, not 7/],
    [{ useProfile: false, accessKeyId: 'AKIA1', secretAccessKey: 's', region: 'mars-1' }, /region "mars-1" is not an AWS region/],
    [{ useProfile: false, accessKeyId: 'AKIA1', secretAccessKey: 's', region: 'US-EAST-1' }, /region "US-EAST-1" is not an AWS region/],
  ])('names the field of %j', (block, message) => {
    expect(() => parseAwsConfigInput(block)).toThrow(message);
  });
});

describe('access keys given at init', () => {
  const OWNER = { projectRoot: '/work/shop', envName: 'dev' };
  const keys = (accessKeyId: string) => ({ configLevel: 'project' as const, useProfile: false as const, accessKeyId, secretAccessKey: 'secret', region: 'us-east-1' });
  const keysFiles = () => fs.readdirSync(path.join(tmp, 'amplify-home', 'awscloudformation'));

  it('keep one file per project and env, rewritten by init or env add again', () => {
    const first = persistAwsConfig(keys('AKIAFIRST'), OWNER);
    const again = persistAwsConfig(keys('AKIAAGAIN'), OWNER);
    expect(again).toEqual(first);
    expect(keysFiles()).toHaveLength(1);
    if (again.configLevel !== 'project' || again.useProfile) throw new Error('expected a keys file entry');
    expect(readKeysFile(again.awsConfigFilePath).accessKeyId).toBe('AKIAAGAIN');
    persistAwsConfig(keys('AKIAPROD'), { ...OWNER, envName: 'prod' });
    persistAwsConfig(keys('AKIAOTHER'), { ...OWNER, projectRoot: '/work/other' });
    expect(keysFiles()).toHaveLength(3);
  });

  it('are stored outside the project, owner-only, and read back', () => {
    const info = persistAwsConfig({ configLevel: 'project', useProfile: false, accessKeyId: 'AKIAKEYS', secretAccessKey: 'secret', region: 'eu-central-1' }, OWNER);
    if (info.configLevel !== 'project' || info.useProfile) throw new Error('expected a keys file entry');
    expect(path.dirname(info.awsConfigFilePath)).toBe(path.join(tmp, 'amplify-home', 'awscloudformation'));
    expect(fs.statSync(info.awsConfigFilePath).mode & 0o777).toBe(0o600);
    expect(readKeysFile(info.awsConfigFilePath)).toEqual({ accessKeyId: 'AKIAKEYS', secretAccessKey: 'secret', region: 'eu-central-1' });
    removeAwsConfig(info);
    expect(fs.existsSync(info.awsConfigFilePath)).toBe(false);
  });

  it('resolve to static credentials and the stored region', async () => {
    const info = persistAwsConfig({ configLevel: 'project', useProfile: false, accessKeyId: 'AKIAKEYS', secretAccessKey: 'secret', region: 'ap-south-1' }, OWNER);
    const target = await resolveAwsTarget(info, { env });
    expect(target.region).toBe('ap-south-1');
    expect(await credentialsOf(target)).toEqual({ accessKeyId: 'AKIAKEYS', secretAccessKey: 'secret' });
  });

  it('are found under the current amplify home when the stored path moved', async () => {
    const info = persistAwsConfig({ configLevel: 'project', useProfile: false, accessKeyId: 'AKIAKEYS', secretAccessKey: 'secret', region: 'ap-south-1' }, OWNER);
    if (info.configLevel !== 'project' || info.useProfile) throw new Error('expected a keys file entry');
    const moved = { ...info, awsConfigFilePath: path.join('/old/home/.amplify/awscloudformation', path.basename(info.awsConfigFilePath)) };
    expect((await resolveAwsTarget(moved, { env })).region).toBe('ap-south-1');
  });

  it('fail with a fix when the file is gone', async () => {
    await expect(resolveAwsTarget({ configLevel: 'project', useProfile: false, awsConfigFilePath: path.join(tmp, 'nope') }, { env })).rejects.toThrow(/amplify configure project|missing/);
  });
});

describe('profiles', () => {
  it('are written to both files owner-only, keeping other sections', () => {
    fs.mkdirSync(path.join(tmp, 'aws'));
    fs.writeFileSync(env.AWS_CONFIG_FILE!, '[profile sso]\nsso_start_url = https://example.awsapps.com/start\nregion = us-west-2\n');
    writeProfile('work', { accessKeyId: 'AKIAWORK', secretAccessKey: 'w', region: 'eu-west-3' }, env);
    writeProfile('default', { accessKeyId: 'AKIADEF', secretAccessKey: 'd', region: 'us-east-2' }, env);
    expect(fs.statSync(env.AWS_SHARED_CREDENTIALS_FILE!).mode & 0o777).toBe(0o600);
    expect(fs.statSync(env.AWS_CONFIG_FILE!).mode & 0o777).toBe(0o600);
    const config = fs.readFileSync(env.AWS_CONFIG_FILE!, 'utf8');
    expect(config).toContain('[profile sso]');
    expect(config).toContain('[profile work]\nregion = eu-west-3');
    expect(config).toContain('[default]\nregion = us-east-2');
    expect(listProfiles(env)).toEqual(['default', 'sso', 'work']);
  });

  it('resolve through the SDK (static keys) with the profile region', async () => {
    writeProfile('work', { accessKeyId: 'AKIAWORK', secretAccessKey: 'w', region: 'eu-west-3' }, env);
    const target = await resolveAwsTarget({ configLevel: 'project', useProfile: true, profileName: 'work' }, { env });
    expect(target.region).toBe('eu-west-3');
    expect(await credentialsOf(target)).toMatchObject({ accessKeyId: 'AKIAWORK', secretAccessKey: 'w' });
  });

  it('resolve credential_process profiles that exist only in the config file', async () => {
    fs.mkdirSync(path.join(tmp, 'aws'));
    const script = path.join(tmp, 'creds.js');
    fs.writeFileSync(script, 'process.stdout.write(JSON.stringify({Version:1,AccessKeyId:"AKIAPROC",SecretAccessKey:"p"}))');
    fs.writeFileSync(env.AWS_CONFIG_FILE!, `[profile proc]\nregion = sa-east-1\ncredential_process = ${process.execPath} ${script}\n`);
    const target = await resolveAwsTarget({ configLevel: 'project', useProfile: true, profileName: 'proc' }, { env });
    expect(target.region).toBe('sa-east-1');
    expect(await credentialsOf(target)).toMatchObject({ accessKeyId: 'AKIAPROC', secretAccessKey: 'p' });
  });

  it('fail with a fix when the profile does not exist', async () => {
    await expect(resolveAwsTarget({ configLevel: 'project', useProfile: true, profileName: 'ghost' }, { env })).rejects.toThrow(/"ghost" is not in/);
  });
});

describe('general and local levels', () => {
  it('general leaves credentials to the SDK chain and takes the region from the environment', async () => {
    env.AMAZON_REGION = 'ca-central-1';
    expect(await resolveAwsTarget({ configLevel: 'general' }, { env })).toEqual({ region: 'ca-central-1' });
    env.AWS_REGION = 'eu-north-1';
    expect((await resolveAwsTarget({ configLevel: 'general' }, { env })).region).toBe('eu-north-1');
  });

  it('general fails naming the fix when no region is known', async () => {
    await expect(resolveAwsTarget({ configLevel: 'general' }, { env })).rejects.toThrow(/No AWS region/);
  });

  it("local points at the local cloud with that instance's credentials in us-east-1", async () => {
    const credentials = { accessKeyId: 'AKIAINSTANCE00000001', secretAccessKey: 'instance-secret' };
    const target = await resolveAwsTarget({ configLevel: 'local' }, { localCloud: fixedLocalCloud({ endpoint: 'http://127.0.0.1:4999', credentials }), env });
    expect(target).toEqual({ region: 'us-east-1', credentials, endpoint: 'http://127.0.0.1:4999', local: true });
  });
});

describe('newUserCheck', () => {
  it('reports where credentials are, in the original order', () => {
    expect(newUserCheck(undefined, env)).toBe('none');
    env.AWS_ACCESS_KEY_ID = 'AKIAENV';
    env.AWS_SECRET_ACCESS_KEY = 'e';
    expect(newUserCheck(undefined, env)).toBe('envVar');
    writeProfile('default', { accessKeyId: 'AKIADEF', secretAccessKey: 'd', region: 'us-east-2' }, env);
    expect(newUserCheck(undefined, env)).toBe('system');
    writeProfile('work', { accessKeyId: 'AKIAWORK', secretAccessKey: 'w', region: 'eu-west-3' }, env);
    expect(newUserCheck(undefined, env)).toBe('profile-available');
    expect(newUserCheck({ configLevel: 'project', useProfile: true, profileName: 'work' }, env)).toBe('project');
    expect(newUserCheck({ configLevel: 'local' }, env)).toBe('project');
  });
});

describe('setIniValues', () => {
  it('updates keys in place and keeps comments, other sections and other keys', () => {
    const before = '# my settings\n[default]\nregion = us-east-1\noutput = json\n\n[profile work]\n; sso\nsso_session = corp\n';
    expect(setIniValues(before, 'default', { region: 'eu-west-1', cli_pager: '' })).toBe(
      '# my settings\n[default]\nregion = eu-west-1\noutput = json\ncli_pager = \n\n[profile work]\n; sso\nsso_session = corp\n',
    );
    expect(setIniValues(before, 'profile new', { region: 'ap-south-1' })).toBe(`${before}\n[profile new]\nregion = ap-south-1\n`);
    expect(setIniValues('', 'default', { region: 'us-east-2' })).toBe('[default]\nregion = us-east-2\n');
  });
});
