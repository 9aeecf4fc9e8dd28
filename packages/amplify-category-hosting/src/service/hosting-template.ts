import { defaultCloudFront, type CloudFrontSettings, type CustomErrorResponse, type HostingConfig } from './hosting-config';

type Json = Record<string, unknown>;

const ORIGIN_ID = 'hostingS3Bucket';
const getAtt = (resource: string, attribute: string): Json => ({ 'Fn::GetAtt': [resource, attribute] });
const join = (parts: unknown[]): Json => ({ 'Fn::Join': ['', parts] });

/**
 * The hosting stack (`template.json`), the original's resources and outputs. DEV: the bucket is a website that
 * anyone may read (the only public bucket a project may have). PROD: the bucket blocks every public access and
 * only the distribution's origin access identity reads it.
 */
export function hostingTemplate(config: HostingConfig): Json {
  const dev = config.environment === 'DEV';
  const bucketProperties: Json = {
    BucketName: { 'Fn::If': ['ShouldNotCreateEnvResources', { Ref: 'bucketName' }, join([{ Ref: 'bucketName' }, '-', { Ref: 'env' }])] },
    ...(dev ? { WebsiteConfiguration: { IndexDocument: config.indexDocument, ErrorDocument: config.errorDocument } } : {}),
    CorsConfiguration: {
      CorsRules: [{ AllowedHeaders: ['Authorization', 'Content-Length'], AllowedMethods: ['GET'], AllowedOrigins: ['*'], MaxAge: 3000 }],
    },
    // A website's objects must be readable by anyone; a distribution's origin by nobody else.
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: !dev, RestrictPublicBuckets: !dev },
  };
  const resources: Json = {
    S3Bucket: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Retain', Properties: bucketProperties },
  };
  const outputs: Json = {
    Region: { Value: { Ref: 'AWS::Region' } },
    HostingBucketName: { Description: 'Hosting bucket name', Value: { Ref: 'S3Bucket' } },
    S3BucketSecureURL: { Value: join(['https://', getAtt('S3Bucket', 'DomainName')]), Description: 'Name of S3 bucket to hold website content' },
  };
  if (dev) {
    resources.PublicReadPolicy = {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: 'S3Bucket' },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Sid: 'PublicReadForWebsite', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: join(['arn:aws:s3:::', { Ref: 'S3Bucket' }, '/*']) }],
        },
      },
    };
    outputs.WebsiteURL = { Value: getAtt('S3Bucket', 'WebsiteURL'), Description: 'URL for website hosted on S3' };
  } else {
    Object.assign(resources, cloudFrontResources(config.cloudFront));
    Object.assign(outputs, {
      CloudFrontDistributionID: { Value: { Ref: 'CloudFrontDistribution' } },
      CloudFrontDomainName: { Value: getAtt('CloudFrontDistribution', 'DomainName') },
      CloudFrontSecureURL: { Value: join(['https://', getAtt('CloudFrontDistribution', 'DomainName')]) },
      CloudFrontOriginAccessIdentity: { Value: { Ref: 'OriginAccessIdentity' } },
    });
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Hosting resource stack creation using Amplify CLI',
    Parameters: { env: { Type: 'String' }, bucketName: { Type: 'String' } },
    Conditions: { ShouldNotCreateEnvResources: { 'Fn::Equals': [{ Ref: 'env' }, 'NONE'] } },
    Resources: resources,
    Outputs: outputs,
  };
}

