import { type AmplifyMeta, getResourceMeta } from 'amplify-cli-core';
import { CATEGORY } from '../constants';
import { resourceEnvironmentVariable } from '../function-definition';
import type { FunctionSpec } from './function-files';

/**
 * What the function sees in `process.env` when invoked locally, as close to the deployed one as the project files
 * allow: ENV and REGION, its custom variables, and each accessed resource's attribute once that resource is deployed.
 */
export function invokeEnvironment(meta: AmplifyMeta, spec: FunctionSpec, envName: string): Record<string, string> {
  const region = String(meta.providers?.awscloudformation?.Region ?? 'us-east-1');
  const environment: Record<string, string> = { ENV: envName, REGION: region };
  for (const dependency of getResourceMeta(meta, CATEGORY, spec.functionName)?.dependsOn ?? []) {
    const output = getResourceMeta(meta, dependency.category, dependency.resourceName)?.output ?? {};
    for (const attribute of dependency.attributes) {
      const value = output[attribute];
      if (value !== undefined) environment[resourceEnvironmentVariable(dependency.category, dependency.resourceName, attribute)] = String(value);
    }
  }
  return { ...environment, ...spec.environmentValues };
}
