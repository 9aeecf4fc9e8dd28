import { AmplifyError, getCategoryResources, pathManager, stateManager, type AmplifyContext } from 'amplify-cli-core';

/** `amplify api console`: the AppSync or API Gateway console page of a deployed API. */
export async function run(context: AmplifyContext): Promise<void> {
  const meta = stateManager.getMeta(pathManager.findProjectRoot());
  const resources = getCategoryResources(meta, 'api');
  const deployed = Object.keys(resources).filter((name) => resources[name].output?.GraphQLAPIIdOutput || resources[name].output?.ApiId);
  if (deployed.length === 0) {
    throw new AmplifyError('ResourceNotDeployed', 'No API has been pushed yet', { resolution: 'Run "amplify push" first' });
  }
  const name = deployed.length === 1 ? deployed[0] : await context.amplify.prompter.pick<string>({ message: 'Select the API', choices: deployed, default: deployed[0] });
  const region = String(meta.providers?.awscloudformation?.Region ?? 'us-east-1');
  const output = resources[name].output ?? {};
  const url =
    resources[name].service === 'AppSync'
      ? `https://console.aws.amazon.com/appsync/home?region=${region}#/${String(output.GraphQLAPIIdOutput)}/v1/queries`
      : `https://console.aws.amazon.com/apigateway/home?region=${region}#/apis/${String(output.ApiId)}/resources/`;
  context.print.info(`${name}: ${url}`);
}
