import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, DEFAULT_PROJECT_TAGS, type InterruptedPushOutcome, pathManager, recordProviderInPushJournal } from 'amplify-cli-core';
import { PROVIDER_ALIASES, PROVIDER_NAME } from './constants';
import type { ProviderContext, ProviderResourceStatus } from './context/provider-context';
import { type AwsConfigChoice, parseAwsConfigChoice, parseAwsConfigInput } from './aws/aws-config-info';
import { chooseAwsConfig } from './aws/choose-aws-config';
import { AwsClientFactory, withFactory } from './aws/client-factory';
import { type ResolveTargetOptions, persistAwsConfig, removeAwsConfig } from './aws/credentials';
import { envTarget, envTargetForCleanup, readEnvAwsConfig, targetForChoice } from './aws/env-target';
import { pluginLocalCloud } from './aws/local-cloud-launcher';
import { providerHomeDir } from './aws/amplify-home';
import { configureNewUser as runNewUserWalkthrough } from './aws/configure-new-user';
import { AWS_REGIONS } from './aws/regions';
import { buildResources as buildFunctions } from './deploy/build-resources';
import { createEventLogPrinter } from './deploy/event-printer';
import { apisWithExpiredKeys, compileGraphQLApis } from './deploy/graphql-compile-step';
import { createLiveActivityPrinter } from './deploy/live-activity-printer';
import { isDeploymentRecord, settleInterruptedDeployment } from './deploy/interrupted-deployment';
import type { ProgressListener } from './deploy/progress-event';
import { type PushResult, loadResourceParameters as loadParameters, pushResources as deployResources, readRootStackOutputs } from './deploy/push-resources';
import { downloadCurrentCloudBackend, storeCurrentCloudBackend as uploadCurrentCloudBackend } from './env/current-cloud-backend';
import { findAppBackendEnvironment, registerBackendEnvironment } from './env/amplify-app';
import { completeEnvironment } from './env/create-env';
import { consoleUrl } from './env/console-url';
import { localConsoleLink } from './env/local-console-link';
import { deleteEnvFromCloud } from './env/delete-env';
import { recordAwsConfig, recordRootStack } from './env/record-env';
import { syncEnvironment } from './env/sync-env';
import { ProjectFiles } from './project/project-files';
import type { RootStackOutputs } from './project/project-types';
import { createRootStack, stackOutputs } from './root-stack/create-root-stack';
import { stackTags } from './root-stack/stack-tags';

/**
 * The provider's plugin functions. Each is a thin wrapper: it reads what it needs from the
 * context, then calls a service function that takes explicit inputs (and is what the tests exercise).
 */

/**
 * The project of this command: the path the core passes (`exeInfo.localEnvInfo.projectPath`, so in-process callers
 * work from any directory), else the project around the working directory, else (init of a new project) the
 * working directory it is being created in.
 */
function projectFiles(context: ProviderContext): ProjectFiles {
  return new ProjectFiles(context.exeInfo?.localEnvInfo?.projectPath ?? pathManager.searchProjectRootPath() ?? process.cwd());
}

function envNameOf(context: ProviderContext, files: ProjectFiles): string {
  return context.exeInfo?.localEnvInfo?.envName ?? files.currentEnvName();
}

/** The current env, when there is one (`amplify delete` may run where no env is checked out). */
function currentEnvNameIfAny(context: ProviderContext, files: ProjectFiles): string | undefined {
  return context.exeInfo?.localEnvInfo?.envName ?? files.currentEnvNameIfAny();
}

/** A live view for a person at a terminal; one line per event for pipes, CI and logs. */
function progressPrinter(context: ProviderContext): ProgressListener {
  if (context.environment.stdoutIsTTY && !context.environment.env.CI) return createLiveActivityPrinter(process.stdout);
  return createEventLogPrinter((line) => context.print.info(line));
}

