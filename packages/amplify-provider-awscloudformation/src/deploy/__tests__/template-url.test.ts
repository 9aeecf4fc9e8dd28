import { s3ObjectUrl } from '../template-url';

describe('s3ObjectUrl', () => {
  it('uses the global S3 endpoint on AWS', () => {
    expect(s3ObjectUrl({ region: 'eu-west-1' }, {}, 'bucket', 'amplify-cfn-templates/api/x.json')).toBe('https://s3.amazonaws.com/bucket/amplify-cfn-templates/api/x.json');
  });

  it('follows the endpoint in use, explicit or from the env it is given, in path style', () => {
    expect(s3ObjectUrl({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4581/' }, { AWS_ENDPOINT_URL: 'http://other:1' }, 'b', 'k.json')).toBe('http://127.0.0.1:4581/b/k.json');
    expect(s3ObjectUrl({ region: 'us-east-1' }, { AWS_ENDPOINT_URL: 'http://localhost:4566' }, 'b', 'k.json')).toBe('http://localhost:4566/b/k.json');
    const both = { AWS_ENDPOINT_URL: 'http://localhost:4566', AWS_ENDPOINT_URL_S3: 'http://s3.local:9000' };
    expect(s3ObjectUrl({ region: 'us-east-1' }, both, 'b', 'k.json')).toBe('http://s3.local:9000/b/k.json');
  });

  it('does not read the endpoint from process.env', () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = 'http://process-env:1';
    try {
      expect(s3ObjectUrl({ region: 'us-east-1' }, {}, 'b', 'k.json')).toBe('https://s3.amazonaws.com/b/k.json');
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = saved;
    }
  });
});
