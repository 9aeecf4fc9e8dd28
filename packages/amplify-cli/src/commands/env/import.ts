import { AmplifyError, isRecord, parseLocalAwsEnvInfo, pathManager, stateManager, TeamProviderEnv, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { parseHeadlessInput, parseJsonObjectOption, validateEnvName } from '../../lifecycle/headless-input';

const CONFIG_EXAMPLE = `--config '{"awscloudformation":{"StackName":"…","DeploymentBucketName":"…","Region":"us-east-1",…}}'`;
const AWS_INFO_EXAMPLE = '{"configLevel":"project","useProfile":true,"profileName":"default"}';

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
  const config = parseJsonObjectOption(options.config, '--config', CONFIG_EXAMPLE);
  if (!config) {
    throw new AmplifyError('MissingArgument', '"amplify env import" needs --config with the env\'s provider records', { resolution: `Pass ${CONFIG_EXAMPLE}` });
  }
  const cfn = config.awscloudformation;
  if (!isRecord(cfn) || typeof cfn.StackName !== 'string' || typeof cfn.DeploymentBucketName !== 'string') {
    throw new AmplifyError('InvalidHeadlessParameter', '--config must hold awscloudformation.StackName and DeploymentBucketName', { resolution: `Pass ${CONFIG_EXAMPLE}` });
  }
  const awsInfoOption = parseJsonObjectOption(options.awsInfo, '--awsInfo', `--awsInfo '${AWS_INFO_EXAMPLE}'`);
  const awsInfo = awsInfoOption && parseLocalAwsEnvInfo(awsInfoOption, '--awsInfo', AWS_INFO_EXAMPLE);
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
      localAwsInfo[name] = awsInfo;
      stateManager.setLocalAWSInfo(projectRoot, localAwsInfo);
    }
    context.session.printer.success(`✔ Successfully added environment "${name}" from your project. Run "amplify env checkout ${name}" to use it.`);
  });
};
