import * as fs from 'fs';
import * as path from 'path';
import { PathOutsideRootError, resolveInside } from '../../store/confined-path';
import { CFN_RESPONSE_SOURCE } from '../custom-resources/cfn-response-source';
import { isTemplateObject, TemplateValue } from '../template-value';
import { resourceName, withFixedIdentity } from './generic-handler';
import { generatedName } from '../physical-ids';
import { checkHandler, checkLayerName, functionNameOf } from './lambda-names';
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
function zipFromBucket(environment: HandlerEnvironment, bucket: string, key: string): Buffer {
  const zip = environment.buckets.bucketExists(bucket) ? environment.buckets.getObject(bucket, key) : undefined;
  if (zip === undefined) {
    throw new Error(
      `Error occurred while GetObject. S3 Error Code: ${environment.buckets.bucketExists(bucket) ? 'NoSuchKey' : 'NoSuchBucket'}. S3 Error Message: the object s3://${bucket}/${key} does not exist`,
    );
  }
  return zip;
}

function unpackZip(zip: Buffer, directory: string): void {
  const { unzipSync } = require('fflate') as typeof import('fflate');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(zip));
  } catch (error) {
    throw new Error(`Could not unzip uploaded file. Please check your file, then try to upload again. (${(error as Error).message})`);
  }
  for (const [name, content] of Object.entries(files)) {
    const target = zipEntryPath(directory, name);
    if (name.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  }
}

/** Where a zip entry goes: never outside the function's folder (`../` or absolute names). */
function zipEntryPath(directory: string, name: string): string {
  try {
    return resolveInside(directory, name);
  } catch (error) {
    if (error instanceof PathOutsideRootError) throw new Error(`Could not unzip uploaded file: entry ${name} leaves the archive root`);
    throw error;
  }
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

/** Where a layer version's content is unpacked (Lambda's `/opt` for the functions that use it). */
export function layerContentDirectory(dataDir: string, layerName: string, version: string): string {
  return resolveInside(path.join(dataDir, 'lambda-layers'), layerName, version);
}

/** `arn:aws:lambda:<region>:<account>:layer:<name>:<version>` as its name and version. */
export function parseLayerVersionArn(arn: string): { name: string; version: string } | undefined {
  const match = /:layer:([a-zA-Z0-9-_]+):(\d+)$/.exec(arn);
  return match === null ? undefined : { name: match[1], version: match[2] };
}

/**
 * `AWS::Lambda::LayerVersion`: numbered 1, 2, ... per layer name; Ref is the layer version ARN. `Content` is unpacked
 * for the functions that use the version.
 */
export function lambdaLayerVersionHandler(environment: HandlerEnvironment): ResourceHandler {
  const handler = withFixedIdentity((request) => {
    const given = request.properties.LayerName;
    if (typeof given === 'string') checkLayerName(given);
    const content = request.properties.Content;
    if (!isTemplateObject(content) || typeof content.S3Bucket !== 'string' || typeof content.S3Key !== 'string') {
      throw new Error('Properties validation failed: Content must contain S3Bucket and S3Key');
    }
    const zip = zipFromBucket(environment, content.S3Bucket, content.S3Key);
    // A layer may be named by its ARN: its versions count under the name the ARN ends with.
    const name = typeof given === 'string' ? given.slice(given.lastIndexOf(':') + 1) : generatedName(request.stack.stackName, request.logicalId, { maxLength: 64 });
    const version = environment.store.nextCounter(`layer-version:${request.stack.region}:${name}`);
    const directory = layerContentDirectory(environment.dataDir, name, String(version));
    fs.rmSync(directory, { recursive: true, force: true });
    fs.mkdirSync(directory, { recursive: true });
    unpackZip(zip, directory);
    const arn = `arn:aws:lambda:${request.stack.region}:${request.stack.accountId}:layer:${name}:${version}`;
    return { physicalId: arn, attributes: { LayerVersionArn: arn } };
  });
  return {
    ...handler,
    async delete(request) {
      const layer = parseLayerVersionArn(request.physicalId);
      if (layer !== undefined) fs.rmSync(layerContentDirectory(environment.dataDir, layer.name, layer.version), { recursive: true, force: true });
    },
  };
}
