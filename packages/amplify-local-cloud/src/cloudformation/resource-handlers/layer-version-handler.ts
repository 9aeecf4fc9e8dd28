import * as path from 'path';
import { randomUUID } from 'crypto';
import { LayerStore, layerNameOf, parseLayerVersionArn } from '../../lambda/layer-store';
import { isTemplateObject } from '../template-value';
import { generatedName } from '../physical-ids';
import { withFixedIdentity } from './generic-handler';
import { checkLayerName } from './lambda-names';
import { zipFromBucket } from './lambda-function-handler';
import type { HandlerEnvironment, ResourceHandler } from './resource-handler';

/** Where the engine keeps published layers (each version's content is Lambda's `/opt` for the functions using it). */
export function layerStore(dataDir: string): LayerStore {
  return new LayerStore(path.join(dataDir, 'lambda-layers'));
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}

/**
 * `AWS::Lambda::LayerVersion`: publishes a version (1, 2, ... per layer name, never reused); Ref is the layer version
 * ARN. Every property requires replacement, so new content publishes a new version, and the old one stays when the
 * template retains it (`UpdateReplacePolicy: Retain`).
 */
export function lambdaLayerVersionHandler(environment: HandlerEnvironment): ResourceHandler {
  const store = layerStore(environment.dataDir);
  const handler = withFixedIdentity((request) => {
    const given = request.properties.LayerName;
    if (typeof given === 'string') checkLayerName(given);
    const content = request.properties.Content;
    if (!isTemplateObject(content) || typeof content.S3Bucket !== 'string' || typeof content.S3Key !== 'string') {
      throw new Error('Properties validation failed: Content must contain S3Bucket and S3Key');
    }
    const record = store.publish({
      // A layer may be named by its ARN: its versions count under the name the ARN ends with.
      layerName: typeof given === 'string' ? layerNameOf(given) : generatedName(request.stack.stackName, request.logicalId, { maxLength: 64 }),
      region: request.stack.region,
      accountId: request.stack.accountId,
      zip: zipFromBucket(environment, content.S3Bucket, content.S3Key),
      description: typeof request.properties.Description === 'string' ? request.properties.Description : undefined,
      compatibleRuntimes: stringList(request.properties.CompatibleRuntimes),
      compatibleArchitectures: stringList(request.properties.CompatibleArchitectures),
      licenseInfo: typeof request.properties.LicenseInfo === 'string' ? request.properties.LicenseInfo : undefined,
    });
    return { physicalId: record.LayerVersionArn, attributes: { LayerVersionArn: record.LayerVersionArn } };
  });
  return {
    ...handler,
    async delete(request) {
      const layer = parseLayerVersionArn(request.physicalId);
      if (layer !== undefined) store.delete(layer.name, layer.version);
    },
  };
}

/**
 * `AWS::Lambda::LayerVersionPermission`: a statement of the version's resource policy; the physical id is
 * `<layer version ARN>#<statement id>`, as on AWS.
 */
export function lambdaLayerVersionPermissionHandler(environment: HandlerEnvironment): ResourceHandler {
  const store = layerStore(environment.dataDir);
  const handler = withFixedIdentity((request) => {
    const arn = String(request.properties.LayerVersionArn ?? '');
    const layer = parseLayerVersionArn(arn);
    if (layer === undefined) throw new Error(`Properties validation failed: LayerVersionArn ${arn} is not a layer version ARN`);
    const statementId = `${request.logicalId.slice(0, 60)}-${randomUUID().slice(0, 8)}`;
    store.addPermission(layer.name, layer.version, {
      statementId,
      action: String(request.properties.Action ?? ''),
      principal: String(request.properties.Principal ?? ''),
      organizationId: typeof request.properties.OrganizationId === 'string' ? request.properties.OrganizationId : undefined,
    });
    return { physicalId: `${arn}#${statementId}`, attributes: {} };
  });
  return {
    ...handler,
    async delete(request) {
      const [arn, statementId] = request.physicalId.split('#');
      const layer = parseLayerVersionArn(arn);
      const record = layer === undefined ? undefined : store.get(layer.name, layer.version);
      // Gone with its version, or never granted: nothing to remove.
      if (layer !== undefined && record?.policy.Statement.some((statement) => statement.Sid === statementId)) store.removePermission(layer.name, layer.version, statementId);
    },
  };
}
