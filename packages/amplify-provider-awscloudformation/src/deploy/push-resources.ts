import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import {
  type AmplifyMeta,
  AmplifyError,
  AmplifyFault,
  type PushedOutputs,
  type PushResult,
  type ResourceMeta,
  type ResourceRef,
  faultPoint,
  getResourceMeta,
  listResources,
  readJsonFile,
} from 'amplify-cli-core';
import type { AwsClientFactory } from '../aws/client-factory';
import { BUILDS_PREFIX, CFN_TEMPLATES_PREFIX, PROVIDER_NAME, ROOT_TEMPLATE_KEY } from '../constants';
import { ProjectFiles } from '../project/project-files';
import type { DependsOn, RootStackOutputs } from '../project/project-types';
import { API_GATEWAY_AUTH_STACK, apiGatewayAuthStack, apiGatewayAuthStackParameters, type RestApiAccess } from './api-gateway-auth-stack';
import { type Artifact, uploadChangedArtifacts } from './artifact-upload';
import { applyCustomPolicies } from './custom-policies';
import { type DependencyInstaller, type PackagedFunction, npmInstall, packageFunction, pointTemplateAtCode } from './function-package';
import { packageLayer } from './layer-package';
import { buildNestedRootTemplate, nestedStackLogicalId, type NestedStackInput } from './nested-stack-template';
import type { ProgressListener } from './progress-event';
import { publicBucketProblems } from './public-bucket-rule';
import { findResourceTemplates } from './resource-templates';
import { updateStackAndWait } from './stack-operations';
import { stackTags } from '../root-stack/stack-tags';
import { collectNestedStackOutputs, nestedStacksTouched, type NestedStackOutputs } from './stack-outputs';
import { formatTemplateIssue, specTemplateValidator, type TemplateValidator } from './template-validator';
import { s3ObjectUrl } from './template-url';

export interface PushResourcesOptions {
  projectRoot: string;
  envName: string;
  /** Resources to create or update (the core's status, filtered to this provider). */
  resources: ResourceRef[];
  factory: AwsClientFactory;
  onProgress: ProgressListener;
  validator?: TemplateValidator;
  installDependencies?: DependencyInstaller;
  maxPollIntervalMs?: number;
  /**
   * Called with what the deploy will record just before the root stack is updated (the uploads before it change
   * nothing that runs): the push journal keeps it so that a push cut off after that point can still be told
   * apart, deployed or not, and recorded.
   */
  beforeStackUpdate?: (record: DeploymentRecord) => void;
}

/** A resource this push uploads: where its stack's template is and, when built, its code. */
export interface DeployedResource {
  category: string;
  resourceName: string;
  templateUrl: string;
  packaged?: PackagedCode;
}

/** A packaged resource's zip and where it was uploaded; a layer's also has its version hash. */
export interface PackagedCode {
  zipFileName: string;
  code: CodeLocation;
  versionHash?: string;
}

/**
 * What a deploy must record once the root stack has taken it, kept in the push journal before the stack update:
 * the root stack, the hash of the root template (the stack runs exactly that template only if the update took
 * effect) and the resources whose provider metadata the deploy changes.
 */
export interface DeploymentRecord {
  stackName: string;
  rootTemplateHash: string;
  resources: DeployedResource[];
}

