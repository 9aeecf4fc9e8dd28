import * as crypto from 'crypto';
import { faultPoint } from 'amplify-cli-core';
import type { S3Api } from '../aws/s3-api';

export interface Artifact {
  key: string;
  body: Uint8Array | string;
  contentType?: string;
}

export interface UploadSummary {
  uploaded: string[];
  unchanged: string[];
}

/** S3's ETag of a single-part upload is the MD5 of the body: equal ETag, equal content, nothing to send. */
export function contentMd5(body: Uint8Array | string): string {
  return crypto.createHash('md5').update(body).digest('hex');
}

/** Uploads the artifacts whose content differs from what the bucket holds, concurrently. */
export async function uploadChangedArtifacts(s3: S3Api, bucket: string, artifacts: Artifact[]): Promise<UploadSummary> {
  const summary: UploadSummary = { uploaded: [], unchanged: [] };
  await Promise.all(
    artifacts.map(async (artifact) => {
      const etag = await s3.headObjectEtag(bucket, artifact.key);
      if (etag === contentMd5(artifact.body)) {
        summary.unchanged.push(artifact.key);
        return;
      }
      await s3.putObject(bucket, artifact.key, artifact.body, artifact.contentType);
      faultPoint('push:after-artifact-upload');
      summary.uploaded.push(artifact.key);
    }),
  );
  summary.uploaded.sort();
  summary.unchanged.sort();
  return summary;
}
