import * as fs from 'fs';
import * as path from 'path';
import { AmplifySandbox } from 'amplify-test-support';

/**
 * Access keys given to init or env add are kept in ~/.amplify/awscloudformation/, one file per project and env:
 * running the command again rewrites it, and removing the env (or the whole project) removes it.
 */
jest.setTimeout(180_000);

describe('access keys files', () => {
  let sandbox: AmplifySandbox;

  beforeAll(async () => {
    sandbox = await AmplifySandbox.start();
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('are reused per project and env, and removed with the env and with the project', async () => {
    const keysDir = path.join(sandbox.home, '.amplify', 'awscloudformation');
    const keysFiles = () => (fs.existsSync(keysDir) ? fs.readdirSync(keysDir).sort() : []);
    const providers = JSON.stringify({
      awscloudformation: {
        configLevel: 'project',
        useProfile: false,
        accessKeyId: sandbox.sdkConfig.credentials.accessKeyId,
        secretAccessKey: sandbox.sdkConfig.credentials.secretAccessKey,
        region: 'us-east-1',
      },
    });
    const app = sandbox.createApp('keysapp');
    const run = async (...args: string[]) => {
      const result = await sandbox.run(app, args);
      expect({ args, stderr: result.stderr, exitCode: result.exitCode }).toEqual({ args, stderr: '', exitCode: 0 });
    };
    await run('init', '--amplify', JSON.stringify({ projectName: 'keysapp', envName: 'dev', defaultEditor: 'code' }), '--providers', providers, '--yes');
    const [devKeys] = keysFiles();
    expect(keysFiles()).toHaveLength(1);
    await run('env', 'add', '--envName', 'qa', '--providers', providers, '--yes');
    expect(keysFiles()).toHaveLength(2);
    await run('env', 'checkout', 'dev');
    await run('init', '--envName', 'dev', '--providers', providers, '--yes');
    expect(keysFiles()).toHaveLength(2);
    expect(keysFiles()).toContain(devKeys);
    await run('env', 'remove', 'qa', '--yes');
    expect(keysFiles()).toEqual([devKeys]);
    await run('delete', '--force');
    expect(keysFiles()).toEqual([]);
  });
});
