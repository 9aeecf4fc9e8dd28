import type { AwsEnv } from '../aws/aws-env';
import type { AwsTarget } from '../aws/aws-target';

/**
 * The base of the URLs CloudFormation reads nested templates from: AWS's global S3 endpoint, or the S3 endpoint
 * in use (the local cloud, or `AWS_ENDPOINT_URL[_S3]` for an AWS-compatible endpoint) in path style.
 */
export function s3UrlBase(target: AwsTarget, env: AwsEnv): string {
  const endpoint = target.endpoint ?? env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  return (endpoint ?? 'https://s3.amazonaws.com').replace(/\/+$/, '');
}

export function s3ObjectUrl(target: AwsTarget, env: AwsEnv, bucket: string, key: string): string {
  return `${s3UrlBase(target, env)}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
