import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { resolveInside } from '../store/confined-path';
import { AMPLIFY_DIR } from '../well-known-paths';


const FILE_ID = /^[a-f0-9]{32}$/;

/** Ids of uploads and sites: made here, never from a name a caller gave. */
export const newFileId = (): string => randomBytes(16).toString('hex');

/**
 * Where uploaded deployment zips and the sites unpacked from them live: `<dataDir>/amplify/uploads/<id>.zip` and
 * `<dataDir>/amplify/sites/<id>/`, ids from `newFileId` only.
 */
export class DeploymentFiles {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, AMPLIFY_DIR);
  }

  uploadFile(uploadId: string): string {
    return resolveInside(path.join(this.root, 'uploads'), `${checkId(uploadId)}.zip`);
  }

  siteDir(siteId: string): string {
    return resolveInside(path.join(this.root, 'sites'), checkId(siteId));
  }

  /** A folder for unpacking that `commitSite` later turns into a site, or `discard` drops. */
  stagingDir(siteId: string): string {
    return resolveInside(path.join(this.root, 'staging'), checkId(siteId));
  }

  commitSite(siteId: string): void {
    fs.mkdirSync(path.join(this.root, 'sites'), { recursive: true });
    fs.renameSync(this.stagingDir(siteId), this.siteDir(siteId));
  }

  removeSite(siteId: string): void {
    fs.rmSync(this.siteDir(siteId), { recursive: true, force: true });
    fs.rmSync(this.stagingDir(siteId), { recursive: true, force: true });
  }

  /**
   * At start-up: drops what a crash left between writing files and recording them (staging folders, sites and
   * uploads no record names).
   */
  sweep(liveSites: ReadonlySet<string>, liveUploads: ReadonlySet<string>): void {
    fs.rmSync(path.join(this.root, 'staging'), { recursive: true, force: true });
    for (const entry of listDir(path.join(this.root, 'sites'))) {
      if (FILE_ID.test(entry) && !liveSites.has(entry)) this.removeSite(entry);
    }
    for (const entry of listDir(path.join(this.root, 'uploads'))) {
      const id = entry.replace(/\.zip$/, '');
      if (FILE_ID.test(id) && !liveUploads.has(id)) this.removeUpload(id);
    }
  }

  removeUpload(uploadId: string): void {
    fs.rmSync(this.uploadFile(uploadId), { force: true });
  }
}

function listDir(directory: string): string[] {
  try {
    return fs.readdirSync(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function checkId(id: string): string {
  if (!FILE_ID.test(id)) throw new Error(`Not a deployment file id: ${JSON.stringify(id)}`);
  return id;
}
