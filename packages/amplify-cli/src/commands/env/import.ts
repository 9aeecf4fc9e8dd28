import { AmplifyError, isRecord, LocalAwsEnvInfo, pathManager, stateManager, TeamProviderEnv, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { parseHeadlessInput, validateEnvName } from '../../lifecycle/headless-input';

const CONFIG_EXAMPLE = `--config '{"awscloudformation":{"StackName":"…","DeploymentBucketName":"…","Region":"us-east-1",…}}'`;
const AWS_INFO_EXAMPLE = `--awsInfo '{"configLevel":"project","useProfile":true,"profileName":"default"}'`;


function jsonOption(value: string | boolean | undefined, flag: string, example: string): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = typeof value === 'string' ? JSON.parse(value) : undefined;
  } catch (cause) {
    throw new AmplifyError('InvalidHeadlessParameter', `${flag} is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`, {
      resolution: `Quote the whole value as one shell word, e.g. ${example}`,
      cause,
    });
  }
  if (!isRecord(parsed)) {
    throw new AmplifyError('InvalidHeadlessParameter', `${flag} must be a JSON object`, { resolution: `Pass e.g. ${example}` });
  }
  return parsed;
}

/**
 * `amplify env import --name <env> --config <provider records> [--awsInfo <credential choice>] [--yes]`: records
 * an env that exists in the cloud (e.g. created by another clone) so that it can be checked out here.
 */
export const run = async (context: CoreCommandContext): Promise<void> => {
  const options = context.input.options ?? {};
  const name = options.name;
  if (typeof name !== 'string') {
    throw new AmplifyError('MissingArgument', '"amplify env import" needs --name <env>', { resolution: `Run "amplify env import --name <env> ${CONFIG_EXAMPLE}"` });
  }
  validateEnvName(name, '--name');
  const config = jsonOption(options.config, '--config', CONFIG_EXAMPLE);
  if (!config) {
    throw new AmplifyError('MissingArgument', '"amplify env import" needs --config with the env\'s provider records', { resolution: `Pass ${CONFIG_EXAMPLE}` });
  }
  const cfn = config.awscloudformation;
  if (!isRecord(cfn) || typeof cfn.StackName !== 'string' || typeof cfn.DeploymentBucketName !== 'string') {
    throw new AmplifyError('InvalidHeadlessParameter', '--config must hold awscloudformation.StackName and DeploymentBucketName', { resolution: `Pass ${CONFIG_EXAMPLE}` });
  }
  const awsInfo = jsonOption(options.awsInfo, '--awsInfo', AWS_INFO_EXAMPLE);
  if (awsInfo && typeof awsInfo.configLevel !== 'string') {
    throw new AmplifyError('InvalidHeadlessParameter', '--awsInfo must name a configLevel', { resolution: `Pass ${AWS_INFO_EXAMPLE}` });
  }
  const headless = parseHeadlessInput(options);
  const projectRoot = pathManager.findProjectRoot(context.session.environment.cwd);
  await withProjectLock(projectRoot, 'env import', async () => {
    const teamProviderInfo = stateManager.getTeamProviderInfo(projectRoot, { default: {} });
    if (teamProviderInfo[name] && !headless.yes) {
      const overwrite = await context.amplify.prompter.confirm({
        message: `The environment "${name}" already exists. Do you want to overwrite it?`,
        default: false,
        flag: '--yes',
      });
      if (!overwrite) return;
    }
    teamProviderInfo[name] = { ...teamProviderInfo[name], ...(config as TeamProviderEnv) };
    stateManager.setTeamProviderInfo(projectRoot, teamProviderInfo);
    if (awsInfo) {
      const localAwsInfo = stateManager.getLocalAWSInfo(projectRoot, { default: {} });
      localAwsInfo[name] = awsInfo as LocalAwsEnvInfo;
      stateManager.setLocalAWSInfo(projectRoot, localAwsInfo);
    }
    context.session.printer.success(`✔ Successfully added environment "${name}" from your project. Run "amplify env checkout ${name}" to use it.`);
  });
};