/** The provider block of `--providers`, under its name or one of its aliases. */
function headlessBlock(context: ProviderContext): unknown {
  const params = context.exeInfo?.inputParams ?? {};
  for (const key of [PROVIDER_NAME, ...PROVIDER_ALIASES]) if (params[key] !== undefined) return params[key];
  const providers = params.providers;
  if (typeof providers === 'object' && providers !== null) {
    for (const key of [PROVIDER_NAME, ...PROVIDER_ALIASES]) {
      const block = (providers as Record<string, unknown>)[key];
      if (block !== undefined) return block;
    }
  }
  return undefined;
}

function isYes(context: ProviderContext): boolean {
  return context.exeInfo?.inputParams?.yes === true || context.input?.options?.yes === true;
}

async function chooseForContext(context: ProviderContext, files: ProjectFiles, envName: string): Promise<AwsConfigChoice> {
  return chooseAwsConfig({
    headless: headlessBlock(context),
    existing: readEnvAwsConfig(files, envName),
    yes: isYes(context),
    prompter: context.amplify.prompter,
    info: (line) => context.print.info(line),
    env: context.environment.env,
  });
}

/** Role profiles with `mfa_serial` need a code from the person at the keyboard. */
function resolveOptions(context: ProviderContext): ResolveTargetOptions {
  return {
    localCloud: pluginLocalCloud(context),
    env: context.environment.env,
    mfaCodeProvider: (serial) =>
      context.amplify.prompter.input({
        message: `Enter the MFA token code for ${serial}:`,
        flag: 'a profile without mfa_serial (or session credentials in AWS_* variables with configLevel "general")',
      }),
  };
}

/** Factory for the current env (or a named one) as configured on this machine. */
async function envFactory(context: ProviderContext, files: ProjectFiles, envName: string, action?: string): Promise<AwsClientFactory> {
  return new AwsClientFactory(await envTarget(files, envName, resolveOptions(context)), context.environment.env, action);
}

/** `init`: pick credentials and, for a new env, create its root stack; results wait in exeInfo for onInitSuccessful. */
export async function init(context: ProviderContext): Promise<void> {
  const files = projectFiles(context);
  const exeInfo = (context.exeInfo ??= {});
  const envName = envNameOf(context, files);
  const choice = await chooseForContext(context, files, envName);
  exeInfo.awsConfigInfo = choice;
  // Only a new env gets a root stack; init of an existing env (checkout, a second machine) only picks credentials.
  if (exeInfo.isNewEnv !== true) return;
  const projectName = exeInfo.projectConfig?.projectName;
  if (!projectName) {
    throw new AmplifyError('ProjectNameMissing', 'The project has no name, so its root stack cannot be named.', {
      resolution: 'Pass --amplify \'{"projectName":"<name>"}\' or run "amplify init" again.',
    });
  }
  return withFactory(new AwsClientFactory(await targetForChoice(choice, resolveOptions(context)), context.environment.env, 'init'), async (factory) => {
    // A new project's tags.json is completed with the default tags after this stack exists: it gets them already.
    const written = files.readProjectTags();
    const projectTags = exeInfo.isNewProject === true ? [...written, ...DEFAULT_PROJECT_TAGS.filter((tag) => !written.some((own) => own.Key === tag.Key))] : written;
    const tags = stackTags(projectTags, projectName, envName);
    const stack = await createRootStack({ projectName, envName, factory, tags, onProgress: progressPrinter(context) });
    const appId = await registerBackendEnvironment(factory.amplifyClient(), {
      appId: projectAppId(files),
      projectName,
      envName,
      stackName: String(stack.StackName),
      deploymentBucketName: String(stack.DeploymentBucketName),
    });
    const outputs: RootStackOutputs = { ...stack, AmplifyAppId: appId };
    exeInfo.amplifyMeta = { ...exeInfo.amplifyMeta, providers: { ...exeInfo.amplifyMeta?.providers, [PROVIDER_NAME]: outputs } };
    const teamProviderInfo = (exeInfo.teamProviderInfo ??= {});
    teamProviderInfo[envName] = { ...teamProviderInfo[envName], [PROVIDER_NAME]: outputs };
  });
}

