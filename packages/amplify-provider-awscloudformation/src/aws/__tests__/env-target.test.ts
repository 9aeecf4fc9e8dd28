import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProjectFiles } from '../../project/project-files';
import { envTarget, envTargetForCleanup, readEnvAwsConfig } from '../env-target';
import { fixedLocalCloud } from '../local-cloud-launcher';

let projectRoot: string;
let files: ProjectFiles;
let notices: string[];
const options = {
  localCloud: fixedLocalCloud({ endpoint: 'http://127.0.0.1:4599', credentials: { accessKeyId: 'AKIAENVTARGET0000001', secretAccessKey: 'env-target-secret' } }),
  env: { AWS_REGION: 'eu-central-1' },
};

beforeEach(() => {
  projectRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-env-target-'));
  fs.mkdirSync(path.join(projectRoot, 'amplify', '.config'), { recursive: true });
  files = new ProjectFiles(projectRoot);
  files.writeLocalAwsInfo({ prod: { configLevel: 'local' } });
  notices = [];
});

afterEach(() => {
  fs.rmSync(projectRoot, { recursive: true, force: true });
});

describe('local-aws-info.json through the core state manager', () => {
  it('stores and reads the local cloud level as the core types it', () => {
    expect(JSON.parse(fs.readFileSync(path.join(projectRoot, 'amplify/.config/local-aws-info.json'), 'utf8'))).toEqual({ prod: { configLevel: 'local' } });
    expect(readEnvAwsConfig(files, 'prod')).toEqual({ configLevel: 'local' });
    expect(readEnvAwsConfig(files, 'other')).toBeUndefined();
  });

  it('still rejects an entry no CLI wrote, naming the file and the env', () => {
    fs.writeFileSync(path.join(projectRoot, 'amplify/.config/local-aws-info.json'), '{"prod":{"configLevel":"project"}}');
    expect(() => readEnvAwsConfig(files, 'prod')).toThrow(/local-aws-info.json has an invalid entry for env "prod"/);
  });
});

describe('envTargetForCleanup', () => {
  it("uses the env's own choice without a notice", async () => {
    const target = await envTargetForCleanup(files, 'prod', 'dev', (line) => notices.push(line), options);
    expect(target).toMatchObject({ endpoint: 'http://127.0.0.1:4599', local: true });
    expect(notices).toEqual([]);
  });

  it("borrows the current env's choice for an env this machine never configured, and says so", async () => {
    const target = await envTargetForCleanup(files, 'test', 'prod', (line) => notices.push(line), options);
    expect(target).toMatchObject({ endpoint: 'http://127.0.0.1:4599', local: true });
    expect(notices).toEqual(['Env "test" has no credentials configured on this machine; using those of env "prod".']);
  });

  it('falls back to the default credential chain when the current env has no choice either', async () => {
    const target = await envTargetForCleanup(files, 'test', 'dev', (line) => notices.push(line), options);
    expect(target).toEqual({ region: 'eu-central-1' });
    expect(notices).toEqual(['Env "test" has no credentials configured on this machine; using the default AWS credential chain.']);
    expect(await envTargetForCleanup(files, 'test', undefined, () => undefined, options)).toEqual({ region: 'eu-central-1' });
  });

  it('is a fallback for cleanup only: other commands still ask for the env to be configured', async () => {
    await expect(envTarget(files, 'test', options)).rejects.toMatchObject({ code: 'EnvironmentNotConfigured' });
  });
});
