import { DeleteObjectsCommand, HeadObjectCommand, ListObjectVersionsCommand, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { useTestCloud } from '../../__tests__/test-cloud';

const Bucket = 'versions-bucket';
const t = useTestCloud({ buckets: [Bucket] });

beforeAll(async () => {
  for (const Key of ['studio-backend/a.json', 'studio-backend/b.json', 'studio-backend/c.json', 'other/x.txt']) {
    await t.s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
  }
});

describe('S3 object versions (buckets whose versioning was never enabled)', () => {
  it('lists every object as its one null version, latest, with its ETag and size', async () => {
    const page = await t.s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: 'studio-backend' }));
    expect(page.Name).toBe(Bucket);
    expect(page.IsTruncated).toBe(false);
    expect(page.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest, v.Size])).toEqual([
      ['studio-backend/a.json', 'null', true, 21],
      ['studio-backend/b.json', 'null', true, 21],
      ['studio-backend/c.json', 'null', true, 21],
    ]);
    expect(page.Versions?.[0].ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(page.DeleteMarkers).toBeUndefined();
  });

  it('pages with key markers', async () => {
    const first = await t.s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: 'studio-backend/', MaxKeys: 2 }));
    expect(first.IsTruncated).toBe(true);
    expect(first.NextKeyMarker).toBe('studio-backend/b.json');
    expect(first.NextVersionIdMarker).toBe('null');
    const second = await t.s3.send(
      new ListObjectVersionsCommand({ Bucket, Prefix: 'studio-backend/', MaxKeys: 2, KeyMarker: first.NextKeyMarker, VersionIdMarker: first.NextVersionIdMarker }),
    );
    expect(second.IsTruncated).toBe(false);
    expect(second.Versions?.map((v) => v.Key)).toEqual(['studio-backend/c.json']);
  });

  it('rolls keys into CommonPrefixes with a delimiter', async () => {
    const page = await t.s3.send(new ListObjectVersionsCommand({ Bucket, Delimiter: '/' }));
    expect(page.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['other/', 'studio-backend/']);
    expect(page.Versions).toBeUndefined();
  });

  it('refuses a version-id marker without a key marker, as S3 does', async () => {
    const error = (await t.s3.send(new ListObjectVersionsCommand({ Bucket, VersionIdMarker: 'null' })).catch((e: unknown) => e)) as S3ServiceException;
    expect(error.name).toBe('InvalidArgument');
  });

  it('deletes the null versions DeleteObjects names and reports other version ids as NoSuchVersion', async () => {
    const result = await t.s3.send(
      new DeleteObjectsCommand({
        Bucket,
        Delete: { Objects: [{ Key: 'other/x.txt', VersionId: 'null' }, { Key: 'studio-backend/a.json', VersionId: '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY' }] },
      }),
    );
    expect(result.Deleted).toEqual([{ Key: 'other/x.txt', VersionId: 'null' }]);
    expect(result.Errors).toEqual([{ Key: 'studio-backend/a.json', VersionId: '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY', Code: 'NoSuchVersion', Message: 'The specified version does not exist.' }]);
    const gone = (await t.s3.send(new HeadObjectCommand({ Bucket, Key: 'other/x.txt' })).catch((e: unknown) => e)) as S3ServiceException;
    expect(gone.$metadata.httpStatusCode).toBe(404);
    await expect(t.s3.send(new HeadObjectCommand({ Bucket, Key: 'studio-backend/a.json' }))).resolves.toBeDefined();
  });
});
