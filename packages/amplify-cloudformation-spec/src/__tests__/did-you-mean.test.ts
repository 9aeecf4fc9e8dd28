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
  });
});