function cloudFrontResources(settings: CloudFrontSettings): Json {
  return {
    OriginAccessIdentity: {
      Type: 'AWS::CloudFront::CloudFrontOriginAccessIdentity',
      Properties: { CloudFrontOriginAccessIdentityConfig: { Comment: 'CloudFrontOriginAccessIdentityConfig' } },
    },
    PrivateBucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      DependsOn: 'OriginAccessIdentity',
      Properties: {
        Bucket: { Ref: 'S3Bucket' },
        PolicyDocument: {
          Id: 'MyPolicy',
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'APIReadForGetBucketObjects',
              Effect: 'Allow',
              Principal: { CanonicalUser: getAtt('OriginAccessIdentity', 'S3CanonicalUserId') },
              Action: 's3:GetObject',
              Resource: join(['arn:aws:s3:::', { Ref: 'S3Bucket' }, '/*']),
            },
          ],
        },
      },
    },
    CloudFrontDistribution: {
      Type: 'AWS::CloudFront::Distribution',
      DependsOn: ['S3Bucket', 'OriginAccessIdentity'],
      Properties: {
        DistributionConfig: {
          HttpVersion: 'http2',
          Origins: [
            {
              DomainName: getAtt('S3Bucket', 'RegionalDomainName'),
              Id: ORIGIN_ID,
              S3OriginConfig: { OriginAccessIdentity: join(['origin-access-identity/cloudfront/', { Ref: 'OriginAccessIdentity' }]) },
            },
          ],
          Enabled: true,
          DefaultCacheBehavior: {
            AllowedMethods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
            CachedMethods: ['GET', 'HEAD'],
            Compress: true,
            DefaultTTL: settings.defaultTTL,
            ForwardedValues: { QueryString: false },
            MaxTTL: settings.maxTTL,
            MinTTL: settings.minTTL,
            TargetOriginId: ORIGIN_ID,
            ViewerProtocolPolicy: 'redirect-to-https',
          },
          DefaultRootObject: settings.defaultRootObject,
          CustomErrorResponses: settings.customErrorResponses.map((entry) => ({
            ErrorCachingMinTTL: entry.errorCachingMinTTL,
            ErrorCode: entry.errorCode,
            ResponseCode: entry.responseCode,
            ResponsePagePath: entry.responsePagePath,
          })),
        },
      },
    },
  };
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const child = (value: unknown, key: string): Json => (isObject(value) && isObject(value[key]) ? value[key] : {});
const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
const number = (value: unknown, fallback: number): number => (typeof value === 'number' || (typeof value === 'string' && value !== '') ? Number(value) : fallback);

/**
 * The configuration a `template.json` holds (the original edits the template in place, so it is the record):
 * a distribution means PROD, else DEV with the bucket's website documents.
 */
export function configFromTemplate(template: unknown, bucketName: string): HostingConfig {
  const resources = child(template, 'Resources');
  const website = child(child(resources.S3Bucket, 'Properties'), 'WebsiteConfiguration');
  const distribution = child(child(resources.CloudFrontDistribution, 'Properties'), 'DistributionConfig');
  const defaults = defaultCloudFront();
  const behaviour = child(distribution, 'DefaultCacheBehavior');
  const errorResponses = Array.isArray(distribution.CustomErrorResponses) ? distribution.CustomErrorResponses.filter(isObject) : undefined;
  return {
    environment: isObject(resources.CloudFrontDistribution) ? 'PROD' : 'DEV',
    bucketName,
    indexDocument: text(website.IndexDocument, 'index.html'),
    errorDocument: text(website.ErrorDocument, 'index.html'),
    cloudFront: {
      defaultRootObject: text(distribution.DefaultRootObject, defaults.defaultRootObject),
      defaultTTL: number(behaviour.DefaultTTL, defaults.defaultTTL),
      maxTTL: number(behaviour.MaxTTL, defaults.maxTTL),
      minTTL: number(behaviour.MinTTL, defaults.minTTL),
      customErrorResponses:
        errorResponses?.map(
          (entry): CustomErrorResponse => ({
            errorCode: number(entry.ErrorCode, 0),
            responseCode: number(entry.ResponseCode, 200),
            responsePagePath: text(entry.ResponsePagePath, '/'),
            errorCachingMinTTL: number(entry.ErrorCachingMinTTL, 300),
          }),
        ) ?? defaults.customErrorResponses,
    },
  };
}