/** The Amplify app another env of the project registered with, if any. */
function projectAppId(files: ProjectFiles): string | undefined {
  const envs = Object.values(files.readTeamProviderInfo());
  return envs.map((env) => (env[PROVIDER_NAME] as RootStackOutputs | undefined)?.AmplifyAppId).find((appId) => typeof appId === 'string' && appId !== '');
}

/** `onInitSuccessful`: persist the credential choice and, for a new env, its records and first backend copy. */
export async function onInitSuccessful(context: ProviderContext): Promise<void> {
  const files = projectFiles(context);
  const envName = envNameOf(context, files);
  const info = persistAwsConfig(parseAwsConfigChoice(context.exeInfo?.awsConfigInfo, envName), { projectRoot: files.paths.projectRoot, envName });
  const outputs = context.exeInfo?.teamProviderInfo?.[envName]?.[PROVIDER_NAME] as RootStackOutputs | undefined;
  if (context.exeInfo?.isNewEnv !== true || !outputs?.StackName) {
    recordAwsConfig(files, envName, info);
    return;
  }
  return withFactory(new AwsClientFactory(await targetForChoice(info, resolveOptions(context)), context.environment.env), async (factory) => {
    await completeEnvironment(files.paths.projectRoot, envName, outputs, info, factory);
  });
}

/** `initEnv` (env checkout / pull / init of an existing env): bring the deployed backend and outputs here. */
export async function initEnv(context: ProviderContext, providerMeta?: RootStackOutputs): Promise<void> {
  if (context.exeInfo?.isNewEnv) return;
  const files = projectFiles(context);
  const envName = envNameOf(context, files);
  return withFactory(await envFactory(context, files, envName), async (factory) => {
    await syncEnvironment({
      projectRoot: files.paths.projectRoot,
      envName,
      factory,
      restoreBackend: context.exeInfo?.restoreBackend === true,
      rootStack: providerMeta?.StackName ? providerMeta : undefined,
    });
  });
}

/** `amplify pull` into a fresh clone: the env's deployed backend replaces the local one. */
export async function attachBackend(context: ProviderContext): Promise<void> {
  const files = projectFiles(context);
  const envName = envNameOf(context, files);
  if (!readEnvAwsConfig(files, envName)) {
    const choice = await chooseForContext(context, files, envName);
    recordAwsConfig(files, envName, persistAwsConfig(choice, { projectRoot: files.paths.projectRoot, envName }));
  }
  return withFactory(await envFactory(context, files, envName, 'pull'), async (factory) => {
    await syncEnvironment({ projectRoot: files.paths.projectRoot, envName, factory, restoreBackend: true });
  });
}

/**
 * `amplify pull --appId <id> [--envName <env>]` in a folder without a project: credentials are chosen, the env is
 * found in the Amplify app, and its root stack outputs and this machine's credential choice are recorded, so that
 * `attachBackend` can bring the backend down. Answers the env and the project's name (the app's).
 */
export async function resolveAppBackend(context: ProviderContext, request: { appId: string; envName?: string }): Promise<{ envName: string; projectName: string }> {
  const files = projectFiles(context);
  const choice = await chooseAwsConfig({
    headless: headlessBlock(context),
    existing: undefined,
    yes: isYes(context),
    prompter: context.amplify.prompter,
    info: (line) => context.print.info(line),
    env: context.environment.env,
  });
  return withFactory(new AwsClientFactory(await targetForChoice(choice, resolveOptions(context)), context.environment.env, 'pull'), async (factory) => {
    const found = await findAppBackendEnvironment(factory.amplifyClient(), request.appId, request.envName, (envNames) =>
      context.amplify.prompter.pick<string>({ message: 'Pick a backend environment:', choices: envNames.map((name) => ({ name, value: name })), flag: '--envName' }),
    );
    const stack = await factory.cloudFormation().describeStack(found.stackName);
    if (!stack) {
      throw new AmplifyError('StackNotFound', `The root stack ${found.stackName} of env "${found.envName}" (Amplify app ${found.appId}) does not exist.`, {
        resolution: `The env was deleted outside amplify; remove it with "aws amplify delete-backend-environment --app-id ${found.appId} --environment-name ${found.envName}"`,
      });
    }
    const outputs: RootStackOutputs = { ...stackOutputs(stack), StackName: found.stackName, DeploymentBucketName: found.deploymentBucketName, AmplifyAppId: found.appId };
    recordRootStack(files, found.envName, outputs);
    recordAwsConfig(files, found.envName, persistAwsConfig(choice, { projectRoot: files.paths.projectRoot, envName: found.envName }));
    return { envName: found.envName, projectName: found.appName };
  });
}

