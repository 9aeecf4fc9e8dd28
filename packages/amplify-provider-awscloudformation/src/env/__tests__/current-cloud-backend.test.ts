import * as fs from 'fs';
import * as path from 'path';
import type { S3Api } from '../../aws/s3-api';
import { ProjectFiles } from '../../project/project-files';
import { downloadCurrentCloudBackend, storeCurrentCloudBackend } from '../current-cloud-backend';
import { unzipFiles } from '../zip-directory';
import { createFixtureProject } from '../../deploy/__tests__/fixture-project';

/** An in-memory bucket behind the provider's S3 seam. */
function memoryBucket(): S3Api & { objects: Map<string, Uint8Array> } {
  const objects = new Map<string, Uint8Array>();
  return {
    objects,
    putObject: async (_bucket, key, body) => void objects.set(key, typeof body === 'string' ? new TextEncoder().encode(body) : body),
    getObject: async (_bucket, key) => objects.get(key),
    headObjectEtag: async () => undefined,
    bucketExists: async () => true,
    emptyBucket: async () => objects.clear(),
    deleteBucket: async () => undefined,
  };
}

let projectRoot: string;
beforeEach(() => (projectRoot = createFixtureProject()));
afterEach(() => fs.rmSync(projectRoot, { recursive: true, force: true }));

describe('#current-cloud-backend in the deployment bucket', () => {
  it('round-trips the folder, and restores backend/ only when asked', async () => {
    const files = new ProjectFiles(projectRoot);
    const ccb = files.paths.currentCloudBackendDir;
    fs.mkdirSync(path.join(ccb, 'storage', 'images'), { recursive: true });
    fs.writeFileSync(path.join(ccb, 'storage', 'images', 'parameters.json'), '{"deployed":true}');
    fs.writeFileSync(path.join(ccb, 'backend-config.json'), '{}');
    const bucket = memoryBucket();
    await storeCurrentCloudBackend(files, bucket, 'b');
    expect([...bucket.objects.keys()].sort()).toEqual(['#current-cloud-backend.zip', 'amplify-meta.json', 'backend-config.json']);

    fs.rmSync(ccb, { recursive: true, force: true });
    expect(await downloadCurrentCloudBackend(files, bucket, 'b', false)).toBe(true);
    expect(fs.readFileSync(path.join(ccb, 'storage', 'images', 'parameters.json'), 'utf8')).toBe('{"deployed":true}');
    expect(JSON.parse(fs.readFileSync(path.join(files.paths.backendDir, 'storage', 'images', 'parameters.json'), 'utf8'))).toEqual({ bucketName: 'placeholder' });

    expect(await downloadCurrentCloudBackend(files, bucket, 'b', true)).toBe(true);
    expect(fs.readFileSync(path.join(files.paths.backendDir, 'storage', 'images', 'parameters.json'), 'utf8')).toBe('{"deployed":true}');
    // Nothing is left beside the replaced folders: no scratch folder, no staged or set-aside copy.
    expect(fs.readdirSync(files.paths.amplifyDir).filter((name) => /\.temp$|\.tmp$|\.replaced$/.test(name))).toEqual([]);
  });

  it("carries the project's cli*.json at the zip's root, where the original's pull takes its feature flags from", async () => {
    const files = new ProjectFiles(projectRoot);
    fs.mkdirSync(files.paths.currentCloudBackendDir, { recursive: true });
    fs.writeFileSync(path.join(files.paths.amplifyDir, 'cli.json'), '{"features":{}}');
    fs.writeFileSync(path.join(files.paths.amplifyDir, 'cli.dev.json'), '{}');
    const bucket = memoryBucket();
    await storeCurrentCloudBackend(files, bucket, 'b');
    const entries = unzipFiles(bucket.objects.get('#current-cloud-backend.zip')!);
    expect(new TextDecoder().decode(entries['cli.json'])).toBe('{"features":{}}');
    expect(entries).toHaveProperty(['cli.dev.json']);

    expect(await downloadCurrentCloudBackend(files, bucket, 'b', true)).toBe(true);
    expect(fs.existsSync(path.join(files.paths.currentCloudBackendDir, 'cli.json'))).toBe(false);
    expect(fs.existsSync(path.join(files.paths.backendDir, 'cli.json'))).toBe(false);
  });

  it('restoring a copy that init uploaded keeps the committed project files the copy does not have', async () => {
    // A copy from an init that uploaded the providers' meta only: nothing was ever deployed.
    const files = new ProjectFiles(projectRoot);
    const bucket = memoryBucket();
    await storeCurrentCloudBackend(files, bucket, 'b');
    const tags = JSON.stringify([{ Key: 'user:Stack', Value: '{project-env}' }]);
    fs.writeFileSync(path.join(files.paths.backendDir, 'tags.json'), tags);

    expect(await downloadCurrentCloudBackend(files, bucket, 'b', true)).toBe(true);
    const backend = files.paths.backendDir;
    expect(JSON.parse(fs.readFileSync(path.join(backend, 'backend-config.json'), 'utf8'))).toEqual({});
    expect(fs.readFileSync(path.join(backend, 'tags.json'), 'utf8')).toBe(tags);
    expect(fs.existsSync(path.join(backend, 'storage'))).toBe(false);
    expect(fs.existsSync(path.join(files.paths.currentCloudBackendDir, 'backend-config.json'))).toBe(false);
  });

  it('restoring a deployed copy takes its backend-config and tags over the local ones', async () => {
    const files = new ProjectFiles(projectRoot);
    const ccb = files.paths.currentCloudBackendDir;
    fs.writeFileSync(path.join(ccb, 'backend-config.json'), '{"deployed":{}}');
    fs.writeFileSync(path.join(ccb, 'tags.json'), '[]');
    fs.writeFileSync(path.join(files.paths.backendDir, 'tags.json'), '[{"Key":"local","Value":"x"}]');
    const bucket = memoryBucket();
    await storeCurrentCloudBackend(files, bucket, 'b');

    expect(await downloadCurrentCloudBackend(files, bucket, 'b', true)).toBe(true);
    expect(fs.readFileSync(path.join(files.paths.backendDir, 'backend-config.json'), 'utf8')).toBe('{"deployed":{}}');
    expect(fs.readFileSync(path.join(files.paths.backendDir, 'tags.json'), 'utf8')).toBe('[]');
  });

  it('leaves the folders alone for an env that was never pushed', async () => {
    const files = new ProjectFiles(projectRoot);
    const before = fs.readFileSync(path.join(files.paths.currentCloudBackendDir, 'amplify-meta.json'), 'utf8');
    expect(await downloadCurrentCloudBackend(files, memoryBucket(), 'b', true)).toBe(false);
    expect(fs.readFileSync(path.join(files.paths.currentCloudBackendDir, 'amplify-meta.json'), 'utf8')).toBe(before);
  });
});
