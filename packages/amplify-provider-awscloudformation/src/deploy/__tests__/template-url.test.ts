import { s3ObjectUrl } from '../template-url';

describe('s3ObjectUrl', () => {
  const saved = { all: process.env.AWS_ENDPOINT_URL, s3: process.env.AWS_ENDPOINT_URL_S3 };
  afterEach(() => {
    for (const [key, value] of [
      ['AWS_ENDPOINT_URL', saved.all],
      ['AWS_ENDPOINT_URL_S3', saved.s3],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('uses the global S3 endpoint on AWS', () => {
    delete process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_ENDPOINT_URL_S3;
    expect(s3ObjectUrl({ region: 'eu-west-1' }, 'bucket', 'amplify-cfn-templates/api/x.json')).toBe('https://s3.amazonaws.com/bucket/amplify-cfn-templates/api/x.json');
  });

  it('follows the endpoint in use, explicit or from the environment, in path style', () => {
    expect(s3ObjectUrl({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4581/' }, 'b', 'k.json')).toBe('http://127.0.0.1:4581/b/k.json');
    process.env.AWS_ENDPOINT_URL = 'http://localhost:4566';
    expect(s3ObjectUrl({ region: 'us-east-1' }, 'b', 'k.json')).toBe('http://localhost:4566/b/k.json');
    process.env.AWS_ENDPOINT_URL_S3 = 'http://s3.local:9000';
    expect(s3ObjectUrl({ region: 'us-east-1' }, 'b', 'k.json')).toBe('http://s3.local:9000/b/k.json');
  });
});
