import { publicBucketProblems } from '../public-bucket-rule';

const website = { Site: { Type: 'AWS::S3::Bucket', Properties: { WebsiteConfiguration: { IndexDocument: 'index.html' } } } };
const distribution = { Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: {} } };
const hosting = { category: 'hosting', resourceName: 'S3AndCloudFront' };

test('only the DEV hosting template may make a bucket public', () => {
  expect(publicBucketProblems(hosting, { Resources: website }, 'template.json')).toEqual([]);
  expect(publicBucketProblems(hosting, { Resources: { ...website, ...distribution } }, 'template.json')).toEqual([
    "template.json: resource Site: makes a bucket public (WebsiteConfiguration (a website is served to anyone)); only the hosting category's DEV bucket may be public",
  ]);
  expect(publicBucketProblems({ category: 'storage', resourceName: 'S3AndCloudFront' }, { Resources: website }, 's.json')).toHaveLength(1);
  expect(publicBucketProblems({ category: 'hosting', resourceName: 'other' }, { Resources: website }, 'h.json')).toHaveLength(1);
  expect(publicBucketProblems({ category: 'storage', resourceName: 'files' }, { Resources: { B: { Type: 'AWS::S3::Bucket' } } }, 's.json')).toEqual([]);
});