/** `pushResources`: deploy what the status says changed (everything with forcePush). */
export async function pushResources(context: ProviderContext, status: ProviderResourceStatus): Promise<PushResult> {
  const files = projectFiles(context);
  const envName = envNameOf(context, files);
  const ours = (list: ProviderResourceStatus['allResources']) => list.filter((r) => (r.providerPlugin ?? PROVIDER_NAME) === PROVIDER_NAME);
  const selected = context.exeInfo?.forcePush ? ours(status.allResources) : [...ours(status.resourcesToBeCreated), ...ours(status.resourcesToBeUpdated)];
  const expiredKeys = apisWithExpiredKeys(files, files.readMeta());
  for (const api of expiredKeys) context.print.info(`The API key of ${api.resourceName} has expired; this push renews it.`);
  const unique = [...new Map([...selected, ...expiredKeys].map((r) => [`${r.category}/${r.resourceName}`, { category: r.category, resourceName: r.resourceName }])).values()];
  const projectRoot = files.paths.projectRoot;
  await compileGraphQLApis(context, files, unique);
  return withFactory(await envFactory(context, files, envName, 'push'), (factory) =>
    deployResources({
      projectRoot,
      envName,
      resources: unique,
      factory,
      onProgress: progressPrinter(context),
      beforeStackUpdate: (record) => recordProviderInPushJournal(projectRoot, PROVIDER_NAME, record),
    }),
  );
}

/** `completeInterruptedPush`: what became of a push killed after it recorded its deploy in the push journal. */
export async function completeInterruptedPush(context: ProviderContext, record: unknown): Promise<InterruptedPushOutcome> {
  if (!isDeploymentRecord(record)) return { type: 'not-deployed' };
  const files = projectFiles(context);
  const envName = envNameOf(context, files);
  // It runs ahead of another command (status --json among them): only its notices are shown, and on stderr.
  const onProgress: ProgressListener = (event) => {
    if (event.type === 'notice') context.print.warning(event.message);
  };
  return withFactory(await envFactory(context, files, envName, 'push'), (factory) => settleInterruptedDeployment({ files, envName, record, factory, onProgress }));
}

/** `buildResources` (`amplify function build`): package built resources without deploying them. */
export async function buildResources(context: ProviderContext, category?: string, resourceName?: string): Promise<void> {
  const built = await buildFunctions({ projectRoot: projectFiles(context).projectRoot, category, resourceName });
  for (const resource of built) context.print.info(`Built ${resource.category} ${resource.resourceName}: ${resource.zipFileName}`);
}

/** `storeCurrentCloudBackend`: called by the core after it refreshed `#current-cloud-backend/`. */
export async function storeCurrentCloudBackend(context: ProviderContext): Promise<void> {
  const files = projectFiles(context);
  const envName = envNameOf(context, files);
  const rootStack = readRootStackOutputs(files, envName);
  return withFactory(await envFactory(context, files, envName), async (factory) => {
    await uploadCurrentCloudBackend(files, factory.s3(), rootStack.DeploymentBucketName!);
  });
}

