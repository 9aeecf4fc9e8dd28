import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, writePackage } from 'amplify-test-support';
import { runCli } from '../../cli';
import { fakeEnvironment, FakeMachine, makeFakeMachine, RunOptions } from '../../__tests__/helpers/fixtures';

afterEach(cleanupTempDirs);

async function amplify(machine: FakeMachine, args: string[], options: RunOptions = {}) {
  const run = fakeEnvironment(machine, args, options);
  const code = await runCli(run.environment);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/**
 * A provider that records its calls in `<project>/calls.jsonl` and deploys by writing outputs into the meta. With
 * a `fail-push` marker it first scribbles over amplify-meta.json and then fails, as a provider failing halfway would.
 */
function installPlugins(machine: FakeMachine): void {
  writePackage(machine.globalNodeModules, 'amplify-provider-fakecloud', {
    manifest: { name: 'fakecloud', type: 'provider' },
    files: {
      'index.js': `
const fs = require('fs');
const path = require('path');
const root = (context) => context.session.environment.cwd;
const record = (context, entry) => fs.appendFileSync(path.join(root(context), 'calls.jsonl'), JSON.stringify(entry) + '\\n');
const metaFile = (context) => path.join(root(context), 'amplify', 'backend', 'amplify-meta.json');
module.exports = {
  async init(context) {
    const env = context.exeInfo.localEnvInfo.envName;
    context.exeInfo.awsConfigInfo = { configLevel: 'general' };
    const outputs = { StackName: 'stack-' + env };
    context.exeInfo.teamProviderInfo[env] = { fakecloud: outputs };
    context.exeInfo.amplifyMeta = { providers: { fakecloud: outputs } };
  },
  async onInitSuccessful() {},
  async pushResources(context, status) {
    record(context, { call: 'pushResources', created: status.resourcesToBeCreated.map((r) => r.resourceName), updated: status.resourcesToBeUpdated.map((r) => r.resourceName), deleted: status.resourcesToBeDeleted.map((r) => r.resourceName) });
    if (fs.existsSync(path.join(root(context), 'fail-push'))) {
      fs.writeFileSync(metaFile(context), '{"half":"written"}');
      throw new Error('UPDATE_ROLLBACK_COMPLETE: Bucket failed');
    }
    const meta = JSON.parse(fs.readFileSync(metaFile(context), 'utf8'));
    for (const r of [...status.resourcesToBeCreated, ...status.resourcesToBeUpdated]) meta[r.category][r.resourceName].output = { Name: r.resourceName + '-deployed' };
    fs.writeFileSync(metaFile(context), JSON.stringify(meta));
    // Without the marker it returns nothing, as providers written for the original do.
    if (fs.existsSync(path.join(root(context), 'cloud-matches'))) return { type: 'no-changes', outputs: {} };
  },
  async storeCurrentCloudBackend(context) {
    record(context, { call: 'storeCurrentCloudBackend' });
    if (fs.existsSync(path.join(root(context), 'bucket-down'))) throw new Error('PutObject: connect ECONNREFUSED');
  },
  // What the cloud did with an interrupted push: the 'cloud-state' marker says deployed, not-deployed or down.
  async completeInterruptedPush(context, part) {
    record(context, { call: 'completeInterruptedPush', part });
    const marker = path.join(root(context), 'cloud-state');
    const state = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : 'not-deployed';
    if (state === 'down') throw new Error('connect ECONNREFUSED 127.0.0.1:4581');
    if (state === 'deployed') {
      const meta = JSON.parse(fs.readFileSync(metaFile(context), 'utf8'));
      meta.storage.photos.output = { Name: 'photos-deployed' };
      fs.writeFileSync(metaFile(context), JSON.stringify(meta));
    }
    return { type: state };
  },
  // A provider written before syncCurrentCloudBackend existed has none (a 'no-sync' marker beside this file).
  get providerUtils() {
    return fs.existsSync(path.join(__dirname, 'no-sync')) ? undefined : syncUtils;
  },
};
const syncUtils = {
  // Another machine pushed a new photos template: the cloud copy brought down differs from this machine's.
  async syncCurrentCloudBackend(context) {
    record(context, { call: 'syncCurrentCloudBackend' });
    const cloud = path.join(root(context), 'amplify', '#current-cloud-backend', 'storage', 'photos');
    if (!fs.existsSync(cloud)) return false;
    fs.writeFileSync(path.join(cloud, 'photos-template.json'), '{"Resources":{"Other":{}}}');
    const cloudMetaFile = path.join(root(context), 'amplify', '#current-cloud-backend', 'amplify-meta.json');
    const cloudMeta = JSON.parse(fs.readFileSync(cloudMetaFile, 'utf8'));
    cloudMeta.storage.photos.lastPushDirHash = 'hash-of-the-other-machines-folder';
    fs.writeFileSync(cloudMetaFile, JSON.stringify(cloudMeta));
    return true;
  },
};`
    },
  });
  writePackage(machine.globalNodeModules, 'amplify-frontend-fakeweb', {
    manifest: { name: 'fakeweb', type: 'frontend' },
    files: {
      'index.js': `
const fs = require('fs');
const path = require('path');
module.exports = {
  scanProject: () => 50,
  async init(context) { context.exeInfo.projectConfig.fakeweb = {}; },
  async onInitSuccessful() {},
  async createFrontendConfigs(context, outputs) {
    fs.appendFileSync(path.join(context.session.environment.cwd, 'calls.jsonl'), JSON.stringify({ call: 'createFrontendConfigs', services: Object.keys(outputs.serviceResourceMapping) }) + '\\n');
  },
};`,
    },
  });
}

function calls(machine: FakeMachine): Array<Record<string, unknown>> {
  const file = path.join(machine.cwd, 'calls.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) : [];
}

/** An initialised project with one resource added through the core's accessor layout. */
async function projectWithResource(machine: FakeMachine): Promise<void> {
  installPlugins(machine);
  expect((await amplify(machine, ['init', '--amplify', '{"projectName":"myapp","envName":"dev","defaultEditor":"vim"}', '--yes'])).code).toBe(0);
  const backend = path.join(machine.cwd, 'amplify', 'backend');
  fs.mkdirSync(path.join(backend, 'storage', 'photos'), { recursive: true });
  fs.writeFileSync(path.join(backend, 'storage', 'photos', 'photos-template.json'), '{"Resources":{}}');
  const meta = JSON.parse(fs.readFileSync(path.join(backend, 'amplify-meta.json'), 'utf8'));
  meta.storage = { photos: { service: 'S3', providerPlugin: 'fakecloud' } };
  fs.writeFileSync(path.join(backend, 'amplify-meta.json'), JSON.stringify(meta));
  fs.writeFileSync(path.join(backend, 'backend-config.json'), JSON.stringify({ storage: { photos: { service: 'S3', providerPlugin: 'fakecloud' } } }));
  // Init already generated the frontend config once; the tests look at the push's calls only.
  fs.rmSync(path.join(machine.cwd, 'calls.jsonl'), { force: true });
}

const journalFile = (machine: FakeMachine) => path.join(machine.cwd, 'amplify', '.config', 'local-push-journal.json');

/** The journal a push of storage/photos leaves when it is killed after the provider started its deploy. */
function interruptedPush(machine: FakeMachine): void {
  const journal = { version: 1, startedAt: '2026-01-01T00:00:00.000Z', envName: 'dev', pushed: [{ category: 'storage', resourceName: 'photos' }], deleted: [], providers: { fakecloud: { token: 't1' } } };
  fs.writeFileSync(journalFile(machine), JSON.stringify(journal));
}

describe('a push interrupted after it began deploying (in-process, fake provider)', () => {
  test('deployed in the cloud: the next status records it everywhere before it answers', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    interruptedPush(machine);
    fs.writeFileSync(path.join(machine.cwd, 'cloud-state'), 'deployed');
    const result = await amplify(machine, ['status']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('⚠ The push of 2026-01-01T00:00:00.000Z (storage photos) was interrupted after its deploy; it is now recorded locally and in the cloud.\n');
    expect(result.stdout).toMatch(/\| Storage +\| photos +\| No Change/);
    expect(calls(machine)).toEqual([
      { call: 'completeInterruptedPush', part: { token: 't1' } },
      { call: 'storeCurrentCloudBackend' },
      { call: 'createFrontendConfigs', services: expect.any(Array) },
    ]);
    expect(fs.existsSync(journalFile(machine))).toBe(false);
    const cloudMeta = JSON.parse(fs.readFileSync(path.join(machine.cwd, 'amplify', '#current-cloud-backend', 'amplify-meta.json'), 'utf8'));
    expect(cloudMeta.storage.photos).toMatchObject({ output: { Name: 'photos-deployed' }, lastPushTimeStamp: expect.any(String) });
  });

  test('never taken by the cloud: the journal is dropped and the resource is still to be created', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    interruptedPush(machine);
    const result = await amplify(machine, ['status']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('was interrupted before the cloud took it; nothing of it is deployed');
    expect(result.stdout).toMatch(/\| Storage +\| photos +\| Create/);
    expect(calls(machine).map((c) => c.call)).toEqual(['completeInterruptedPush']);
    expect(fs.existsSync(journalFile(machine))).toBe(false);
  });

  test('the cloud unreachable: status says what it cannot know and answers, push refuses, the journal stays', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    interruptedPush(machine);
    fs.writeFileSync(path.join(machine.cwd, 'cloud-state'), 'down');
    const status = await amplify(machine, ['status']);
    expect(status.code).toBe(0);
    expect(status.stderr).toContain('was interrupted and cannot be settled now: Plugin "fakecloud" (amplify-provider-fakecloud@1.0.0) failed in completeInterruptedPush: connect ECONNREFUSED');
    expect(status.stderr).toContain('storage photos may be deployed or not, whatever the table below says');
    const push = await amplify(machine, ['push', '--yes']);
    expect(push.code).toBe(1);
    expect(push.stderr).toMatch(/^✖ The push of .* was interrupted and cannot be settled now: .*\n  Run the command again when the cloud is reachable/);
    expect(calls(machine).map((c) => c.call)).toEqual(['completeInterruptedPush', 'completeInterruptedPush']);
    expect(fs.existsSync(journalFile(machine))).toBe(true);

    fs.writeFileSync(path.join(machine.cwd, 'cloud-state'), 'deployed');
    expect((await amplify(machine, ['push', '--yes'])).stdout).toContain('No changes detected');
  });

  test('a category command that changes the project settles it first, so its edit is not recorded as deployed', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    writePackage(machine.globalNodeModules, 'amplify-category-storage', {
      manifest: { name: 'storage', type: 'category', commands: ['update'] },
      files: {
        'index.js': `
const fs = require('fs');
const path = require('path');
module.exports = {
  async executeAmplifyCommand(context) {
    const cwd = context.session.environment.cwd;
    fs.appendFileSync(path.join(cwd, 'calls.jsonl'), JSON.stringify({ call: 'storage update' }) + '\\n');
    fs.writeFileSync(path.join(cwd, 'amplify', 'backend', 'storage', 'photos', 'photos-template.json'), '{"Resources":{"Edited":{}}}');
  },
};`,
      },
    });
    interruptedPush(machine);
    fs.writeFileSync(path.join(machine.cwd, 'cloud-state'), 'deployed');
    expect((await amplify(machine, ['storage', 'update'])).code).toBe(0);
    expect(calls(machine).map((c) => c.call)).toEqual(['completeInterruptedPush', 'storeCurrentCloudBackend', 'createFrontendConfigs', 'storage update']);
    expect((await amplify(machine, ['status'])).stdout).toMatch(/\| Storage +\| photos +\| Update/);
  });

  test('deployed, but its records cannot all be written now: the journal stays and the next command finishes them', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    interruptedPush(machine);
    fs.writeFileSync(path.join(machine.cwd, 'cloud-state'), 'deployed');
    fs.writeFileSync(path.join(machine.cwd, 'bucket-down'), '');
    const status = await amplify(machine, ['status']);
    expect(status.code).toBe(0);
    expect(status.stderr).toContain('was interrupted and cannot be settled now: Plugin "fakecloud" (amplify-provider-fakecloud@1.0.0) failed in storeCurrentCloudBackend');
    expect(fs.existsSync(journalFile(machine))).toBe(true);

    fs.rmSync(path.join(machine.cwd, 'bucket-down'));
    const again = await amplify(machine, ['status']);
    expect(again.stderr).toContain('was interrupted after its deploy; it is now recorded');
    expect(again.stdout).toMatch(/\| Storage +\| photos +\| No Change/);
    expect(fs.existsSync(journalFile(machine))).toBe(false);
  });

  test('a push still running in another process is reported by status and left alone', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    interruptedPush(machine);
    fs.writeFileSync(path.join(machine.cwd, 'amplify', '.config', '.lock'), JSON.stringify({ pid: process.pid, command: 'push', startedAt: new Date().toISOString() }));
    const result = await amplify(machine, ['status']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`is still running (pid ${process.pid}, "amplify push")`);
    expect(calls(machine)).toEqual([]);
    expect(fs.existsSync(journalFile(machine))).toBe(true);
  });
});