/** Hash of a JSON template's content, the same whatever its indentation (CloudFormation may return it reformatted). */
export function templateHash(templateText: string): string {
  let canonical = templateText;
  try {
    canonical = JSON.stringify(JSON.parse(templateText));
  } catch {
    // Not JSON (a YAML template someone deployed by hand): compared as text, so it never matches ours.
  }
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

const LAMBDA_LAYER_SERVICE = 'LambdaLayer';

/** What the push did, for the core to act on: only `deployed` is followed by the meta/backup steps. */
export type { PushResult };

/**
 * Where a packaged resource's code is: the nested-stack parameters `deploymentBucketName` and `s3Key` (the
 * names the original's function templates take), also recorded in team-provider-info and as meta `s3Bucket`.
 */
export interface CodeLocation {
  deploymentBucketName: string;
  s3Key: string;
}

interface PreparedResource {
  ref: ResourceRef;
  artifacts: Artifact[];
  templateUrl: string;
  shape?: TemplateShape;
  packaged?: PackagedCode;
}

/** Root-stack outputs of the current env: from meta, else from team-provider-info (fresh clones, checkouts). */
export function readRootStackOutputs(files: ProjectFiles, envName: string): RootStackOutputs {
  const fromMeta = files.readMeta().providers?.[PROVIDER_NAME];
  const outputs = fromMeta?.StackName ? fromMeta : files.readTeamProviderInfo()[envName]?.awscloudformation;
  if (!outputs?.StackName || !outputs.DeploymentBucketName) {
    throw new AmplifyError('RootStackNotCreated', `Env "${envName}" has no root stack yet.`, {
      resolution: 'Run "amplify init" (or "amplify env add") to create the env in the cloud first.',
    });
  }
  return outputs;
}

/** What the root template needs to know of a resource's main template: its parameter and output names. */
interface TemplateShape {
  parameters: ReadonlySet<string>;
  outputs: ReadonlySet<string>;
}

function sectionNames(template: Record<string, unknown>, section: 'Parameters' | 'Outputs'): ReadonlySet<string> {
  const value = template[section];
  if (typeof value !== 'object' || value === null) return new Set();
  return new Set(Object.keys(value));
}

function templateShape(template: Record<string, unknown>): TemplateShape {
  return { parameters: sectionNames(template, 'Parameters'), outputs: sectionNames(template, 'Outputs') };
}

interface CheckedTemplate {
  fileName: string;
  text: string;
  parsed: Record<string, unknown>;
}

interface CheckedResource {
  ref: ResourceRef;
  build: boolean;
  /** The meta `service` (a `LambdaLayer` is packaged as a layer). */
  service?: string;
  templates: CheckedTemplate[];
  /** A GraphQL API's compiled `build/` folder, uploaded whole under its root key (reference §5.4). */
  appSyncBuild?: { rootKey: string; files: string[] };
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
function filesUnder(dir: string, relative = ''): string[] {
  return fs.readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, rel) : entry.isFile() ? [rel] : [];
  });
}

/**
 * A GraphQL API's build: its nested stacks are validated like any template, and its root key (from
 * build/parameters.json, where the api category's compile puts it) says where the whole folder goes.
 */
