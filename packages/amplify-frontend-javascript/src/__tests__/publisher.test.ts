import * as fs from 'fs';
import * as path from 'path';
import type { AmplifyMeta, ProjectConfig } from 'amplify-cli-core';
import { makeTempDir, removeDir, testContext, writeProject } from 'amplify-test-support';
import { run } from '../index';
import { buildApp, hostingServicesOf, publishApp } from '../publisher';

const node = process.execPath;
const config = (BuildCommand: string, StartCommand = `${node} -e 0`) => ({ SourceDir: 'src', DistributionDir: 'build', BuildCommand, StartCommand });
const hostingMeta: AmplifyMeta = {
  hosting: {
    S3AndCloudFront: { service: 'S3AndCloudFront', providerPlugin: 'awscloudformation' },
    amplifyhosting: { service: 'amplifyhosting', providerPlugin: 'awscloudformation' },
  },
};

describe('publish', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir('amplify-js-publish-');
  });
  afterEach(() => removeDir(root));

  it('names "amplify add hosting" when the project has no hosting', () => {
    expect(() => hostingServicesOf({ providers: {} })).toThrow(expect.objectContaining({ code: 'HostingNotEnabled', resolution: expect.stringContaining('amplify add hosting') }));
    expect(hostingServicesOf(hostingMeta)).toEqual(['S3AndCloudFront', 'amplifyhosting']);
  });

  it('fails with the build exit code', async () => {
    await expect(buildApp(root, config(`${node} -e process.exit(3)`))).rejects.toMatchObject({
      code: 'FrontendBuildFailed',
      message: `The build command "${node} -e process.exit(3)" exited with code 3`,
    });
  });

  it('builds once, then publishes the distribution folder to each hosting service', async () => {
    const calls: Array<{ context: string; service: string; distributionDirPath: string }> = [];
    const hostingPlugin = {
      publish: async (context: string, args: { service: string; distributionDirPath: string }) => calls.push({ context, ...args }),
    };
    await publishApp({ context: 'ctx', hostingPlugin, projectPath: root, config: config(`${node} -e 0`), meta: hostingMeta });
    expect(calls).toEqual([
      { context: 'ctx', service: 'S3AndCloudFront', distributionDirPath: path.join(root, 'build') },
      { context: 'ctx', service: 'amplifyhosting', distributionDirPath: path.join(root, 'build') },
    ]);
  });

  it('publishes nothing when the build fails', async () => {
    const publish = jest.fn();
    const publishing = publishApp({ context: 'ctx', hostingPlugin: { publish }, projectPath: root, config: config(`${node} -e process.exit(1)`), meta: hostingMeta });
    await expect(publishing).rejects.toMatchObject({ code: 'FrontendBuildFailed' });
    expect(publish).not.toHaveBeenCalled();
  });

  it('says when no hosting plugin is installed', async () => {
    await expect(
      publishApp({ context: 'ctx', hostingPlugin: undefined, projectPath: root, config: config(`${node} -e 0`), meta: hostingMeta }),
    ).rejects.toMatchObject({ code: 'HostingPluginMissing' });
  });
});

describe('run', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir('amplify-js-run-');
  });
  afterEach(() => removeDir(root));

  function projectWithStart(StartCommand: string): void {
    const projectConfig: ProjectConfig = {
      projectName: 'myapp',
      version: '3.0',
      frontend: 'javascript',
      providers: ['awscloudformation'],
      javascript: { framework: 'none', config: config('unused', StartCommand) },
    };
    writeProject(root, projectConfig, {});
  }

  it('runs the start command in the project folder', async () => {
    const marker = path.join(root, 'started');
    projectWithStart(`${node} -e require("fs").writeFileSync("started","")`);
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    await run(context);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it('fails when the start command fails or cannot be found', async () => {
    projectWithStart(`${node} -e process.exit(2)`);
    const { context } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    await expect(run(context)).rejects.toMatchObject({ code: 'FrontendRunFailed', message: expect.stringContaining('exited with code 2') });
    projectWithStart('no-such-program-amplify-test --flag');
    await expect(run(context)).rejects.toMatchObject({ code: 'CommandNotFound' });
  });
});