describe('amplify push (in-process, fake provider)', () => {
  test('deploys, stamps the meta, refreshes #current-cloud-backend, uploads it and regenerates the frontend config', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    const result = await amplify(machine, ['push', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls(machine).map((c) => c.call)).toEqual(['pushResources', 'storeCurrentCloudBackend', 'createFrontendConfigs']);
    expect(calls(machine)[0]).toMatchObject({ created: ['photos'], updated: [], deleted: [] });
    const meta = JSON.parse(fs.readFileSync(path.join(machine.cwd, 'amplify', 'backend', 'amplify-meta.json'), 'utf8'));
    expect(meta.storage.photos.output).toEqual({ Name: 'photos-deployed' });
    expect(meta.storage.photos.lastPushTimeStamp).toEqual(expect.any(String));
    const cloud = path.join(machine.cwd, 'amplify', '#current-cloud-backend');
    expect(fs.readFileSync(path.join(cloud, 'storage', 'photos', 'photos-template.json'), 'utf8')).toBe('{"Resources":{}}');
    expect(JSON.parse(fs.readFileSync(path.join(cloud, 'amplify-meta.json'), 'utf8'))).toEqual(meta);

    const again = await amplify(machine, ['push', '--yes']);
    expect(again.stdout).toContain('No changes detected');
    expect(calls(machine)).toHaveLength(3);
  });

  test('a provider failure restores amplify-meta.json byte for byte and leaves #current-cloud-backend alone', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    const metaFile = path.join(machine.cwd, 'amplify', 'backend', 'amplify-meta.json');
    const metaBefore = fs.readFileSync(metaFile);
    const cloudMetaBefore = fs.readFileSync(path.join(machine.cwd, 'amplify', '#current-cloud-backend', 'amplify-meta.json'));
    fs.writeFileSync(path.join(machine.cwd, 'fail-push'), '');
    const result = await amplify(machine, ['push', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('UPDATE_ROLLBACK_COMPLETE: Bucket failed');
    expect(fs.readFileSync(metaFile).equals(metaBefore)).toBe(true);
    expect(fs.readFileSync(path.join(machine.cwd, 'amplify', '#current-cloud-backend', 'amplify-meta.json')).equals(cloudMetaBefore)).toBe(true);
    expect(fs.existsSync(path.join(machine.cwd, 'amplify', '#current-cloud-backend', 'storage'))).toBe(false);
    expect(fs.existsSync(path.join(machine.cwd, 'amplify', '.config', '.lock'))).toBe(false);
    // The cloud was asked whether the deploy took effect all the same; it did not, so nothing is left to settle.
    expect(calls(machine).map((c) => c.call)).toEqual(['pushResources', 'completeInterruptedPush']);
    expect(fs.existsSync(journalFile(machine))).toBe(false);

    fs.rmSync(path.join(machine.cwd, 'fail-push'));
    expect((await amplify(machine, ['push', '--yes'])).code).toBe(0);
  });

  test('a truncated cli-inputs.json stops the push with its name before any plugin runs or any file changes', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    const inputs = path.join(machine.cwd, 'amplify', 'backend', 'storage', 'photos', 'cli-inputs.json');
    fs.writeFileSync(inputs, '{"resourceName": "pho');
    const metaBefore = fs.readFileSync(path.join(machine.cwd, 'amplify', 'backend', 'amplify-meta.json'));
    const result = await amplify(machine, ['push', '--yes']);
    expect(result.code).toBe(1);
    const relative = 'amplify/backend/storage/photos/cli-inputs.json';
    expect(result.stderr).toBe(`✖ ${relative}: Unexpected end of JSON input at line 1 column 22\n  Restore it (git checkout -- "${relative}") or fix it, then push again\n`);
    expect(calls(machine)).toEqual([]);
    expect(fs.readFileSync(path.join(machine.cwd, 'amplify', 'backend', 'amplify-meta.json')).equals(metaBefore)).toBe(true);
    expect(fs.existsSync(path.join(machine.cwd, 'amplify', '#current-cloud-backend', 'storage'))).toBe(false);
    expect(fs.existsSync(journalFile(machine))).toBe(false);
  });

  test('a resource removed locally is deleted: the provider is told and the cloud copy forgets it', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    expect((await amplify(machine, ['push', '--yes'])).code).toBe(0);
    const backend = path.join(machine.cwd, 'amplify', 'backend');
    const meta = JSON.parse(fs.readFileSync(path.join(backend, 'amplify-meta.json'), 'utf8'));
    delete meta.storage;
    fs.writeFileSync(path.join(backend, 'amplify-meta.json'), JSON.stringify(meta));
    fs.rmSync(path.join(backend, 'storage'), { recursive: true });
    const result = await amplify(machine, ['push', '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\| Storage +\| photos +\| Delete/);
    expect(calls(machine)[3]).toMatchObject({ created: [], deleted: ['photos'] });
    const cloud = path.join(machine.cwd, 'amplify', '#current-cloud-backend');
    expect(JSON.parse(fs.readFileSync(path.join(cloud, 'amplify-meta.json'), 'utf8')).storage).toBeUndefined();
    expect(fs.existsSync(path.join(cloud, 'storage', 'photos'))).toBe(false);
  });

  test.each([
    [['push', 'storge', '--yes'], 'No resource in category "storge" of this project'],
    [['push', 'storage', 'photo', '--yes'], 'No resource "photo" in category "storage" of this project'],
  ])('amplify %j names a category or resource that does not exist instead of reporting no changes', async (args, message) => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    const result = await amplify(machine, args);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`✖ ${message}\n  Run "amplify status" to see the project's resources (names are case-sensitive)\n`);
    expect(calls(machine)).toEqual([]);
  });

  test('without --yes and without a TTY it fails at once naming --yes and calls no plugin', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    const noTty = await amplify(machine, ['push']);
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toContain('Pass --yes');
    expect(calls(machine)).toEqual([]);
  });

  test('pushFromPlugin runs the same push filtered to a category, for plugins that push through the toolkit', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    const adapter = path.resolve(__dirname, '..', 'push', 'push-from-plugin.ts');
    writePackage(machine.globalNodeModules, 'amplify-category-storage', {
      manifest: { name: 'storage', type: 'category', commands: ['push'] },
      files: {
        'index.js': `
module.exports = {
  async executeAmplifyCommand(context) {
    const deployed = await require(${JSON.stringify(adapter)}).pushFromPlugin(context, 'storage', context.input.subCommands && context.input.subCommands[0]);
    require('fs').appendFileSync(require('path').join(context.session.environment.cwd, 'deployed.txt'), deployed + '\\n');
  },
};`,
      },
    });
    const result = await amplify(machine, ['storage', 'push', 'photos', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls(machine)[0]).toMatchObject({ call: 'pushResources', created: ['photos'] });
    expect(result.stdout).toContain('All resources are updated in the cloud');
    expect(fs.readFileSync(path.join(machine.cwd, 'deployed.txt'), 'utf8')).toBe('true\n');

    // A forced push the provider reports as changing nothing in the cloud is not "deployed" for the plugin.
    fs.writeFileSync(path.join(machine.cwd, 'cloud-matches'), '');
    const forced = await amplify(machine, ['storage', 'push', 'photos', '--yes', '--force']);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(machine.cwd, 'deployed.txt'), 'utf8')).toBe('true\nfalse\n');
  });

  test('a provider reporting no changes in the cloud still refreshes the local records, and the push says nothing was deployed', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    expect((await amplify(machine, ['push', '--yes'])).stdout).not.toContain('nothing needed deploying');
    fs.writeFileSync(path.join(machine.cwd, 'cloud-matches'), '');
    const forced = await amplify(machine, ['push', '--yes', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('The cloud already matched the local backend: nothing needed deploying.');
    expect(forced.stdout).toContain('All resources are updated in the cloud');
    expect(calls(machine).map((c) => c.call)).toEqual([
      'pushResources',
      'storeCurrentCloudBackend',
      'createFrontendConfigs',
      'pushResources',
      'storeCurrentCloudBackend',
      'createFrontendConfigs',
    ]);
  });

  test('--sync fetches the deployed backend before the status: a change pushed elsewhere is seen and pushed over', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    const firstSync = await amplify(machine, ['push', '--yes', '--sync']);
    expect(firstSync.code).toBe(0);
    expect(firstSync.stdout).toContain('Fetching updates to backend environment dev from the cloud.');
    expect(firstSync.stdout).toContain('Env "dev" has no deployed copy in fakecloud yet');
    expect(calls(machine).map((c) => c.call).slice(0, 2)).toEqual(['syncCurrentCloudBackend', 'pushResources']);

    const withoutSync = await amplify(machine, ['push', '--yes']);
    expect(withoutSync.stdout).toContain('No changes detected');
    const callsBefore = calls(machine).length;
    const synced = await amplify(machine, ['push', '--yes', '--sync']);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(/\| Storage +\| photos +\| Update/);
    expect(calls(machine).slice(callsBefore).map((c) => c.call)).toEqual(['syncCurrentCloudBackend', 'pushResources', 'storeCurrentCloudBackend', 'createFrontendConfigs']);
    const cloudTemplate = path.join(machine.cwd, 'amplify', '#current-cloud-backend', 'storage', 'photos', 'photos-template.json');
    expect(fs.readFileSync(cloudTemplate, 'utf8')).toBe('{"Resources":{}}');
  });

  test('--sync with no provider able to fetch the deployed backend fails naming the alternatives, and pushes nothing', async () => {
    const machine = makeFakeMachine();
    await projectWithResource(machine);
    fs.writeFileSync(path.join(machine.globalNodeModules, 'amplify-provider-fakecloud', 'no-sync'), '');
    const result = await amplify(machine, ['push', '--yes', '--sync']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No provider of this project (fakecloud) can fetch the deployed backend');
    expect(result.stderr).toContain('without --sync');
    expect(calls(machine)).toEqual([]);
  });
});