function checkAppSyncBuild(files: ProjectFiles, ref: ResourceRef, validator: TemplateValidator, problems: string[]): CheckedResource['appSyncBuild'] {
  const buildDir = path.join(files.paths.resourceDir(ref.category, ref.resourceName), 'build');
  const where = path.relative(files.projectRoot, buildDir);
  const rootKey = files.readResourceParameters(ref.category, ref.resourceName).S3DeploymentRootKey;
  if (typeof rootKey !== 'string' || !fs.existsSync(buildDir)) {
    problems.push(`${where}: the GraphQL API is not compiled (no S3DeploymentRootKey in build/parameters.json); run "amplify api gql-compile"`);
    return undefined;
  }
  const buildFiles = filesUnder(buildDir).sort();
  for (const file of buildFiles.filter((f) => f.startsWith('stacks/') && f.endsWith('.json'))) {
    const relative = path.join(where, file);
    try {
      const parsed = validator.parse(fs.readFileSync(path.join(buildDir, file), 'utf8'), relative);
      for (const issue of validator.validate(parsed, relative)) problems.push(formatTemplateIssue(issue, relative));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { rootKey, files: buildFiles };
}

/** Reads and validates one resource's templates, adding every problem found to `problems`. */
function checkResource(files: ProjectFiles, ref: ResourceRef, meta: AmplifyMeta, validator: TemplateValidator, problems: string[]): CheckedResource | undefined {
  const resourceDir = files.paths.resourceDir(ref.category, ref.resourceName);
  const where = path.relative(files.projectRoot, resourceDir);
  const templateFiles = findResourceTemplates(resourceDir);
  if (templateFiles.length === 0) {
    problems.push(`${where}: no CloudFormation template (a file named *template*.json or .yml)`);
    return undefined;
  }
  const build = getResourceMeta(meta, ref.category, ref.resourceName)?.build === true;
  if (build && templateFiles.length > 1) {
    problems.push(`${where}: only one CloudFormation template is allowed in a resource that is built`);
    return undefined;
  }
  const templates: CheckedTemplate[] = [];
  const isLambda = ref.category === 'function' && getResourceMeta(meta, ref.category, ref.resourceName)?.service === 'Lambda';
  for (const template of templateFiles) {
    const relative = path.relative(files.projectRoot, template.filePath);
    let text = fs.readFileSync(template.filePath, 'utf8');
    let parsed: Record<string, unknown>;
    try {
      parsed = validator.parse(text, relative);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    if (isLambda) {
      const custom = applyCustomPolicies(parsed, resourceDir, where);
      if (custom.problem) problems.push(custom.problem);
      if (custom.changed) text = JSON.stringify(parsed, null, 2);
    }
    for (const issue of validator.validate(parsed, relative)) problems.push(formatTemplateIssue(issue, relative));
    problems.push(...publicBucketProblems(ref, parsed, relative));
    templates.push({ fileName: template.fileName, text, parsed });
  }
  const appSyncBuild = getResourceMeta(meta, ref.category, ref.resourceName)?.service === 'AppSync' ? checkAppSyncBuild(files, ref, validator, problems) : undefined;
  const service = getResourceMeta(meta, ref.category, ref.resourceName)?.service;
  return { ref, build, service, templates, ...(appSyncBuild ? { appSyncBuild } : {}) };
}

/** Packages a checked resource (functions) and turns it into the objects to upload; runs only once all are valid. */
async function prepareResource(resource: CheckedResource, files: ProjectFiles, bucket: string, options: PushResourcesOptions): Promise<PreparedResource> {
  const { ref } = resource;
  const resourceDir = files.paths.resourceDir(ref.category, ref.resourceName);
  const install = options.installDependencies ?? npmInstall;
  const packaged: (PackagedFunction & { versionHash?: string }) | undefined = !resource.build
    ? undefined
    : resource.service === LAMBDA_LAYER_SERVICE
      ? await packageLayer(resourceDir, ref.resourceName, install)
      : await packageFunction(resourceDir, ref.resourceName, install);
  const previousVersionHash = getResourceMeta(files.readMeta(), ref.category, ref.resourceName)?.latestPushedVersionHash;
  if (packaged?.versionHash && typeof previousVersionHash === 'string' && previousVersionHash !== packaged.versionHash) {
    options.onProgress({
      type: 'notice',
      level: 'info',
      message: `Content changes in Lambda layer ${ref.resourceName} detected: this push publishes a new version. Functions pinned to an earlier version keep it; "amplify update function" moves them to the new one.`,
    });
  }
  const artifacts: Artifact[] = [];
  let templateUrl = '';
  let shape: TemplateShape | undefined;
  const code: CodeLocation | undefined = packaged && { deploymentBucketName: bucket, s3Key: `${BUILDS_PREFIX}/${packaged.zipFileName}` };
  for (const template of resource.templates) {
    let body = template.text;
    // A template that takes the code location as parameters (the function category's) is uploaded as written: it
    // changes only when its author changes it, and the location reaches it through the nested-stack parameters.
    if (code && !takesCodeLocation(sectionNames(template.parsed, 'Parameters'))) {
      pointTemplateAtCode(template.parsed, code.deploymentBucketName, code.s3Key);
      body = JSON.stringify(template.parsed, null, 2);
    }
    const key = `${CFN_TEMPLATES_PREFIX}/${ref.category}/${template.fileName}`;
    artifacts.push({ key, body, contentType: 'text/plain' });
    // With several templates, the one named after the resource is the resource's stack (the rest are nested in it).
    if (!templateUrl || template.fileName.startsWith(ref.resourceName)) {
      templateUrl = s3ObjectUrl(options.factory, bucket, key);
      shape = templateShape(template.parsed);
    }
  }
  if (packaged) artifacts.push({ key: `${BUILDS_PREFIX}/${packaged.zipFileName}`, body: packaged.zip, contentType: 'application/zip' });
  if (resource.appSyncBuild) {
    const buildDir = path.join(files.paths.resourceDir(ref.category, ref.resourceName), 'build');
    for (const file of resource.appSyncBuild.files) {
      artifacts.push({ key: `${resource.appSyncBuild.rootKey}/${file}`, body: fs.readFileSync(path.join(buildDir, file)), contentType: file.endsWith('.zip') ? 'application/zip' : 'text/plain' });
    }
  }
  const versionHash = packaged?.versionHash;
  return { ref, artifacts, templateUrl, shape, packaged: packaged && code && { zipFileName: packaged.zipFileName, code, ...(versionHash ? { versionHash } : {}) } };
}

function takesCodeLocation(declared: ReadonlySet<string>): boolean {
  return declared.has('deploymentBucketName') && declared.has('s3Key');
}

/**
 * The code location of a built resource this push does not package: team-provider-info (through its parameters),
 * else meta `s3Bucket` when it names this env's bucket (backend meta may still hold another env's after a
 * checkout), else the last package's name in this env's bucket (pushes made before the location was recorded).
 */
function deployedCodeLocation(parameters: Record<string, unknown>, entry: ResourceMeta, bucket: string): CodeLocation | undefined {
  const { deploymentBucketName, s3Key } = parameters;
  if (typeof deploymentBucketName === 'string' && typeof s3Key === 'string') return { deploymentBucketName, s3Key };
  const recorded = entry.s3Bucket as Partial<CodeLocation> | undefined;
  if (recorded?.deploymentBucketName === bucket && typeof recorded.s3Key === 'string') {
    return { deploymentBucketName: recorded.deploymentBucketName, s3Key: recorded.s3Key };
  }
  if (entry.distZipFilename) return { deploymentBucketName: bucket, s3Key: `${BUILDS_PREFIX}/${entry.distZipFilename}` };
  return undefined;
}

/** parameters.json (or build/parameters.json) with the env-specific values from team-provider-info on top. */
export function loadResourceParameters(files: ProjectFiles, envName: string, category: string, resourceName: string): Record<string, unknown> {
  const envParameters = files.readTeamProviderInfo()[envName]?.categories?.[category]?.[resourceName] ?? {};
  return { ...files.readResourceParameters(category, resourceName), ...envParameters };
}

/** The shape of a deployed resource's main template on disk, for resources this push does not upload. */
function templateShapeOnDisk(files: ProjectFiles, category: string, resourceName: string, validator: TemplateValidator): TemplateShape | undefined {
  const templates = findResourceTemplates(files.paths.resourceDir(category, resourceName));
  const main = templates.find((t) => t.fileName.startsWith(resourceName)) ?? templates[0];
  if (!main) return undefined;
  try {
    return templateShape(validator.parse(fs.readFileSync(main.filePath, 'utf8'), main.fileName));
  } catch {
    return undefined;
  }
}

/**
 * The auth stack whose identity pool the root roles must trust: a Cognito resource of this project (not an
 * imported one, not the user pool groups) whose template outputs `IdentityPoolId`.
 */
function identityPoolStack(candidates: Array<{ logicalId: string; category: string; entry: ResourceMeta; shape?: TemplateShape }>): string | undefined {
  return candidates.find(({ category, entry, shape }) => category === 'auth' && entry.service === 'Cognito' && entry.serviceType !== 'imported' && shape?.outputs.has('IdentityPoolId'))
    ?.logicalId;
}

/**
 * Deploys the given resources: validate every template first, package
 * functions, upload only what changed, update the root stack with one nested stack per resource, then record
 * outputs and template URLs in amplify-meta.json. A failure before or during the deploy leaves every local
 * file as it was and throws an error naming the file or the failing resource.
 */
export async function pushResources(options: PushResourcesOptions): Promise<PushResult> {
  const files = new ProjectFiles(options.projectRoot);
  const validator = options.validator ?? specTemplateValidator();
  const rootOutputs = readRootStackOutputs(files, options.envName);
  const bucket = rootOutputs.DeploymentBucketName!;
  const stackName = rootOutputs.StackName!;
  const meta = files.readMeta();

  options.onProgress({ type: 'phase', phase: 'validate', message: 'Validating CloudFormation templates...' });
  const problems: string[] = [];
  const checked = options.resources.map((ref) => checkResource(files, ref, meta, validator, problems));
  if (problems.length > 0) {
    throw new AmplifyError('InvalidTemplate', `Invalid CloudFormation template: ${problems.join('; ')}`, {
      resolution: 'Fix the template(s) named above and push again; nothing was built, uploaded or deployed.',
    });
  }
  if (checked.some((resource) => resource?.build)) {
    options.onProgress({ type: 'phase', phase: 'package', message: 'Building and packaging functions...' });
  }
  const prepared: PreparedResource[] = [];
  for (const resource of checked) if (resource) prepared.push(await prepareResource(resource, files, bucket, options));

  const pushedByLogicalId = new Map(prepared.map((p) => [nestedStackLogicalId(p.ref.category, p.ref.resourceName), p]));
  const nestedStacks: NestedStackInput[] = [];
  const deployed: Array<{ logicalId: string; category: string; resourceName: string; entry: ResourceMeta; shape?: TemplateShape }> = [];
  for (const [category, resourceName, entry] of listResources(meta)) {
    if (entry.providerPlugin !== PROVIDER_NAME) continue;
    const pushed = pushedByLogicalId.get(nestedStackLogicalId(category, resourceName));
    const templateUrl = pushed?.templateUrl ?? entry.providerMetadata?.s3TemplateURL;
    // Never deployed and not part of this push (a filtered push): it stays out of the cloud for now.
    if (!templateUrl) continue;
    const parameters = loadResourceParameters(files, options.envName, category, resourceName);
    const code = pushed ? pushed.packaged?.code : entry.build === true ? deployedCodeLocation(parameters, entry, bucket) : undefined;
    const shape = pushed ? pushed.shape : templateShapeOnDisk(files, category, resourceName, validator);
    nestedStacks.push({
      category,
      resourceName,
      templateUrl,
      parameters: code ? { ...parameters, ...code } : parameters,
      dependsOn: entry.dependsOn as DependsOn[] | undefined,
      declaredParameters: shape?.parameters,
    });
    deployed.push({ logicalId: nestedStackLogicalId(category, resourceName), category, resourceName, entry, shape });
  }
  const rootTemplate = buildNestedRootTemplate(nestedStacks, options.envName, { identityPoolStack: identityPoolStack(deployed) });
  const authStackArtifacts = addApiGatewayAuthStack(files, rootTemplate, deployed, options, validator, bucket);
  const rootTemplateText = JSON.stringify(rootTemplate, null, 2);
  const record: DeploymentRecord = {
    stackName,
    rootTemplateHash: templateHash(rootTemplateText),
    resources: prepared.map((p) => ({ ...p.ref, templateUrl: p.templateUrl, ...(p.packaged ? { packaged: p.packaged } : {}) })),
  };

  options.onProgress({ type: 'phase', phase: 'upload', message: 'Uploading templates and artifacts...' });
  const s3 = options.factory.s3();
  const uploads = await uploadChangedArtifacts(s3, bucket, [
    ...prepared.flatMap((p) => p.artifacts),
    ...authStackArtifacts,
    { key: ROOT_TEMPLATE_KEY, body: rootTemplateText, contentType: 'text/plain' },
  ]);

  faultPoint('push:after-uploads');
  options.onProgress({ type: 'phase', phase: 'deploy', message: 'Updating resources in the cloud. This may take a few minutes...' });
  const cfn = options.factory.cloudFormation();
  options.beforeStackUpdate?.(record);
  const outcome = await updateStackAndWait(
    cfn,
    {
      StackName: stackName,
      TemplateURL: s3ObjectUrl(options.factory, bucket, ROOT_TEMPLATE_KEY),
      Capabilities: ['CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
      Parameters: [
        { ParameterKey: 'DeploymentBucketName', ParameterValue: bucket },
        { ParameterKey: 'AuthRoleName', ParameterValue: rootOutputs.AuthRoleName },
        { ParameterKey: 'UnauthRoleName', ParameterValue: rootOutputs.UnauthRoleName },
      ],
      Tags: stackTags(files.readProjectTags(), files.projectName(), options.envName),
    },
    { onProgress: options.onProgress, maxPollIntervalMs: options.maxPollIntervalMs },
  );

  faultPoint('push:after-stack-complete');
  options.onProgress({ type: 'phase', phase: 'outputs', message: 'Reading the outputs of the deployed resources...' });
  // Only stacks this push uploaded or the update touched can have new outputs; the rest keep the recorded ones.
  const outputsByLogicalId = await collectNestedStackOutputs(cfn, stackName, {
    recorded: recordedOutputs(meta),
    refresh: new Set([...pushedByLogicalId.keys(), ...(outcome.type === 'updated' ? nestedStacksTouched(outcome.events) : [])]),
  });
  faultPoint('push:after-outputs-read');
  const outputs = recordDeployment(files, options.envName, record, outputsByLogicalId);
  files.writeRootTemplate(rootTemplate);
  return outcome.type === 'no-updates' && uploads.uploaded.every((key) => key === ROOT_TEMPLATE_KEY)
    ? { type: 'no-changes', outputs }
    : { type: 'deployed', outputs, uploaded: uploads.uploaded };
}

/**
 * REST APIs with restricted paths get the provider's `APIGatewayAuthStack` (reference §3.4): synthesised from each
 * API's cli-inputs.json, nested in the root next to the APIs it names. Returns the template to upload.
 */
function addApiGatewayAuthStack(
  files: ProjectFiles,
  rootTemplate: ReturnType<typeof buildNestedRootTemplate>,
  deployed: Array<{ category: string; resourceName: string; entry: ResourceMeta }>,
  options: PushResourcesOptions,
  validator: TemplateValidator,
  bucket: string,
): Artifact[] {
  const apis: RestApiAccess[] = [];
  for (const { category, resourceName: apiName, entry } of deployed) {
    if (category !== 'api' || entry.service !== 'API Gateway') continue;
    const inputs = readJsonFile<{ paths?: RestApiAccess['paths'] }>(path.join(files.paths.resourceDir(category, apiName), 'cli-inputs.json'), { throwIfNotExist: false });
    if (inputs?.paths) apis.push({ apiName, paths: inputs.paths });
  }
  const template = apiGatewayAuthStack(apis);
  if (!template) return [];
  const issues = validator.validate(template, `${API_GATEWAY_AUTH_STACK}.json`);
  if (issues.length > 0) {
    throw new AmplifyFault('InvalidGeneratedTemplate', `The synthesised ${API_GATEWAY_AUTH_STACK} is invalid: ${issues.map((i) => formatTemplateIssue(i, `${API_GATEWAY_AUTH_STACK}.json`)).join('; ')}`);
  }
  const key = `${CFN_TEMPLATES_PREFIX}/api/${API_GATEWAY_AUTH_STACK}.json`;
  rootTemplate.Resources[API_GATEWAY_AUTH_STACK] = {
    Type: 'AWS::CloudFormation::Stack',
    Properties: { TemplateURL: s3ObjectUrl(options.factory, bucket, key), Parameters: apiGatewayAuthStackParameters(template, options.envName) },
  };
  return [{ key, body: JSON.stringify(template, null, 2), contentType: 'text/plain' }];
}

/** The outputs amplify-meta.json holds for this provider's resources, by nested-stack logical id. */
function recordedOutputs(meta: AmplifyMeta): NestedStackOutputs {
  const recorded: NestedStackOutputs = {};
  for (const [category, resourceName, entry] of listResources(meta)) {
    const output = entry.output as Record<string, string> | undefined;
    if (entry.providerPlugin === PROVIDER_NAME && output && typeof output === 'object') recorded[nestedStackLogicalId(category, resourceName)] = output;
  }
  return recorded;
}

/**
 * Records a deploy the root stack has taken in the project: outputs (every deployed resource) and provider metadata
 * (the pushed ones) in backend amplify-meta.json, code locations in team-provider-info. Run right after the deploy,
 * and again by the next command when a push was interrupted before it had written them (it is idempotent).
 */
export function recordDeployment(
  files: ProjectFiles,
  envName: string,
  record: DeploymentRecord,
  outputsByLogicalId: Record<string, Record<string, string>>,
): PushedOutputs {
  const outputs = recordPushInMeta(files, record.resources, outputsByLogicalId);
  faultPoint('push:after-meta-write');
  recordCodeLocations(files, envName, record.resources);
  return outputs;
}

function recordPushInMeta(files: ProjectFiles, resources: DeployedResource[], outputsByLogicalId: Record<string, Record<string, string>>): PushedOutputs {
  // Re-read: the meta may have been written by the core or a category while the stack was deploying.
  const meta = files.readMeta();
  const outputs: PushedOutputs = {};
  const pushed = new Map(resources.map((r) => [nestedStackLogicalId(r.category, r.resourceName), r]));
  for (const [category, resourceName, entry] of listResources(meta)) {
    if (entry.providerPlugin !== PROVIDER_NAME) continue;
    const logicalId = nestedStackLogicalId(category, resourceName);
    const resource = pushed.get(logicalId);
    if (resource) {
      entry.providerMetadata = { ...entry.providerMetadata, s3TemplateURL: resource.templateUrl, logicalId };
      // A new package is one with new content, and so a new name.
      if (resource.packaged && entry.distZipFilename !== resource.packaged.zipFileName) {
        entry.distZipFilename = resource.packaged.zipFileName;
        entry.lastPackageTimeStamp = new Date().toISOString();
      }
      if (resource.packaged) entry.s3Bucket = resource.packaged.code;
      // The original's key: a later push compares it to tell a new layer version from an unchanged one.
      if (resource.packaged?.versionHash) entry.latestPushedVersionHash = resource.packaged.versionHash;
    }
    const stackOutputs = outputsByLogicalId[logicalId];
    if (stackOutputs) {
      // What a category recorded in output at add (AppSync's authConfig) survives, as the original's meta merge keeps it.
      const authConfig = (entry.output as Record<string, unknown> | undefined)?.authConfig;
      entry.output = authConfig !== undefined ? { authConfig, ...stackOutputs } : stackOutputs;
      (outputs[category] ??= {})[resourceName] = stackOutputs;
    }
  }
  files.writeMeta(meta);
  return outputs;
}

/**
 * Records where each deployed package is in team-provider-info (`<env>.categories.<category>.<name>`), as the
 * original did: later pushes that do not package the resource pass the same location to its nested stack.
 */
function recordCodeLocations(files: ProjectFiles, envName: string, resources: DeployedResource[]): void {
  const packaged = resources.filter((r) => r.packaged);
  if (packaged.length === 0) return;
  const teamProviderInfo = files.readTeamProviderInfo();
  const categories = ((teamProviderInfo[envName] ??= {}).categories ??= {});
  for (const { category, resourceName, packaged: done } of packaged) {
    const byName = (categories[category] ??= {});
    byName[resourceName] = { ...byName[resourceName], ...done!.code };
  }
  files.writeTeamProviderInfo(teamProviderInfo);
}
