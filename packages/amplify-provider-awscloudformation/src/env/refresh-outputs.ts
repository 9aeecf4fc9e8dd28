import type { CloudFormationApi } from '../aws/cloudformation-api';
import { collectNestedStackOutputs } from '../deploy/stack-outputs';
import { nestedStackLogicalId } from '../deploy/nested-stack-template';
import type { ProjectFiles } from '../project/project-files';
import { getResourceMeta, listResources } from 'amplify-cli-core';
import { PROVIDER_NAME } from '../constants';

/**
 * Brings backend meta up to date with the cloud: every deployed resource's `output` from its
 * nested stack, and `providerMetadata` and the code location `s3Bucket` from the current-cloud copy of the meta
 * (this env's, where backend meta may still hold the env checked out before).
 */
export async function refreshOutputsFromCloud(files: ProjectFiles, cfn: CloudFormationApi, rootStackName: string): Promise<void> {
  const outputs = await collectNestedStackOutputs(cfn, rootStackName);
  const meta = files.readMeta();
  const current = files.readCurrentMeta();
  for (const [category, resourceName, entry] of listResources(meta)) {
    if (entry.providerPlugin !== PROVIDER_NAME) continue;
    const deployed = outputs[nestedStackLogicalId(category, resourceName)];
    if (deployed) entry.output = deployed;
    const cloudEntry = getResourceMeta(current, category, resourceName);
    if (cloudEntry?.providerMetadata) entry.providerMetadata = cloudEntry.providerMetadata;
    if (cloudEntry?.s3Bucket !== undefined) entry.s3Bucket = cloudEntry.s3Bucket;
  }
  files.writeMeta(meta);
}
