import { didYouMean, editDistance } from '../did-you-mean';

describe('didYouMean', () => {
  const properties = ['BucketName', 'BucketEncryption', 'Tags', 'VersioningConfiguration', 'WebsiteConfiguration'];

  it('suggests the closest candidate for a typo', () => {
    expect(didYouMean('BuketName', properties)).toBe('BucketName');
    expect(didYouMean('VersionningConfiguration', properties)).toBe('VersioningConfiguration');
    expect(didYouMean('Tgas', properties)).toBe('Tags');
  });

  it('prefers a candidate differing only in case', () => {
    expect(didYouMean('bucketname', properties)).toBe('BucketName');
  });

  it('suggests nothing when no candidate is plausibly meant', () => {
    expect(didYouMean('Handler', properties)).toBeUndefined();
    expect(didYouMean('X', [])).toBeUndefined();
    expect(didYouMean('p', ['A', 'B'])).toBeUndefined();
    expect(didYouMean('ab', ['ac'])).toBe('ac');
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('tags', 'tgas')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('status', 'stauts')).toBe(1);
    expect(editDistance('list', 'lsit')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests CLI commands only for plausible typos, the alphabetically first of equally close ones', () => {
    expect(didYouMean('pul', ['push', 'pull', 'status'])).toBe('pull');
    expect(didYouMean('categroy', ['category', 'status'])).toBe('category');
    expect(didYouMean('deploy', ['push', 'status'])).toBeUndefined();
    expect(didYouMean('cat', ['hat', 'bat'])).toBe('bat');
    expect(didYouMean('cat', ['bat', 'hat'])).toBe('bat');
  });
});