/** `deleteEnv`: the env's stack, the buckets its stacks own, and (with deleteS3) its deployment bucket. */
export async function deleteEnv(context: ProviderContext, envName: string, deleteS3 = true): Promise<void> {
  const files = projectFiles(context);
  const rootStack = files.readTeamProviderInfo()[envName]?.[PROVIDER_NAME];
  // The env's keys file goes with the env, once the cloud no longer needs it: secrets do not outlive their use.
  const forgetKeys = () => {
    const info = files.readLocalAwsInfo()[envName];
    if (info?.configLevel === 'project' && !info.useProfile) removeAwsConfig(info);
  };
  if (!rootStack?.StackName) {
    context.print.warning(`Env "${envName}" has no root stack recorded; nothing to delete in the cloud.`);
    forgetKeys();
    return;
  }
  const target = await envTargetForCleanup(files, envName, currentEnvNameIfAny(context, files), (line) => context.print.warning(line), resolveOptions(context));
  await withFactory(new AwsClientFactory(target, context.environment.env, 'delete'), async (factory) => {
    await deleteEnvFromCloud({ envName, rootStack, factory, deleteS3, onProgress: progressPrinter(context) });
  });
  forgetKeys();
  if (target.local && target.endpoint) {
    // The instance holds every project's envs of this HOME (and maybe other HOMEs'): deleting one env leaves it up.
    context.print.info(`The local cloud at ${target.endpoint} keeps running for other projects; "amplify local-cloud stop" stops it.`);
  }
}

/**
 * `console`: where to look at this env, printed and returned (opening a browser is the CLI's choice): the AWS
 * CloudFormation console, or on the local cloud a one-time link to its page of the env's stacks.
 */
export async function console(context: ProviderContext): Promise<string> {
  const files = projectFiles(context);
  const envName = envNameOf(context, files);
  const rootStack = readRootStackOutputs(files, envName);
  const target = await envTarget(files, envName, resolveOptions(context));
  const url =
    target.local && target.endpoint && rootStack.StackName && typeof target.credentials === 'object' && 'accessKeyId' in target.credentials
      ? await localConsoleLink({ endpoint: target.endpoint, credentials: target.credentials }, rootStack.StackName)
      : consoleUrl(target, rootStack);
  context.print.info(url);
  return url;
}

/**
 * `configure` (the provider's part of `amplify configure project`): replace or remove this
 * env's credential choice. Headless input replaces it directly.
 */
export async function configure(context: ProviderContext): Promise<void> {
  const files = projectFiles(context);
  const envName = envNameOf(context, files);
  const current = readEnvAwsConfig(files, envName);
  const headless = headlessBlock(context);
  let next: AwsConfigChoice;
  if (headless !== undefined) {
    next = parseAwsConfigInput(headless);
  } else {
    const action = await context.amplify.prompter.pick<'update' | 'remove' | 'cancel'>({
      message: current ? 'Do you want to update or remove the project level AWS profile?' : 'Do you want to set the project level configuration?',
      flag: '--providers',
      choices: current
        ? [
            { name: 'update', value: 'update' },
            { name: 'remove', value: 'remove' },
            { name: 'cancel', value: 'cancel' },
          ]
        : [
            { name: 'yes', value: 'update' },
            { name: 'no (use the default credential chain)', value: 'remove' },
          ],
      default: current ? 'cancel' : 'update',
    });
    if (action === 'cancel') return;
    if (action === 'remove' && current && !isYes(context)) {
      const confirmed = await context.amplify.prompter.confirm({ message: 'Remove project level configuration', default: false, flag: '--yes' });
      if (!confirmed) return;
    }
    next = action === 'remove' ? { configLevel: 'general' } : await chooseAwsConfig({ yes: false, prompter: context.amplify.prompter, info: (l) => context.print.info(l), env: context.environment.env });
  }
  if (current) removeAwsConfig(current);
  recordAwsConfig(files, envName, persistAwsConfig(next, { projectRoot: files.paths.projectRoot, envName }));
}

/** `amplify configure`: the new IAM user walkthrough, ending in a profile. */
export async function configureNewUser(context: ProviderContext): Promise<string> {
  const canAsk = !isYes(context) && context.environment.isInteractive();
  return runNewUserWalkthrough(context.amplify.prompter, (line) => context.print.info(line), canAsk, context.environment.env);
}

