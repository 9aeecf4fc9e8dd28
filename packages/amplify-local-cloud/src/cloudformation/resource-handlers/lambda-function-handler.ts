import * as fs from 'fs';
import * as path from 'path';
import { resolveInside } from '../../store/confined-path';
import { unpackZip } from '../../lambda/zip-archive';
import { CFN_RESPONSE_SOURCE } from '../custom-resources/cfn-response-source';
import { isTemplateObject, TemplateValue } from '../template-value';
import { resourceName, withFixedIdentity } from './generic-handler';
import { checkHandler, functionNameOf } from './lambda-names';
import type { HandlerEnvironment, ResourceHandler, ResourceRequest } from './resource-handler';

/** Where a function's unpacked code lives: one folder per function name, replaced when the code changes. */
export function functionCodeDirectory(dataDir: string, functionName: string): string {
  return resolveInside(path.join(dataDir, 'lambda'), functionName);
}

const INLINE_FILE: Record<string, string> = { nodejs: 'index.js', python: 'index.py', ruby: 'index.rb' };

/**
 * Writes the function's code: `Code.ZipFile` as the runtime's `index` file (with the `cfn-response` module beside it
 * for Node.js, as Lambda provides it to inline code), or the zip at `Code.S3Bucket`/`Code.S3Key` unpacked.
 */
function deployCode(environment: HandlerEnvironment, request: ResourceRequest, functionName: string): void {
  const code = request.properties.Code;
  if (!isTemplateObject(code)) throw new Error('Properties validation failed: Code must contain ZipFile or S3Bucket and S3Key');
  checkHandler(String(request.properties.Handler ?? 'index.handler'));
  const directory = functionCodeDirectory(environment.dataDir, functionName);
  const staging = functionCodeDirectory(environment.dataDir, `${functionName}.staging-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    if (typeof code.ZipFile === 'string') {
      const runtime = String(request.properties.Runtime ?? 'nodejs');
      const family = Object.keys(INLINE_FILE).find((prefix) => runtime.startsWith(prefix)) ?? 'nodejs';
      fs.writeFileSync(path.join(staging, INLINE_FILE[family]), code.ZipFile);
      if (family === 'nodejs') fs.writeFileSync(path.join(staging, 'cfn-response.js'), CFN_RESPONSE_SOURCE);
    } else if (typeof code.S3Bucket === 'string' && typeof code.S3Key === 'string') {
      unpackZip(zipFromBucket(environment, code.S3Bucket, code.S3Key), staging);
    } else {
      throw new Error('Properties validation failed: Code must contain ZipFile or S3Bucket and S3Key');
    }
    fs.rmSync(directory, { recursive: true, force: true });
    fs.renameSync(staging, directory);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** A code zip in the local S3, or Lambda's GetObject error. */
export function zipFromBucket(environment: HandlerEnvironment, bucket: string, key: string): Buffer {
  const zip = environment.buckets.bucketExists(bucket) ? environment.buckets.getObject(bucket, key) : undefined;
  if (zip === undefined) {
    throw new Error(
      `Error occurred while GetObject. S3 Error Code: ${environment.buckets.bucketExists(bucket) ? 'NoSuchKey' : 'NoSuchBucket'}. S3 Error Message: the object s3://${bucket}/${key} does not exist`,
    );
  }
  return zip;
}

function functionAttributes(request: ResourceRequest, name: string): Record<string, TemplateValue> {
  return { Arn: `arn:aws:lambda:${request.stack.region}:${request.stack.accountId}:function:${name}` };
}

/** `AWS::Lambda::Function`: the code is kept under the data directory so custom resources can run it. */
export function lambdaFunctionHandler(environment: HandlerEnvironment): ResourceHandler {
  return {
    async create(request) {
      const name = functionNameOf(resourceName(request, { maxLength: 64 }));
      deployCode(environment, request, name);
      return { physicalId: name, attributes: functionAttributes(request, name) };
    },
    async update(request) {
      deployCode(environment, request, request.physicalId);
      return { physicalId: request.physicalId, attributes: request.attributes };
    },
    async delete(request) {
      fs.rmSync(functionCodeDirectory(environment.dataDir, request.physicalId), { recursive: true, force: true });
    },
  };
}

/** `AWS::Lambda::Version`: numbered 1, 2, ... per function; Ref is the qualified function ARN. */
export function lambdaVersionHandler(environment: HandlerEnvironment): ResourceHandler {
  return withFixedIdentity((request) => {
    const name = functionNameOf(String(request.properties.FunctionName ?? ''));
    const version = environment.store.nextCounter(`lambda-version:${request.stack.region}:${name}`);
    const arn = `arn:aws:lambda:${request.stack.region}:${request.stack.accountId}:function:${name}:${version}`;
    return { physicalId: arn, attributes: { FunctionArn: arn, Version: String(version) } };
  });
}

/** `AWS::Lambda::Alias`: Ref is the alias ARN. */
export const lambdaAliasHandler: ResourceHandler = withFixedIdentity((request) => {
  const arn = `arn:aws:lambda:${request.stack.region}:${request.stack.accountId}:function:${functionNameOf(String(request.properties.FunctionName ?? ''))}:${String(request.properties.Name)}`;
  return { physicalId: arn, attributes: { AliasArn: arn } };
});
