import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject, makeTempDir, readJson } from 'amplify-test-support';
import { createPrompter } from '../../prompts/prompter';
import type { AmplifyContext } from '../amplify-context';
import { createCoreToolkit } from '../core-toolkit';
import { makeId } from '../../utils/make-id';

/** Only what the core toolkit reads from a context; the rest of gluegun's toolbox is not involved. */
function contextWith(options: Record<string, string | boolean>): AmplifyContext {
  return { input: { argv: [], options } } as unknown as AmplifyContext;
}

const providers = { awscloudformation: { Region: 'us-east-1' } };

describe('createCoreToolkit', () => {
  afterEach(cleanupTempDirs);

  function project(): string {
    return createFixtureProject({
      localEnvInfo: { envName: 'dev' },
      teamProviderInfo: { dev: { awscloudformation: { Region: 'us-east-1' } }, prod: {} },
      meta: { providers, auth: { u: { service: 'Cognito', providerPlugin: 'awscloudformation' } } },
      currentMeta: { providers },
      backendConfig: { auth: { u: { service: 'Cognito', providerPlugin: 'awscloudformation' } } },
      files: { 'backend/auth/u/template.json': '{}' },
    });
  }

  it('reads the project files of the project it finds', async () => {
    const root = project();
    const amplify = createCoreToolkit({ prompter: createPrompter({ yes: true }), searchProjectRoot: () => root });
    expect(amplify.getProjectConfig().projectName).toBe('fixture');
    expect(amplify.getEnvInfo()).toEqual({ envName: 'dev' });
    expect(amplify.getAllEnvs()).toEqual(['dev', 'prod']);
    expect(amplify.getCurrentEnvDetails()).toEqual({ awscloudformation: { Region: 'us-east-1' } });
    expect(amplify.getProjectDetails()).toMatchObject({ amplifyMeta: { providers }, backendConfig: { auth: {} } });
    const status = await amplify.getResourceStatus('auth');
    expect(status.resourcesToBeCreated.map((r) => r.resourceName)).toEqual(['u']);
  });

  it('constructExeInfo parses option values as JSON where they parse and folds -y into yes', () => {
    const root = project();
    const amplify = createCoreToolkit({ prompter: createPrompter({ yes: true }), searchProjectRoot: () => root });
    const context = contextWith({ y: true, amplify: '{"envName":"dev"}', profile: 'default' });
    const exeInfo = amplify.constructExeInfo(context);
    expect(exeInfo.inputParams).toEqual({ yes: true, amplify: { envName: 'dev' }, profile: 'default' });
    expect(exeInfo.projectConfig?.projectName).toBe('fixture');
    expect(context.exeInfo).toBe(exeInfo);
  });

  it('constructExeInfo outside a project holds only the options', () => {
    const amplify = createCoreToolkit({ prompter: createPrompter({ yes: true }), searchProjectRoot: () => undefined });
    expect(amplify.constructExeInfo(contextWith({ yes: true }))).toEqual({ inputParams: { yes: true } });
    expect(() => amplify.getProjectMeta()).toThrow('No amplify project found');
  });

  it('removeResource skips the confirmation when the command has --yes', async () => {
    const root = project();
    const amplify = createCoreToolkit({ prompter: createPrompter({ isInteractive: () => false }), searchProjectRoot: () => root });
    await amplify.removeResource(contextWith({ yes: true }), 'auth', 'u');
    expect(readJson(path.join(root, 'amplify', 'backend', 'amplify-meta.json'))).toEqual({ providers });
    expect(fs.existsSync(path.join(root, 'amplify', 'backend', 'auth', 'u'))).toBe(false);
  });

  it('removeResource takes the only resource, names it, and --yes confirms without asking', async () => {
    const root = project();
    const amplify = createCoreToolkit({ prompter: createPrompter({ isInteractive: () => false }), searchProjectRoot: () => root });
    const printed: string[] = [];
    const context = { input: { argv: [], options: { yes: true } }, print: { info: (message: string) => printed.push(message) } } as unknown as AmplifyContext;
    await expect(amplify.removeResource(context, 'auth', undefined)).resolves.toMatchObject({ resourceName: 'u' });
    expect(printed).toEqual(['Only one auth resource in this project, selecting u.']);
    expect(fs.existsSync(path.join(root, 'amplify', 'backend', 'auth', 'u'))).toBe(false);
  });

  it('removeResource confirms with Yes by default', async () => {
    const root = project();
    const amplify = createCoreToolkit({ prompter: createPrompter({ yes: true }), searchProjectRoot: () => root });
    const context = { input: { argv: [], options: {} }, print: { info: () => undefined } } as unknown as AmplifyContext;
    await amplify.removeResource(context, 'auth', 'u');
    expect(readJson(path.join(root, 'amplify', 'backend', 'amplify-meta.json'))).toEqual({ providers });
  });

  it('serviceSelectionPrompt announces an automatic pick and returns the provider plugin directory', async () => {
    const root = project();
    const amplify = createCoreToolkit({ prompter: createPrompter({ isInteractive: () => false }), searchProjectRoot: () => root });
    const printed: string[] = [];
    const context = {
      input: { argv: [] },
      print: { info: (message: string) => printed.push(message) },
      amplify: { getProviderPlugins: () => ({ awscloudformation: '/plugins/amplify-provider-awscloudformation' }) },
    } as unknown as AmplifyContext;
    await expect(
      amplify.serviceSelectionPrompt(context, 'storage', { S3: { alias: 'Content', provider: 'awscloudformation' } }),
    ).resolves.toEqual({ service: 'S3', providerName: 'awscloudformation', provider: '/plugins/amplify-provider-awscloudformation' });
    expect(printed).toEqual(['Using service: S3, provided by: awscloudformation']);
  });

  it('updateProjectConfig sets one top-level key', () => {
    const root = project();
    const amplify = createCoreToolkit({ prompter: createPrompter({ yes: true }), searchProjectRoot: () => root });
    amplify.updateProjectConfig(root, 'javascript', { framework: 'react' });
    expect(amplify.getProjectConfig().javascript).toEqual({ framework: 'react' });
  });

  it('utility functions', async () => {
    const amplify = createCoreToolkit({ prompter: createPrompter({ yes: true }), searchProjectRoot: () => undefined });
    const file = path.join(makeTempDir(), 'x', 'a.json');
    amplify.writeObjectAsJson(file, { a: 1 });
    expect(amplify.readJsonFile(file)).toEqual({ a: 1 });
    expect(await amplify.hashDir(path.dirname(file))).toMatch(/^[0-9a-f]{64}$/);
    await expect(amplify.confirmPrompt('Go?')).resolves.toBe(true);
    expect(amplify.constants.PROJECT_CONFIG_VERSION).toBe('3.1');
  });
});

describe('makeId', () => {
  it('gives lowercase alphanumeric ids of the asked length, 5 by default', () => {
    expect(makeId()).toMatch(/^[a-z0-9]{5}$/);
    expect(makeId(12)).toMatch(/^[a-z0-9]{12}$/);
    expect(new Set(Array.from({ length: 50 }, () => makeId(8))).size).toBe(50);
  });
});
