import { S3StoreError, type BucketCorsRule } from '../../contracts';
import { isTemplateObject, TemplateValue } from '../template-value';
import { provisionGeneric, resourceName } from './generic-handler';
import type { HandlerEnvironment, ResourceHandler } from './resource-handler';

/** The reason CloudFormation shows for an S3 failure: S3's message with its service details. */
function s3Reason(error: unknown, bucket: string): Error {
  if (error instanceof S3StoreError) {
    const message = error.code === 'BucketAlreadyExists' || error.code === 'BucketAlreadyOwnedByYou' ? `${bucket} already exists` : error.message;
    return new Error(`${message} (Service: S3, Status Code: ${error.status}, Error Code: ${error.code})`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

function websiteOf(properties: Record<string, TemplateValue>): { indexDocument: string; errorDocument?: string } | undefined {
  const website = properties.WebsiteConfiguration;
  if (!isTemplateObject(website)) return undefined;
  const indexDocument = typeof website.IndexDocument === 'string' ? website.IndexDocument : 'index.html';
  return typeof website.ErrorDocument === 'string' ? { indexDocument, errorDocument: website.ErrorDocument } : { indexDocument };
}

function stringsOf(value: TemplateValue | undefined): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** `CorsConfiguration.CorsRules`, which app uploads and downloads from a web page need. */
function corsOf(properties: Record<string, TemplateValue>): BucketCorsRule[] | undefined {
  const cors = properties.CorsConfiguration;
  if (!isTemplateObject(cors) || !Array.isArray(cors.CorsRules)) return undefined;
  return cors.CorsRules.filter(isTemplateObject).map((rule) => ({
    id: typeof rule.Id === 'string' ? rule.Id : undefined,
    allowedOrigins: stringsOf(rule.AllowedOrigins),
    allowedMethods: stringsOf(rule.AllowedMethods),
    allowedHeaders: stringsOf(rule.AllowedHeaders),
    exposedHeaders: stringsOf(rule.ExposedHeaders),
    maxAgeSeconds: rule.MaxAge === undefined ? undefined : Number(rule.MaxAge),
  }));
}

/** `AWS::S3::Bucket`: a real bucket in the local S3 store, website hosting and CORS rules included. */
export function s3BucketHandler(environment: HandlerEnvironment): ResourceHandler {
  const { buckets } = environment;
  const attributesOf = (name: string, region: string): Record<string, TemplateValue> => ({
    Arn: `arn:aws:s3:::${name}`,
    DomainName: `${name}.s3.amazonaws.com`,
    RegionalDomainName: `${name}.s3.${region}.amazonaws.com`,
    DualStackDomainName: `${name}.s3.dualstack.${region}.amazonaws.com`,
    WebsiteURL: buckets.websiteUrl(name),
  });
  return {
    async create(request) {
      const name = resourceName(request, { maxLength: 63, lowercase: true });
      try {
        buckets.createBucket(name, request.stack.region);
        const website = websiteOf(request.properties);
        if (website) buckets.setWebsite(name, website);
        const cors = corsOf(request.properties);
        if (cors) buckets.setCors(name, cors);
      } catch (error) {
        throw s3Reason(error, name);
      }
      return { physicalId: name, attributes: attributesOf(name, request.stack.region) };
    },
    async update(request) {
      try {
        buckets.setWebsite(request.physicalId, websiteOf(request.properties));
        buckets.setCors(request.physicalId, corsOf(request.properties));
      } catch (error) {
        throw s3Reason(error, request.physicalId);
      }
      return { physicalId: request.physicalId, attributes: attributesOf(request.physicalId, request.stack.region) };
    },
    async delete(request) {
      try {
        buckets.deleteBucket(request.physicalId);
      } catch (error) {
        // A bucket already gone is what a delete wants; a non-empty one fails the resource as on AWS.
        if (error instanceof S3StoreError && error.code === 'NoSuchBucket') return;
        if (error instanceof S3StoreError && error.code === 'BucketNotEmpty') {
          throw new Error(`The bucket you tried to delete is not empty (Service: S3, Status Code: 409, Error Code: BucketNotEmpty)`);
        }
        throw s3Reason(error, request.physicalId);
      }
    },
  };
}

/** `AWS::S3::BucketPolicy`: the policy document stored on the bucket. */
export function s3BucketPolicyHandler(environment: HandlerEnvironment): ResourceHandler {
  const { buckets } = environment;
  const apply = (properties: Record<string, TemplateValue>): void => {
    const bucket = String(properties.Bucket);
    if (!buckets.bucketExists(bucket)) {
      throw new Error(`The specified bucket does not exist (Service: S3, Status Code: 404, Error Code: NoSuchBucket)`);
    }
    buckets.setPolicy(bucket, JSON.stringify(properties.PolicyDocument));
  };
  return {
    async create(request) {
      apply(request.properties);
      return provisionGeneric(request);
    },
    async update(request) {
      apply(request.properties);
      return { physicalId: request.physicalId, attributes: request.attributes };
    },
    async delete(request) {
      const bucket = String(request.properties.Bucket);
      if (buckets.bucketExists(bucket)) buckets.setPolicy(bucket, undefined);
    },
  };
}
