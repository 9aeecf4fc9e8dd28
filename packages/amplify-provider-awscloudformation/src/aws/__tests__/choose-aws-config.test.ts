import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chooseAwsConfig } from '../choose-aws-config';
import { writeProfile } from '../aws-config-files';
import { scriptedPrompter } from '../../io/__tests__/scripted-prompter';

let tmp: string;
const info = () => undefined;
/** The variables the provider reads, handed in: the process's own environment is left alone. */
let env: Record<string, string | undefined>;
let savedHome: string | undefined;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-choose-'));
  env = { AWS_SHARED_CREDENTIALS_FILE: path.join(tmp, 'credentials'), AWS_CONFIG_FILE: path.join(tmp, 'config') };
  // The amplify home belongs to the core's path manager, which reads it from the process.
  savedHome = process.env.AMPLIFY_HOME;
  process.env.AMPLIFY_HOME = path.join(tmp, 'home');
});
afterEach(() => {
  if (savedHome === undefined) delete process.env.AMPLIFY_HOME;
  else process.env.AMPLIFY_HOME = savedHome;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('chooseAwsConfig', () => {
  it('offers the local cloud first when no credentials exist at all', async () => {
    const prompter = scriptedPrompter([undefined]);
    expect(await chooseAwsConfig({ yes: false, prompter, info, env })).toEqual({ configLevel: 'local' });
    expect(prompter.asked[0].choices).toEqual(['local', 'keys']);
    expect(prompter.asked[0].flag).toContain('--providers');
  });

  it('offers profiles first when some exist, and asks which one', async () => {
    writeProfile('work', { accessKeyId: 'AKIAW', secretAccessKey: 'w', region: 'eu-west-1' }, env);
    const prompter = scriptedPrompter(['profile', 'work']);
    expect(await chooseAwsConfig({ yes: false, prompter, info, env })).toEqual({ configLevel: 'project', useProfile: true, profileName: 'work' });
    expect(prompter.asked[0].choices).toEqual(['profile', 'keys', 'local']);
  });

  it('asks for access keys and a region', async () => {
    const prompter = scriptedPrompter(['keys', 'AKIAKEYS', 'secret', 'eu-west-2']);
    expect(await chooseAwsConfig({ yes: false, prompter, info, env })).toEqual({
      configLevel: 'project',
      useProfile: false,
      accessKeyId: 'AKIAKEYS',
      secretAccessKey: 'secret',
      region: 'eu-west-2',
    });
  });

  it('takes headless input without asking, and an existing choice of this env', async () => {
    const prompter = scriptedPrompter([]);
    expect(await chooseAwsConfig({ headless: { configLevel: 'general' }, yes: false, prompter, info, env })).toEqual({ configLevel: 'general' });
    expect(await chooseAwsConfig({ existing: { configLevel: 'local' }, yes: false, prompter, info, env })).toEqual({ configLevel: 'local' });
    expect(prompter.asked).toEqual([]);
  });

  it('under --yes uses what the machine has, and fails naming --providers when it has nothing', async () => {
    const prompter = scriptedPrompter([]);
    await expect(chooseAwsConfig({ yes: true, prompter, info, env })).rejects.toMatchObject({
      code: 'CredentialsNotFound',
      resolution: expect.stringContaining('--providers'),
    });
    env.AWS_ACCESS_KEY_ID = 'AKIAENV';
    env.AWS_SECRET_ACCESS_KEY = 'e';
    expect(await chooseAwsConfig({ yes: true, prompter, info, env })).toEqual({ configLevel: 'general' });
    writeProfile('default', { accessKeyId: 'AKIAD', secretAccessKey: 'd', region: 'us-east-1' }, env);
    expect(await chooseAwsConfig({ yes: true, prompter, info, env })).toEqual({ configLevel: 'project', useProfile: true, profileName: 'default' });
    expect(prompter.asked).toEqual([]);
  });
});
