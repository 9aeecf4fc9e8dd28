import type { SiteFile } from './site-files';

/** What a publish does to the bucket. */
export interface UploadPlan {
  /** New and changed files; the index document last, so a visitor never gets a page whose assets are not there yet. */
  uploads: SiteFile[];
  /** Keys in the bucket that the site no longer has. */
  deletions: string[];
  unchanged: number;
}

/**
 * Compares the site with the bucket's listing (key to ETag): a file is uploaded when its key is new or its MD5 is
 * not the object's ETag (multipart ETags, `<md5>-<parts>`, never match, so such objects are uploaded again).
 */
export function planUpload(site: SiteFile[], bucket: ReadonlyMap<string, string>, indexDocument: string): UploadPlan {
  const keys = new Set(site.map((file) => file.key));
  const changed = site.filter((file) => normaliseEtag(bucket.get(file.key)) !== file.md5);
  const uploads = [...changed.filter((file) => file.key !== indexDocument), ...changed.filter((file) => file.key === indexDocument)];
  const deletions = [...bucket.keys()].filter((key) => !keys.has(key)).sort();
  return { uploads, deletions, unchanged: site.length - changed.length };
}

function normaliseEtag(etag: string | undefined): string | undefined {
  return etag?.replace(/"/g, '').toLowerCase();
}
