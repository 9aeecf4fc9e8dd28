import { AmplifyError, getCategoryResources, pathManager, stateManager, type AmplifyContext } from 'amplify-cli-core';

/** `amplify interactions console`: the Lex V2 console page of a deployed bot. */
export async function run(context: AmplifyContext): Promise<void> {
  const meta = stateManager.getMeta(pathManager.findProjectRoot());
  const resources = getCategoryResources(meta, 'interactions');
  const deployed = Object.keys(resources).filter((name) => resources[name].output);
  if (deployed.length === 0) throw new AmplifyError('ResourceNotDeployed', 'No bot has been pushed yet', { resolution: 'Run "amplify push" first' });
  const name = deployed.length === 1 ? deployed[0] : await context.amplify.prompter.pick<string>({ message: 'Select the bot', choices: deployed, flag: '--yes' });
  const output = resources[name].output ?? {};
  const region = String(output.Region ?? meta.providers?.awscloudformation?.Region ?? 'us-east-1');
  context.print.info(`${name}: https://${region}.console.aws.amazon.com/lexv2/home?region=${region}#bot/${String(output.BotId)}`);
}
