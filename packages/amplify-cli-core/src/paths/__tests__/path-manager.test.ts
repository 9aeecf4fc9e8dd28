import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject, makeTempDir } from 'amplify-test-support';
import { AmplifyError } from '../../errors/amplify-error';
import { pathManager } from '../path-manager';

describe('pathManager', () => {
  const originalCwd = process.cwd();
  const originalHome = process.env.AMPLIFY_HOME;

  afterEach(() => {
    process.chdir(originalCwd);
    if (originalHome === undefined) delete process.env.AMPLIFY_HOME;
    else process.env.AMPLIFY_HOME = originalHome;
    cleanupTempDirs();
  });

  it('finds the project root from a nested folder', () => {
    const root = createFixtureProject();
    const nested = path.join(root, 'src', 'components');
    fs.mkdirSync(nested, { recursive: true });
    expect(pathManager.searchProjectRootPath(nested)).toBe(root);
  });

  it('searches from the current directory by default', () => {
    const root = createFixtureProject();
    process.chdir(path.join(root, 'amplify'));
    expect(fs.realpathSync(pathManager.searchProjectRootPath()!)).toBe(fs.realpathSync(root));
  });

  it('does not take a folder named amplify without .config for a project', () => {
    const dir = makeTempDir();
    fs.mkdirSync(path.join(dir, 'amplify', 'backend'), { recursive: true });
    expect(pathManager.searchProjectRootPath(dir)).toBeUndefined();
  });

  it('findProjectRoot outside a project throws ProjectNotInitialized naming init and pull', () => {
    const dir = makeTempDir();
    process.chdir(dir);
    let error: unknown;
    try {
      pathManager.findProjectRoot();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmplifyError);
    expect((error as AmplifyError).code).toBe('ProjectNotInitialized');
    expect((error as AmplifyError).resolution).toMatch(/amplify init.*amplify pull/);
    expect(() => pathManager.getAmplifyMetaFilePath()).toThrow(AmplifyError);
  });

  it('builds every project file path from a given root', () => {
    const root = '/p';
    expect(pathManager.getAmplifyDirPath(root)).toBe(path.join('/p', 'amplify'));
    expect(pathManager.getDotConfigDirPath(root)).toBe(path.join('/p', 'amplify', '.config'));
    expect(pathManager.getBackendDirPath(root)).toBe(path.join('/p', 'amplify', 'backend'));
    expect(pathManager.getCurrentCloudBackendDirPath(root)).toBe(path.join('/p', 'amplify', '#current-cloud-backend'));
    expect(pathManager.getGitIgnoreFilePath(root)).toBe(path.join('/p', '.gitignore'));
    expect(pathManager.getProjectConfigFilePath(root)).toBe(path.join('/p', 'amplify', '.config', 'project-config.json'));
    expect(pathManager.getLocalEnvFilePath(root)).toBe(path.join('/p', 'amplify', '.config', 'local-env-info.json'));
    expect(pathManager.getLocalAWSInfoFilePath(root)).toBe(path.join('/p', 'amplify', '.config', 'local-aws-info.json'));
    expect(pathManager.getTeamProviderInfoFilePath(root)).toBe(path.join('/p', 'amplify', 'team-provider-info.json'));
    expect(pathManager.getProviderInfoFilePath(root)).toBe(pathManager.getTeamProviderInfoFilePath(root));
    expect(pathManager.getBackendConfigFilePath(root)).toBe(path.join('/p', 'amplify', 'backend', 'backend-config.json'));
    expect(pathManager.getCurrentBackendConfigFilePath(root)).toBe(
      path.join('/p', 'amplify', '#current-cloud-backend', 'backend-config.json'),
    );
    expect(pathManager.getAmplifyMetaFilePath(root)).toBe(path.join('/p', 'amplify', 'backend', 'amplify-meta.json'));
    expect(pathManager.getCurrentAmplifyMetaFilePath(root)).toBe(
      path.join('/p', 'amplify', '#current-cloud-backend', 'amplify-meta.json'),
    );
    expect(pathManager.getCurentAmplifyMetaFilePath(root)).toBe(pathManager.getCurrentAmplifyMetaFilePath(root));
    expect(pathManager.getResourceDirectoryPath(root, 'auth', 'cognito1')).toBe(
      path.join('/p', 'amplify', 'backend', 'auth', 'cognito1'),
    );
  });

  it('resolves paths of the project found from the current directory when no root is given', () => {
    const root = fs.realpathSync(createFixtureProject());
    process.chdir(root);
    expect(pathManager.getAmplifyMetaFilePath()).toBe(path.join(root, 'amplify', 'backend', 'amplify-meta.json'));
  });

  it('puts the home .amplify folder under AMPLIFY_HOME when set, read at call time', () => {
    delete process.env.AMPLIFY_HOME;
    expect(pathManager.getHomeDotAmplifyDirPath()).toBe(path.join(os.homedir(), '.amplify'));
    const dir = makeTempDir();
    process.env.AMPLIFY_HOME = dir;
    expect(pathManager.getHomeDotAmplifyDirPath()).toBe(dir);
  });
});