/** `getConfiguredAWSClient`: the client factory for the current env, for categories that call AWS themselves. */
export async function getConfiguredAWSClient(context: ProviderContext, category?: string, action?: string): Promise<AwsClientFactory> {
  const files = projectFiles(context);
  return envFactory(context, files, envNameOf(context, files), category && action ? `${category.slice(0, 2)}:${action.slice(0, 1)}` : undefined);
}

/** parameters.json merged with this env's values from team-provider-info. */
export function loadResourceParameters(context: ProviderContext, category: string, resourceName: string): Record<string, unknown> {
  const files = projectFiles(context);
  return loadParameters(files, envNameOf(context, files), category, resourceName);
}

/**
 * Saves a resource's parameters, moving env-specific ones (secrets, per-env names) to team-provider-info so
 * that parameters.json stays the same in every env.
 */
export function saveResourceParameters(
  context: ProviderContext,
  // Kept from the original signature so callers carry over; this provider only saves its own parameters.
  _providerName: string,
  category: string,
  resourceName: string,
  parameters: Record<string, unknown>,
  envSpecificParameters: string[] = [],
): void {
  const files = projectFiles(context);
  const envName = envNameOf(context, files);
  const shared: Record<string, unknown> = {};
  const perEnv: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parameters)) (envSpecificParameters.includes(key) ? perEnv : shared)[key] = value;
  files.writeResourceParameters(category, resourceName, shared);
  if (envSpecificParameters.length > 0) {
    const teamProviderInfo = files.readTeamProviderInfo();
    const env = (teamProviderInfo[envName] ??= {});
    const byName = ((env.categories ??= {})[category] ??= {});
    // Where the last push put the resource's code is the provider's record, not one of the category's parameters.
    const { deploymentBucketName, s3Key } = byName[resourceName] ?? {};
    byName[resourceName] = { ...perEnv, ...(deploymentBucketName !== undefined && s3Key !== undefined ? { deploymentBucketName, s3Key } : {}) };
    files.writeTeamProviderInfo(teamProviderInfo);
  }
}

/** `amplify awscloudformation <command>` (the manifest's commands; the core renders their help from it). */
export async function executeAmplifyCommand(context: ProviderContext): Promise<void> {
  switch (context.input?.command) {
    case 'configure':
      await configure(context);
      // Only here: under "amplify configure project" the CLI says it once for the whole project.
      context.print.success('Successfully made configuration changes to your project.');
      return;
    case 'console':
      await console(context);
      return;
    case 'reset-cache': {
      // Role credentials are cached by the SDK in memory only; this removes the file older CLIs kept them in.
      fs.rmSync(path.join(providerHomeDir(), 'cache.json'), { force: true });
      context.print.success('Cached AWS credentials were removed.');
      return;
    }
    default:
      throw new AmplifyError('UnknownCommand', `"${context.input?.command}" is not an awscloudformation command.`, {
        resolution: 'Run "amplify awscloudformation help" to see the commands.',
      });
  }
}

/**
 * `providerUtils.syncCurrentCloudBackend`: replaces `#current-cloud-backend/` with the copy the last push of the
 * current env uploaded (the original's "Fetching updates to backend environment" before a push's status). Opt-in:
 * the core calls it only when asked (`--sync`), to keep a no-op push fast. False when the env was never pushed.
 */
export async function syncCurrentCloudBackend(context: ProviderContext): Promise<boolean> {
  const files = projectFiles(context);
  const envName = envNameOf(context, files);
  const rootStack = readRootStackOutputs(files, envName);
  return withFactory(await envFactory(context, files, envName), async (factory) => {
    const downloaded = await downloadCurrentCloudBackend(files, factory.s3(), rootStack.DeploymentBucketName!, false);
    // The downloaded meta names the root stack as the pushing machine saw it; keep this env's record.
    if (downloaded) recordRootStack(files, envName, rootStack);
    return downloaded;
  });
}

/** Utilities categories (and the core) reach through `executeProviderUtils`. */
export const providerUtils = {
  getRegions: async (): Promise<string[]> => [...AWS_REGIONS],
  syncCurrentCloudBackend,
};
