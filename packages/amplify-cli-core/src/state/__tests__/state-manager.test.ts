import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject, readJson } from 'amplify-test-support';
import { AmplifyError } from '../../errors/amplify-error';
import { stateManager } from '../state-manager';

describe('stateManager', () => {
  const originalCwd = process.cwd();
  afterEach(() => {
    process.chdir(originalCwd);
    cleanupTempDirs();
  });

  it('reads and writes each project file at its place', () => {
    const root = createFixtureProject();
    const amplify = path.join(root, 'amplify');
    stateManager.setMeta(root, { providers: {} });
    stateManager.setCurrentMeta(root, { providers: { awscloudformation: { Region: 'x' } } });
    stateManager.setBackendConfig(root, { auth: {} });
    stateManager.setCurrentBackendConfig(root, {});
    stateManager.setTeamProviderInfo(root, { dev: {} });
    stateManager.setLocalEnvInfo(root, { envName: 'dev' });
    stateManager.setLocalAWSInfo(root, { dev: { configLevel: 'general' } });
    stateManager.setResourceParametersJson(root, 'auth', 'u', { a: 1 });
    expect(readJson(path.join(amplify, 'backend', 'amplify-meta.json'))).toEqual({ providers: {} });
    expect(readJson(path.join(amplify, '#current-cloud-backend', 'amplify-meta.json'))).toEqual({ providers: { awscloudformation: { Region: 'x' } } });
    expect(readJson(path.join(amplify, 'backend', 'backend-config.json'))).toEqual({ auth: {} });
    expect(readJson(path.join(amplify, '#current-cloud-backend', 'backend-config.json'))).toEqual({});
    expect(readJson(path.join(amplify, 'team-provider-info.json'))).toEqual({ dev: {} });
    expect(readJson(path.join(amplify, '.config', 'local-env-info.json'))).toEqual({ envName: 'dev' });
    expect(readJson(path.join(amplify, '.config', 'local-aws-info.json'))).toEqual({ dev: { configLevel: 'general' } });
    expect(stateManager.getResourceParametersJson(root, 'auth', 'u')).toEqual({ a: 1 });
    expect(stateManager.getResourceParametersJson(root, 'auth', 'none')).toEqual({});
    expect(stateManager.getCurrentEnvName(root)).toBe('dev');
    expect(stateManager.metaFileExists(root)).toBe(true);
  });

  it('a missing file is an error naming what to run, unless a default or throwIfNotExist: false is given', () => {
    const root = createFixtureProject();
    let error: unknown;
    try {
      stateManager.getMeta(root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmplifyError);
    expect((error as AmplifyError).code).toBe('ProjectNotInitialized');
    expect(() => stateManager.getCurrentMeta(root)).toThrow(/current-cloud-backend/);
    expect(stateManager.getMeta(root, { throwIfNotExist: false })).toBeUndefined();
    expect(stateManager.getMeta(root, { default: { providers: {} } })).toEqual({ providers: {} });
    expect(stateManager.metaFileExists(root)).toBe(false);
    expect(() => stateManager.getCurrentEnvName(root)).toThrow(expect.objectContaining({ code: 'EnvironmentNotInitialized' }));
  });

  it('finds the project from the current directory when no root is given', () => {
    const root = createFixtureProject({ meta: { providers: { awscloudformation: {} } } });
    process.chdir(path.join(root, 'amplify', 'backend'));
    expect(stateManager.getMeta()).toEqual({ providers: { awscloudformation: {} } });
    expect(stateManager.getProjectConfig().projectName).toBe('fixture');
  });

  it('reports a corrupted file with its position instead of returning a default', () => {
    const root = createFixtureProject();
    fs.writeFileSync(path.join(root, 'amplify', 'team-provider-info.json'), '{"dev": {,}}');
    expect(() => stateManager.getTeamProviderInfo(root, { default: {} })).toThrow(/team-provider-info\.json: Unexpected token "," at line 1 column 10/);
  });

  it.each([
    ['amplify-meta.json', 'backend/amplify-meta.json', 'null', /must be an object, not null/, (root: string) => stateManager.getMeta(root)],
    ['amplify-meta.json', 'backend/amplify-meta.json', '{"providers": 5}', /"providers" must be a category or "providers" \(an object\), not number 5/, (root: string) => stateManager.getMeta(root)],
    ['backend-config.json', 'backend/backend-config.json', '{"auth": {"pool": []}}', /"auth\.pool" must be a resource \(an object\), not a list/, (root: string) => stateManager.getBackendConfig(root)],
    ['team-provider-info.json', 'team-provider-info.json', '[]', /must be an object, not a list/, (root: string) => stateManager.getTeamProviderInfo(root, { default: {} })],
    ['team-provider-info.json', 'team-provider-info.json', '{"dev": null}', /"dev" must be an env \(an object\), not null/, (root: string) => stateManager.getTeamProviderInfo(root)],
    ['local-aws-info.json', '.config/local-aws-info.json', '{"dev": "general"}', /"dev" must be an env/, (root: string) => stateManager.getLocalAWSInfo(root)],
    ['project-config.json', '.config/project-config.json', 'null', /must be an object, not null/, (root: string) => stateManager.getProjectConfig(root)],
    ['project-config.json', '.config/project-config.json', '{"projectName": "a", "frontend": 5, "providers": []}', /"frontend" must be a string, not number 5/, (root: string) => stateManager.getProjectConfig(root)],
    ['project-config.json', '.config/project-config.json', '{"projectName": "a", "frontend": "ios", "providers": "x"}', /"providers" must be a list of strings/, (root: string) => stateManager.getProjectConfig(root)],
    ['local-env-info.json', '.config/local-env-info.json', '{"envName": 5}', /"envName" must be a string/, (root: string) => stateManager.getCurrentEnvName(root)],
    ['tags.json', 'backend/tags.json', '{"Key": "a"}', /must be a list of \{"Key","Value"\} tags/, (root: string) => stateManager.getProjectTags(root)],
  ])('refuses a %s of the wrong shape (%s = %s) with a one-line error naming the file', (_, rel, text, problem, read) => {
    const root = createFixtureProject();
    const file = path.join(root, 'amplify', rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    let error: unknown;
    try {
      read(root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmplifyError);
    expect((error as AmplifyError).code).toBe('InvalidProjectFile');
    expect((error as AmplifyError).message).toContain(file);
    expect((error as AmplifyError).message).toMatch(problem);
    expect((error as AmplifyError).message).not.toContain('\n');
    expect((error as AmplifyError).resolution).toBe('Fix or restore the file');
  });
});
