import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { AmplifySandbox, DEMO_PLUGIN_DIR, GENERAL_PROVIDERS, readJson, snapshotDir } from 'amplify-test-support';

/**
 * The main job end to end, on the built binary against a local cloud started here: headless init, a third-party
 * category plugin, status, push, a no-op push, a broken push that changes nothing, env add/checkout, pull into a
 * fresh clone, env remove and delete. The steps share one project and run in order.
 */
jest.setTimeout(120_000);

describe('project lifecycle (built binary, local cloud)', () => {
  let sandbox: AmplifySandbox;
  let app: string;
  const meta = (): Record<string, Record<string, { output?: Record<string, string>; lastPushTimeStamp?: string }>> =>
    readJson(path.join(app, 'amplify', 'backend', 'amplify-meta.json'));
  const awsExports = (dir = app): string => fs.readFileSync(path.join(dir, 'src', 'aws-exports.js'), 'utf8');
  const sdkConfig = () => sandbox.sdkConfig;

  beforeAll(async () => {
    sandbox = await AmplifySandbox.start();
    app = sandbox.createApp('shop');
    const added = await sandbox.run(app, ['plugin', 'add', DEMO_PLUGIN_DIR]);
    expect(added.exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('without a TTY and without --yes, init fails at once naming the flag, and writes nothing', async () => {
    const result = await sandbox.run(app, ['init']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/--amplify/);
    expect(fs.existsSync(path.join(app, 'amplify'))).toBe(false);
  });

  test('malformed headless JSON is a one-line error naming the flag', async () => {
    const result = await sandbox.run(app, ['init', '--amplify', '{projectName:', '--yes']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(/--amplify is not valid JSON/);
    expect(fs.existsSync(path.join(app, 'amplify'))).toBe(false);
  });

  test('headless init creates the env in the cloud and the project files, without absolute paths in committed files', async () => {
    const result = await sandbox.run(app, [
      'init',
      '--amplify',
      JSON.stringify({ projectName: 'shop', envName: 'dev', defaultEditor: 'code' }),
      '--frontend',
      JSON.stringify({ frontend: 'javascript', framework: 'react' }),
      '--providers',
      GENERAL_PROVIDERS,
      '--yes',
    ]);
    expect(result.exitCode).toBe(0);
    const projectConfig = readJson(path.join(app, 'amplify', '.config', 'project-config.json'));
    expect(projectConfig).toMatchObject({ projectName: 'shop', version: '3.1', frontend: 'javascript', providers: ['awscloudformation'] });
    expect(readJson(path.join(app, 'amplify', '.config', 'local-env-info.json'))).toEqual({ envName: 'dev', defaultEditor: 'code' });
    const teamProviderInfo = readJson<Record<string, { awscloudformation: { StackName: string } }>>(path.join(app, 'amplify', 'team-provider-info.json'));
    expect(teamProviderInfo.dev.awscloudformation.StackName).toMatch(/^amplify-shop-dev-/);
    expect(readJson(path.join(app, 'amplify', 'backend', 'backend-config.json'))).toEqual({});
    expect(readJson(path.join(app, 'amplify', '#current-cloud-backend', 'amplify-meta.json'))).toHaveProperty('providers.awscloudformation.StackName');
    const gitignore = fs.readFileSync(path.join(app, '.gitignore'), 'utf8');
    expect(gitignore).toContain('#amplify-do-not-edit-begin');
    expect(gitignore).toContain('amplify/backend/amplify-meta.json');
    for (const file of ['amplify/.config/project-config.json', 'amplify/team-provider-info.json', 'amplify/backend/backend-config.json']) {
      expect(fs.readFileSync(path.join(app, file), 'utf8')).not.toContain(sandbox.root);
    }
    expect(fs.readFileSync(path.join(app, 'amplify', '.config', 'local-env-info.json'), 'utf8')).not.toContain(sandbox.root);
    expect(awsExports()).toContain('"aws_project_region": "us-east-1"');
  });

  test('pull of an env that was only initialised keeps the committed backend-config.json', async () => {
    const backendConfig = path.join(app, 'amplify', 'backend', 'backend-config.json');
    const committed = fs.readFileSync(backendConfig, 'utf8');
    const result = await sandbox.run(app, ['pull', '--yes']);
    expect(result.exitCode).toBe(0);
    expect(fs.readFileSync(backendConfig, 'utf8')).toBe(committed);
    expect(readJson(path.join(app, 'amplify', '#current-cloud-backend', 'backend-config.json'))).toEqual({});
    const status = await sandbox.run(app, ['status']);
    expect(status.exitCode).toBe(0);
    expect(status.stdout).toContain('Current Environment: dev');
  });

  test('a third-party category plugin adds resources; status shows them as Create', async () => {
    expect((await sandbox.run(app, ['add', 'demo', 'files', '--service', 'S3', '--retain'])).exitCode).toBe(0);
    expect((await sandbox.run(app, ['demo', 'add', 'items', '--service', 'DynamoDB'])).exitCode).toBe(0);
    const status = await sandbox.run(app, ['status']);
    expect(status.stdout).toContain('Current Environment: dev');
    expect(status.stdout).toMatch(/\| Demo +\| files +\| Create +\| awscloudformation/);
    expect(status.stdout).toMatch(/\| Demo +\| items +\| Create +\| awscloudformation/);
  });

  test('without a TTY and without --yes, push fails at once naming --yes and deploys nothing', async () => {
    const result = await sandbox.run(app, ['push']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('--yes');
    expect(meta().demo.files.lastPushTimeStamp).toBeUndefined();
  });

  test('push deploys, records outputs, refreshes #current-cloud-backend and writes aws-exports.js', async () => {
    const result = await sandbox.run(app, ['push', '--yes']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('All resources are updated in the cloud');
    const outputs = meta().demo;
    expect(outputs.files.output?.BucketName).toBeTruthy();
    expect(outputs.items.output?.Name).toBeTruthy();
    expect(fs.existsSync(path.join(app, 'amplify', '#current-cloud-backend', 'demo', 'files', 'files-cloudformation-template.json'))).toBe(true);
    expect(awsExports()).toContain(`"aws_user_files_s3_bucket": "${outputs.files.output?.BucketName}"`);
    expect(awsExports()).toContain(`"tableName": "${outputs.items.output?.Name}"`);
    const status = await sandbox.run(app, ['status']);
    expect(status.stdout).toMatch(/\| Demo +\| files +\| No Change/);
    expect(status.stdout).toMatch(/\| Demo +\| items +\| No Change/);
  });

  test('the generated aws-exports.js configures the real Amplify JS v6 library with the deployed outputs', async () => {
    const outputs = meta().demo;
    // Loaded as the ES module an app bundler sees, by Node itself (jest cannot import ESM), into aws-amplify v6.
    const moduleCopy = path.join(sandbox.root, 'aws-exports.mjs');
    fs.copyFileSync(path.join(app, 'src', 'aws-exports.js'), moduleCopy);
    const amplifyEntry = path.join(path.dirname(require.resolve('aws-amplify/package.json')), 'dist', 'esm', 'index.mjs');
    const script = path.join(sandbox.root, 'check-config.mjs');
    fs.writeFileSync(
      script,
      [
        `import config from ${JSON.stringify(pathToFileURL(moduleCopy).href)};`,
        `import { Amplify } from ${JSON.stringify(pathToFileURL(amplifyEntry).href)};`,
        'Amplify.configure(config);',
        'process.stdout.write(JSON.stringify(Amplify.getConfig()));',
      ].join('\n'),
    );
    const config = JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' }));
    expect(config.Storage.S3).toEqual({ bucket: outputs.files.output?.BucketName, region: 'us-east-1' });
  });

  // Its cost is measured by scripts/bench (no-op push), not here.
  test('a push with nothing to do says "No changes detected" and deploys nothing', async () => {
    const result = await sandbox.run(app, ['push', '--yes']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('No changes detected');
    expect(result.stdout).not.toContain('Updating resources');
  });

  test('amplify push <category> <resource> deploys that resource only', async () => {
    const template = path.join(app, 'amplify', 'backend', 'demo', 'items', 'items-cloudformation-template.json');
    fs.writeFileSync(template, fs.readFileSync(template, 'utf8').replace('"Value": "id"', '"Value": "identifier"'));
    const files = path.join(app, 'amplify', 'backend', 'demo', 'files', 'parameters.json');
    fs.writeFileSync(files, '{"unused":"changed"}\n');
    const result = await sandbox.run(app, ['push', 'demo', 'items', '--yes']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/\| Demo +\| items +\| Update/);
    expect(result.stdout).not.toMatch(/\| Demo +\| files/);
    expect(meta().demo.items.output?.PartitionKeyName).toBe('identifier');
    const status = await sandbox.run(app, ['status']);
    expect(status.stdout).toMatch(/\| Demo +\| items +\| No Change/);
    expect(status.stdout).toMatch(/\| Demo +\| files +\| Update/);
    fs.writeFileSync(files, '{}\n');
  });

  test('a broken template fails the push, names file, resource and property, and changes no local state; the fixed push succeeds', async () => {
    const template = path.join(app, 'amplify', 'backend', 'demo', 'files', 'files-cloudformation-template.json');
    const good = fs.readFileSync(template, 'utf8');
    const metaFile = path.join(app, 'amplify', 'backend', 'amplify-meta.json');
    const metaBefore = fs.readFileSync(metaFile);
    const cloudBefore = snapshotDir(path.join(app, 'amplify', '#current-cloud-backend'));
    fs.writeFileSync(template, good.replace('"Tags"', '"Tagz"'));

    const broken = await sandbox.run(app, ['push', '--yes']);
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain('files-cloudformation-template.json');
    expect(broken.stderr).toContain('Bucket');
    expect(broken.stderr).toContain('Tagz');
    expect(fs.readFileSync(metaFile).equals(metaBefore)).toBe(true);
    expect(snapshotDir(path.join(app, 'amplify', '#current-cloud-backend'))).toEqual(cloudBefore);

    fs.writeFileSync(template, good.replace('"Value": {\n              "Ref": "env"\n            }', '"Value": "tagged"'));
    const fixed = await sandbox.run(app, ['push', '--yes']);
    expect(fixed.exitCode).toBe(0);
    expect(fixed.stdout).toMatch(/\| Demo +\| files +\| Update/);
    expect((await sandbox.run(app, ['status'])).stdout).toMatch(/\| Demo +\| files +\| No Change/);
  });

  test('a deploy that fails in the cloud names the resource and the reason, changes no local state, and the next push succeeds', async () => {
    const template = path.join(app, 'amplify', 'backend', 'demo', 'files', 'files-cloudformation-template.json');
    const good = fs.readFileSync(template, 'utf8');
    const deploymentBucket = readJson<{ providers: { awscloudformation: { DeploymentBucketName: string } } }>(
      path.join(app, 'amplify', 'backend', 'amplify-meta.json'),
    ).providers.awscloudformation.DeploymentBucketName;
    const parsed = JSON.parse(good);
    // Valid against the specification, but the name is taken: only the cloud can refuse it.
    parsed.Resources.Bucket.Properties.BucketName = deploymentBucket;
    fs.writeFileSync(template, JSON.stringify(parsed, null, 2));
    const metaFile = path.join(app, 'amplify', 'backend', 'amplify-meta.json');
    const metaBefore = fs.readFileSync(metaFile);
    const cloudBefore = snapshotDir(path.join(app, 'amplify', '#current-cloud-backend'));

    const failed = await sandbox.run(app, ['push', '--yes']);
    expect(failed.exitCode).toBe(1);
    expect(`${failed.stdout}${failed.stderr}`).toMatch(/Bucket/);
    expect(`${failed.stdout}${failed.stderr}`).toContain(deploymentBucket);
    expect(fs.readFileSync(metaFile).equals(metaBefore)).toBe(true);
    expect(snapshotDir(path.join(app, 'amplify', '#current-cloud-backend'))).toEqual(cloudBefore);

    fs.writeFileSync(template, good);
    const status = await sandbox.run(app, ['status']);
    expect(status.stdout).toMatch(/\| Demo +\| files +\| No Change/);
    fs.writeFileSync(template, good.replace('"Value": "tagged"', '"Value": "retagged"'));
    const retried = await sandbox.run(app, ['push', '--yes']);
    expect(retried.exitCode).toBe(0);
    expect((await sandbox.run(app, ['status'])).stdout).toMatch(/\| Demo +\| files +\| No Change/);
  });

  test('env add creates a second env and pushes to it; checkout switches back', async () => {
    const devBucket = meta().demo.files.output?.BucketName;
    const add = await sandbox.run(app, ['env', 'add', '--envName', 'prod', '--providers', GENERAL_PROVIDERS, '--yes']);
    expect(add.exitCode).toBe(0);
    const prodBucket = meta().demo.files.output?.BucketName;
    expect(prodBucket).toBeTruthy();
    expect(prodBucket).not.toBe(devBucket);
    expect(awsExports()).toContain(prodBucket);

    const list = await sandbox.run(app, ['env', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual({ envs: ['dev', 'prod'] });

    const toDev = await sandbox.run(app, ['env', 'checkout', 'dev']);
    expect(toDev.exitCode).toBe(0);
    const toProd = await sandbox.run(app, ['env', 'checkout', 'prod']);
    expect(toProd.exitCode).toBe(0);
    expect(awsExports()).toContain(prodBucket);

    const checkout = await sandbox.run(app, ['env', 'checkout', 'dev']);
    expect(checkout.exitCode).toBe(0);
    expect(readJson(path.join(app, 'amplify', '.config', 'local-env-info.json'))).toMatchObject({ envName: 'dev' });
    expect(meta().demo.files.output?.BucketName).toBe(devBucket);
    expect(awsExports()).toContain(devBucket);
    const status = await sandbox.run(app, ['status']);
    expect(status.stdout).toContain('Current Environment: dev');
    expect(status.stdout).toMatch(/\| Demo +\| files +\| No Change/);
  });

  test('init in an initialised project adds an env under a new name and switches to an env under a known one', async () => {
    const stage = await sandbox.run(app, ['init', '--envName', 'stage', '--providers', GENERAL_PROVIDERS, '--yes']);
    expect(stage.exitCode).toBe(0);
    expect(readJson(path.join(app, 'amplify', '.config', 'local-env-info.json'))).toMatchObject({ envName: 'stage' });
    expect(meta().demo.items.output?.Name).toMatch(/-stage-/);

    const back = await sandbox.run(app, ['init', '--envName', 'dev', '--yes']);
    expect(back.exitCode).toBe(0);
    expect(readJson(path.join(app, 'amplify', '.config', 'local-env-info.json'))).toMatchObject({ envName: 'dev' });
    expect(meta().demo.items.output?.Name).toMatch(/-dev-/);
    expect((await sandbox.run(app, ['status'])).stdout).toMatch(/\| Demo +\| items +\| No Change/);
  });

  test('pull brings an env into a fresh clone made of the committed files only', async () => {
    execFileSync('git', ['init', '-q'], { cwd: app });
    const committed = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: app, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(committed).toContain('amplify/team-provider-info.json');
    expect(committed).not.toContain('amplify/backend/amplify-meta.json');
    expect(committed.some((file) => file.startsWith('amplify/#current-cloud-backend'))).toBe(false);
    const clone = path.join(sandbox.root, 'clone');
    for (const file of committed) {
      fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      fs.copyFileSync(path.join(app, file), path.join(clone, file));
    }
    fs.rmSync(path.join(app, '.git'), { recursive: true, force: true });

    const pull = await sandbox.run(clone, ['pull', '--envName', 'prod', '--providers', GENERAL_PROVIDERS, '--yes']);
    expect(pull.exitCode).toBe(0);
    const status = await sandbox.run(clone, ['status']);
    expect(status.stdout).toContain('Current Environment: prod');
    expect(status.stdout).toMatch(/\| Demo +\| files +\| No Change/);
    expect(status.stdout).toMatch(/\| Demo +\| items +\| No Change/);
    const cloneMeta = readJson<Record<string, Record<string, { output?: Record<string, string> }>>>(path.join(clone, 'amplify', 'backend', 'amplify-meta.json'));
    expect(awsExports(clone)).toContain(cloneMeta.demo.files.output?.BucketName);
    expect(cloneMeta.demo.files.output?.BucketName).not.toBe(meta().demo.files.output?.BucketName);

    // A local edit in the clone: env pull keeps it, env pull --restore brings back the deployed definition.
    const template = path.join(clone, 'amplify', 'backend', 'demo', 'items', 'items-cloudformation-template.json');
    const deployed = fs.readFileSync(template, 'utf8');
    fs.writeFileSync(template, deployed.replace('"PAY_PER_REQUEST"', '"PROVISIONED"'));
    expect((await sandbox.run(clone, ['env', 'pull'])).exitCode).toBe(0);
    expect((await sandbox.run(clone, ['status'])).stdout).toMatch(/\| Demo +\| items +\| Update/);
    expect((await sandbox.run(clone, ['env', 'pull', '--restore'])).exitCode).toBe(0);
    expect(fs.readFileSync(template, 'utf8')).toBe(deployed);
    expect((await sandbox.run(clone, ['status'])).stdout).toMatch(/\| Demo +\| items +\| No Change/);
  });

  test('env get, env list --details and env import record an env that exists in the cloud', async () => {
    const get = await sandbox.run(app, ['env', 'get', '--name', 'prod', '--json']);
    expect(get.exitCode).toBe(0);
    const prod = JSON.parse(get.stdout) as { awscloudformation: { StackName: string } };
    expect(prod.awscloudformation.StackName).toMatch(/-prod-/);
    expect((await sandbox.run(app, ['env', 'get'])).exitCode).toBe(1);
    const details = await sandbox.run(app, ['env', 'list', '--details']);
    expect(details.stdout).toContain(`StackName: ${prod.awscloudformation.StackName}`);

    const imported = await sandbox.run(app, [
      'env', 'import', '--name', 'copy', '--config', JSON.stringify(prod), '--awsInfo', JSON.stringify({ configLevel: 'general' }), '--yes',
    ]);
    expect(imported.exitCode).toBe(0);
    expect(readJson(path.join(app, 'amplify', 'team-provider-info.json'))).toHaveProperty('copy.awscloudformation.StackName', prod.awscloudformation.StackName);
    expect(readJson(path.join(app, 'amplify', '.config', 'local-aws-info.json'))).toHaveProperty('copy', { configLevel: 'general' });
    const malformed = await sandbox.run(app, ['env', 'import', '--name', 'bad', '--config', '{oops']);
    expect(malformed.exitCode).toBe(1);
    expect(malformed.stderr).toContain('--config is not valid JSON');
  });

  test('configure project changes the name and the frontend settings headlessly', async () => {
    const result = await sandbox.run(app, [
      'configure', 'project',
      '--amplify', JSON.stringify({ projectName: 'shopfront' }),
      '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'vue' }),
      '--providers', GENERAL_PROVIDERS,
      '--yes',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.match(/Successfully made configuration changes to your project\./g)).toHaveLength(1);
    expect(readJson(path.join(app, 'amplify', '.config', 'project-config.json'))).toMatchObject({
      projectName: 'shopfront',
      javascript: { framework: 'vue', config: { SourceDir: 'src', DistributionDir: 'dist', StartCommand: 'npm run-script serve' } },
    });
    expect(readJson(path.join(app, 'amplify', '.config', 'local-env-info.json'))).toEqual({ envName: 'dev', defaultEditor: 'code' });
  });

  test('configure project to another frontend removes the old config files and writes the new ones', async () => {
    const toAndroid = await sandbox.run(app, [
      'configure', 'project', '--frontend', JSON.stringify({ frontend: 'android', config: { ResDir: 'app/src/main/res' } }), '--providers', GENERAL_PROVIDERS, '--yes',
    ]);
    expect(toAndroid.exitCode).toBe(0);
    expect(fs.existsSync(path.join(app, 'src', 'aws-exports.js'))).toBe(false);
    const awsconfiguration = readJson<{ S3TransferUtility: { Default: { Bucket: string } } }>(path.join(app, 'app', 'src', 'main', 'res', 'raw', 'awsconfiguration.json'));
    expect(awsconfiguration.S3TransferUtility.Default.Bucket).toBe(meta().demo.files.output?.BucketName);

    const back = await sandbox.run(app, ['configure', 'project', '--frontend', JSON.stringify({ frontend: 'javascript', framework: 'react' }), '--providers', GENERAL_PROVIDERS, '--yes']);
    expect(back.exitCode).toBe(0);
    expect(fs.existsSync(path.join(app, 'app', 'src', 'main', 'res', 'raw', 'awsconfiguration.json'))).toBe(false);
    expect(awsExports()).toContain(meta().demo.files.output?.BucketName);
  });

  test('console prints the env\'s URL; run and publish exit non-zero when they cannot do their job', async () => {
    const consoleRun = await sandbox.run(app, ['console']);
    expect(consoleRun.exitCode).toBe(0);
    expect(consoleRun.stdout).toMatch(/https?:\/\//);

    const configured = await sandbox.run(app, [
      'configure', 'project',
      '--frontend', JSON.stringify({
        frontend: 'javascript',
        framework: 'react',
        config: { SourceDir: 'src', DistributionDir: 'build', BuildCommand: 'npm run-script build', StartCommand: 'node -e process.exit(3)' },
      }),
      '--providers', GENERAL_PROVIDERS,
      '--yes',
    ]);
    expect(configured.exitCode).toBe(0);
    const run = await sandbox.run(app, ['run', '--yes']);
    expect(run.stdout).toContain('No changes detected');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('node -e process.exit(3)');

    const publish = await sandbox.run(app, ['publish', '--yes']);
    expect(publish.exitCode).toBe(1);
    expect(publish.stderr).toMatch(/amplify add hosting|No hosting plugin is installed: deploy the backend with "amplify push"/);
  });

  test('env remove refuses the current env, needs --yes without a TTY, and deletes another env', async () => {
    const current = await sandbox.run(app, ['env', 'remove', 'dev', '--yes']);
    expect(current.exitCode).toBe(1);
    expect(current.stderr).toContain('current environment');
    const unconfirmed = await sandbox.run(app, ['env', 'remove', 'prod']);
    expect(unconfirmed.exitCode).toBe(1);
    expect(unconfirmed.stderr).toContain('--yes');
    const removed = await sandbox.run(app, ['env', 'remove', 'prod', '--yes']);
    expect(removed.exitCode).toBe(0);
    expect(Object.keys(readJson(path.join(app, 'amplify', 'team-provider-info.json')))).toEqual(['dev', 'stage', 'copy']);
    const stacks = await new CloudFormationClient(sdkConfig()).send(new ListStacksCommand({}));
    const live = (stacks.StackSummaries ?? []).filter((s) => s.StackStatus !== 'DELETE_COMPLETE' && s.StackName?.includes('-prod-'));
    expect(live).toEqual([]);
  });

  test('delete needs --force without a TTY, then leaves no stacks and no buckets but the retained ones', async () => {
    const retained = meta().demo.files.output?.ArchiveBucketName;
    expect(retained).toBeTruthy();
    const unconfirmed = await sandbox.run(app, ['delete']);
    expect(unconfirmed.exitCode).toBe(1);
    expect(unconfirmed.stderr).toContain('--force');
    expect(fs.existsSync(path.join(app, 'amplify'))).toBe(true);

    const deleted = await sandbox.run(app, ['delete', '--force']);
    expect(deleted.exitCode).toBe(0);
    expect(fs.existsSync(path.join(app, 'amplify'))).toBe(false);
    expect(fs.existsSync(path.join(app, 'src', 'aws-exports.js'))).toBe(false);
    const stacks = await new CloudFormationClient(sdkConfig()).send(new ListStacksCommand({}));
    expect((stacks.StackSummaries ?? []).filter((s) => s.StackStatus !== 'DELETE_COMPLETE')).toEqual([]);
    const buckets = await new S3Client(sdkConfig()).send(new ListBucketsCommand({}));
    const names = (buckets.Buckets ?? []).map((b) => b.Name);
    // The dev env's archive bucket is retained by its template; prod's went with "env remove" the same way.
    expect(names).toContain(retained);
    expect(names.every((name) => name?.includes('archivebucket'))).toBe(true);
  });
});
