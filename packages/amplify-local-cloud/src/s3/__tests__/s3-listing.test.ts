import {
  DeleteObjectsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { useTestCloud } from '../../__tests__/test-cloud';

const Bucket = 'listing-bucket';
/** 1,205 keys: more than one page of 1,000, spread over folders for the delimiter cases. */
const KEYS = [
  ...Array.from({ length: 1100 }, (_, i) => `many/item-${String(i).padStart(4, '0')}`),
  ...Array.from({ length: 100 }, (_, i) => `photos/${2020 + (i % 5)}/p${i}.jpg`),
  'photos/readme.txt',
  'root-a.txt',
  'root-b.txt',
  'with space/x.txt',
  'z+plus.txt',
];

const t = useTestCloud({ buckets: [Bucket] });
beforeAll(async () => {
  // Concurrency of 50 keeps set-up short without flooding the server.
  for (let i = 0; i < KEYS.length; i += 50) {
    await Promise.all(KEYS.slice(i, i + 50).map((Key) => t.s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }))));
  }
}, 120000);

const sorted = [...KEYS].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe('S3 listings', () => {
  it('pages ListObjectsV2 across more than 1,000 keys with continuation tokens, in byte order', async () => {
    const first = await t.s3.send(new ListObjectsV2Command({ Bucket }));
    expect(first.KeyCount).toBe(1000);
    expect(first.IsTruncated).toBe(true);
    expect(first.NextContinuationToken).toBeTruthy();
    const keys: string[] = [];
    let pages = 0;
    for await (const page of paginateListObjectsV2({ client: t.s3 }, { Bucket })) {
      pages += 1;
      keys.push(...(page.Contents ?? []).map((c) => c.Key as string));
    }
    expect(pages).toBe(2);
    expect(keys).toEqual(sorted);
  });

  it('honours max-keys and start-after', async () => {
    const page = await t.s3.send(new ListObjectsV2Command({ Bucket, MaxKeys: 3, StartAfter: 'many/item-0997' }));
    expect(page.Contents?.map((c) => c.Key)).toEqual(['many/item-0998', 'many/item-0999', 'many/item-1000']);
    expect(page.IsTruncated).toBe(true);
    expect(page.StartAfter).toBe('many/item-0997');
  });

  it('rolls keys up into CommonPrefixes with a delimiter and pages through prefixes', async () => {
    const top = await t.s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/' }));
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['many/', 'photos/', 'with space/']);
    expect(top.Contents?.map((c) => c.Key)).toEqual(['root-a.txt', 'root-b.txt', 'z+plus.txt']);
    expect(top.KeyCount).toBe(6);

    const years = await t.s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'photos/', Delimiter: '/' }));
    expect(years.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['photos/2020/', 'photos/2021/', 'photos/2022/', 'photos/2023/', 'photos/2024/']);
    expect(years.Contents?.map((c) => c.Key)).toEqual(['photos/readme.txt']);

    const seen: string[] = [];
    for await (const page of paginateListObjectsV2({ client: t.s3, pageSize: 2 }, { Bucket, Prefix: 'photos/', Delimiter: '/' })) {
      expect((page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0)).toBeLessThanOrEqual(2);
      seen.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix as string), ...(page.Contents ?? []).map((c) => c.Key as string));
    }
    expect(seen.sort()).toEqual([...(years.CommonPrefixes ?? []).map((p) => p.Prefix), 'photos/readme.txt'].sort());
  });

  it('url-encodes keys with encoding-type=url', async () => {
    const client = t.s3With({});
    // The SDK does not decode url-encoded keys, so the raw encoding is visible.
    const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: 'with space/', EncodingType: 'url' }));
    expect(page.Contents?.map((c) => c.Key)).toEqual(['with+space/x.txt']);
    expect(page.EncodingType).toBe('url');
    const plus = await client.send(new ListObjectsV2Command({ Bucket, Prefix: 'z', EncodingType: 'url' }));
    expect(plus.Contents?.map((c) => c.Key)).toEqual(['z%2Bplus.txt']);
  });

  it('lists with ListObjects v1, markers and NextMarker', async () => {
    const page = await t.s3.send(new ListObjectsCommand({ Bucket, Prefix: 'many/', MaxKeys: 2, Marker: 'many/item-0001' }));
    expect(page.Contents?.map((c) => c.Key)).toEqual(['many/item-0002', 'many/item-0003']);
    expect(page.IsTruncated).toBe(true);
    expect(page.Contents?.[0].Owner?.DisplayName).toBe('local');
    const delimited = await t.s3.send(new ListObjectsCommand({ Bucket, Delimiter: '/', MaxKeys: 1 }));
    expect(delimited.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['many/']);
    expect(delimited.NextMarker).toBe('many/');
    const next = await t.s3.send(new ListObjectsCommand({ Bucket, Delimiter: '/', MaxKeys: 1, Marker: delimited.NextMarker }));
    expect(next.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['photos/']);
  });

  it('stops listing deleted keys', async () => {
    await t.s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'root-a.txt' }, { Key: 'root-b.txt' }] } }));
    const top = await t.s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/' }));
    expect(top.Contents?.map((c) => c.Key)).toEqual(['z+plus.txt']);
  });
});
