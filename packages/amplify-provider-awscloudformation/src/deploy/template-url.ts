import type { AwsClientFactory } from '../aws/client-factory';

/**
 * The base of the URLs CloudFormation reads nested templates from: AWS's global S3 endpoint, or the S3 endpoint
 * in use (the local cloud, or `AWS_ENDPOINT_URL[_S3]` for an AWS-compatible endpoint) in path style.
 */
export function s3UrlBase(factory: Pick<AwsClientFactory, 'endpointFor'>): string {
  return (factory.endpointFor('S3') ?? 'https://s3.amazonaws.com').replace(/\/+$/, '');
}

export function s3ObjectUrl(factory: Pick<AwsClientFactory, 'endpointFor'>, bucket: string, key: string): string {
  return `${s3UrlBase(factory)}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
