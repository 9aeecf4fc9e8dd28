import type { AmplifyBranchResources } from '../contracts';
import type { ProvisionedResource, ResourceHandler, ResourceRequest } from '../cloudformation/resource-handlers/resource-handler';
import type { TemplateValue } from '../cloudformation/template-value';
import { AmplifyServiceError } from './amplify-errors';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `[{Name, Value}]` / `[{Key, Value}]` lists of a template as the API's string maps. */
function pairs(value: TemplateValue | undefined, keyField: string): Record<string, string> | undefined {
  if (!Array.isArray(value)) return undefined;
  const entries = (value as unknown[]).filter(isObject);
  return Object.fromEntries(entries.map((entry) => [String(entry[keyField]), String(entry.Value ?? '')]));
}

/** The resource's properties in the API's terms. */
function branchInput(properties: Record<string, TemplateValue>): Record<string, unknown> {
  const basicAuth = isObject(properties.BasicAuthConfig) ? properties.BasicAuthConfig : undefined;
  const backend = isObject(properties.Backend) ? properties.Backend : undefined;
  const input: Record<string, unknown> = {
    branchName: properties.BranchName,
    description: properties.Description,
    stage: properties.Stage,
    framework: properties.Framework,
    enableAutoBuild: properties.EnableAutoBuild,
    enablePerformanceMode: properties.EnablePerformanceMode,
    enablePullRequestPreview: properties.EnablePullRequestPreview,
    enableSkewProtection: properties.EnableSkewProtection,
    pullRequestEnvironmentName: properties.PullRequestEnvironmentName,
    buildSpec: properties.BuildSpec,
    computeRoleArn: properties.ComputeRoleArn,
    environmentVariables: pairs(properties.EnvironmentVariables, 'Name'),
    tags: pairs(properties.Tags, 'Key'),
    enableBasicAuth: basicAuth?.EnableBasicAuth,
    basicAuthCredentials:
      basicAuth?.Username === undefined ? undefined : Buffer.from(`${String(basicAuth.Username)}:${String(basicAuth.Password ?? '')}`).toString('base64'),
    backend: backend?.StackArn === undefined ? undefined : { stackArn: backend.StackArn },
  };
  // Booleans arrive from templates as strings as often as not.
  for (const key of ['enableAutoBuild', 'enablePerformanceMode', 'enablePullRequestPreview', 'enableSkewProtection', 'enableBasicAuth']) {
    if (input[key] === 'true' || input[key] === 'false') input[key] = input[key] === 'true';
  }
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** A refusal of the service as the reason CloudFormation reports for the resource. */
function asReason<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AmplifyServiceError) throw new Error(`${error.message} (Service: Amplify, Status Code: 4xx, Error Code: ${error.code})`);
    throw error;
  }
}

/**
 * `AWS::Amplify::Branch` (the original CLI's Amplify Console hosting declares one per environment): a branch of the
 * local Amplify service. Ref and `Arn` are the branch ARN; another AppId or BranchName replaces the branch.
 */
export function amplifyBranchHandler(branches: AmplifyBranchResources): ResourceHandler {
  const provisioned = (branch: Record<string, unknown>): ProvisionedResource => ({
    physicalId: String(branch.branchArn),
    attributes: { Arn: String(branch.branchArn), BranchName: String(branch.branchName) },
  });
  const create = (request: ResourceRequest) =>
    provisioned(asReason(() => branches.createBranch(request.stack.region, String(request.properties.AppId ?? ''), branchInput(request.properties), new Date())));
  return {
    async create(request) {
      return create(request);
    },
    async update(request) {
      const moved = request.properties.AppId !== request.previousProperties.AppId || request.properties.BranchName !== request.previousProperties.BranchName;
      if (moved) return create(request);
      const settings = branchInput(request.properties);
      delete settings.branchName;
      return provisioned(asReason(() => branches.changeBranch(request.stack.region, String(request.properties.AppId), String(request.properties.BranchName), settings, new Date())));
    },
    async delete(request) {
      try {
        branches.deleteBranch(request.stack.region, String(request.properties.AppId ?? ''), String(request.properties.BranchName ?? ''));
      } catch (error) {
        // Already gone (the app was deleted first, or by hand): nothing left to delete.
        if (!(error instanceof AmplifyServiceError && error.code === 'NotFoundException')) throw error;
      }
    },
  };
}
