import { parseS3Url } from '../template-url';

const endpoint = 'http://127.0.0.1:4581';

test.each([
  ['https://s3.amazonaws.com/my-bucket/path/to/t.json', 'my-bucket', 'path/to/t.json'],
  ['https://my-bucket.s3.amazonaws.com/t.yml', 'my-bucket', 't.yml'],
  ['https://s3.eu-west-1.amazonaws.com/my-bucket/t.json', 'my-bucket', 't.json'],
  ['https://s3-eu-west-1.amazonaws.com/my-bucket/t.json', 'my-bucket', 't.json'],
  ['https://my.dotted.bucket.s3.us-east-1.amazonaws.com/a%20b.json', 'my.dotted.bucket', 'a b.json'],
  ['http://127.0.0.1:4581/my-bucket/amplify-cfn-templates/api/x.json', 'my-bucket', 'amplify-cfn-templates/api/x.json'],
])('%s is s3://%s/%s', (url, bucket, key) => {
  expect(parseS3Url(url, endpoint)).toEqual({ bucket, key });
});

test.each(['https://example.com/b/k', 'https://s3.amazonaws.com/only-bucket', 'http://127.0.0.1:9999/b/k', 'not a url'])('%s is not a template location', (url) => {
  expect(parseS3Url(url, endpoint)).toBeUndefined();
});
