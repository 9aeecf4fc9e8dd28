import type { AwsEnv } from '../../aws/aws-env';
import type { AwsTarget } from '../../aws/aws-target';
import { AwsClientFactory } from '../../aws/client-factory';
import { s3ObjectUrl } from '../template-url';

function url(target: AwsTarget, env: AwsEnv): string {
  return s3ObjectUrl(new AwsClientFactory(target, env), 'b', 'k.json');
}

describe('s3ObjectUrl', () => {
  it('uses the global S3 endpoint on AWS', () => {
    expect(s3ObjectUrl(new AwsClientFactory({ region: 'eu-west-1' }, {}), 'bucket', 'amplify-cfn-templates/api/x.json')).toBe(
      'https://s3.amazonaws.com/bucket/amplify-cfn-templates/api/x.json',
    );
  });

  it("follows the endpoint in use, explicit or from the factory's env, in path style", () => {
    expect(url({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4581/' }, { AWS_ENDPOINT_URL: 'http://other:1' })).toBe('http://127.0.0.1:4581/b/k.json');
    expect(url({ region: 'us-east-1' }, { AWS_ENDPOINT_URL: 'http://localhost:4566' })).toBe('http://localhost:4566/b/k.json');
    expect(url({ region: 'us-east-1' }, { AWS_ENDPOINT_URL: 'http://localhost:4566', AWS_ENDPOINT_URL_S3: 'http://s3.local:9000' })).toBe('http://s3.local:9000/b/k.json');
    expect(url({ region: 'us-east-1' }, { AWS_ENDPOINT_URL: 'http://localhost:4566', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })).toBe('https://s3.amazonaws.com/b/k.json');
  });

  it('does not read the endpoint from process.env', () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = 'http://process-env:1';
    try {
      expect(url({ region: 'us-east-1' }, {})).toBe('https://s3.amazonaws.com/b/k.json');
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = saved;
    }
  });
});
