import { randomUUID } from 'crypto';
import { AmplifyError, pathManager, validateHeadlessRequest, type AmplifyContext } from 'amplify-cli-core';
import type { DynamoDBConfig } from '../service/dynamodb-config';
import { fromAddDynamoDBRequest, fromAddS3Request, fromUpdateDynamoDBRequest, fromUpdateS3Request, type AddStorageRequest, type LambdaTrigger, type RemoveS3Request, type UpdateStorageRequest } from '../service/headless-mapping';
import { addStorageRequestSchema, removeStorageRequestSchema, updateStorageRequestSchema } from '../service/headless-schemas';
import type { S3Config } from '../service/s3-config';
import { s3Defaults } from '../service/s3-walkthrough';
import { addDynamoDBTrigger, addTriggerFunction, ensureAuth, ensureGuestAccess, projectFunctions, readDynamoDBConfig, readS3Config, saveDynamoDBResource, saveS3Resource, serviceOf } from '../service/storage-resource';

function requireFunction(projectRoot: string, config: S3Config): void {
  if (config.triggerFunction !== 'NONE' && !projectFunctions(projectRoot).includes(config.triggerFunction)) {
    throw new AmplifyError('InvalidHeadlessInput', `lambdaTrigger.name: no function named ${config.triggerFunction} in this project`, {
      resolution: 'Name an existing function, or add it with "amplify add function" first',
    });
  }
}

/** `lambdaTrigger: {mode: "new", name?}` creates the bucket's trigger function; otherwise the trigger stays `current`. */
async function newTriggerFunction(context: AmplifyContext, trigger: LambdaTrigger | undefined, current: string): Promise<string> {
  return trigger?.mode === 'new' ? addTriggerFunction(context, { kind: 's3', name: trigger.name }) : current;
}

/** `amplify add|update|remove storage --headless` (the original's S3 requests; DynamoDB add is this CLI's own request). */
export async function runHeadless(context: AmplifyContext, payload: string): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  switch (context.input.command) {
    case 'add': {
      const request = validateHeadlessRequest<AddStorageRequest>(addStorageRequestSchema, payload, 'AddStorageRequest');
      if (request.serviceConfiguration.serviceName === 'S3') {
        await ensureAuth(context, projectRoot, true);
        const config = fromAddS3Request({ ...request, serviceConfiguration: request.serviceConfiguration }, s3Defaults(context.amplify.getProjectConfig().projectName));
        requireFunction(projectRoot, config);
        await ensureGuestAccess(context, config);
        config.triggerFunction = await newTriggerFunction(context, request.serviceConfiguration.lambdaTrigger, config.triggerFunction);
        await saveS3Resource(projectRoot, config, 'add');
        context.print.success(`Successfully added resource ${config.resourceName} locally`);
      } else {
        const config = fromAddDynamoDBRequest({ ...request, serviceConfiguration: request.serviceConfiguration }, `dynamo${randomUUID().slice(0, 8)}`);
        await saveDynamoDBResource(projectRoot, config, 'add');
        const trigger = request.serviceConfiguration.lambdaTrigger;
        if (trigger) context.print.success(`Added trigger function ${await addDynamoDBTrigger(context, projectRoot, config, trigger)} locally`);
        context.print.success(`Successfully added resource ${config.resourceName} locally`);
      }
      return;
    }
    case 'update':
    case 'configure': {
      const request = validateHeadlessRequest<UpdateStorageRequest>(updateStorageRequestSchema, payload, 'UpdateStorageRequest');
      const modification = request.serviceModification;
      const name = modification.resourceName;
      if (serviceOf(projectRoot, name) !== modification.serviceName) {
        throw new AmplifyError('InvalidHeadlessInput', `serviceModification.resourceName: ${name} is not a ${modification.serviceName} resource`, {
          resolution: 'Name a storage resource of that service ("amplify status" lists them)',
        });
      }
      if (modification.serviceName === 'S3') {
        const config = fromUpdateS3Request({ ...request, serviceModification: modification }, readS3Config(projectRoot, name));
        requireFunction(projectRoot, config);
        await ensureGuestAccess(context, config);
        config.triggerFunction = await newTriggerFunction(context, modification.lambdaTrigger, config.triggerFunction);
        await saveS3Resource(projectRoot, config, 'update');
      } else {
        const config = fromUpdateDynamoDBRequest({ ...request, serviceModification: modification }, readDynamoDBConfig(projectRoot, name));
        // The table is in the meta already, so a bad trigger fails before anything is written; adding one saves the table.
        if (modification.lambdaTrigger) context.print.success(`Added trigger function ${await addDynamoDBTrigger(context, projectRoot, config, modification.lambdaTrigger)} locally`);
        else await saveDynamoDBResource(projectRoot, config, 'update');
      }
      context.print.success(`Successfully updated resource ${name} locally`);
      return;
    }
    case 'remove': {
      const request = validateHeadlessRequest<RemoveS3Request>(removeStorageRequestSchema, payload, 'RemoveStorageRequest');
      const name = request.serviceConfiguration.resourceName;
      serviceOf(projectRoot, name);
      if (request.serviceConfiguration.deleteBucketAndContents === true) {
        throw new AmplifyError('HeadlessNotSupported', 'serviceConfiguration.deleteBucketAndContents: deleting the bucket and its contents is not supported; the bucket is retained', {
          resolution: 'Leave deleteBucketAndContents out, and empty and delete the bucket yourself after the push',
        });
      }
      const removed = await context.amplify.removeResource(context, 'storage', name);
      context.print.success(`Successfully removed resource ${removed.resourceName} locally`);
      return;
    }
    default:
      throw new AmplifyError('HeadlessNotSupported', `Headless mode is not supported for "storage ${context.input.command ?? ''}"`, {
        resolution: 'Use --headless with add, update or remove',
      });
  }
}
