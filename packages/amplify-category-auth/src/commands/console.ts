import { AmplifyError, getResourceMeta, pathManager, stateManager, type AmplifyContext } from 'amplify-cli-core';
import { findAuthResource } from '../service/auth-resource';

/** `amplify auth console`: the AWS console pages of the deployed user pool and identity pool. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const meta = stateManager.getMeta(projectRoot);
  const name = findAuthResource(projectRoot);
  const output = name ? getResourceMeta(meta, 'auth', name)?.output : undefined;
  if (!output) {
    throw new AmplifyError('ResourceNotDeployed', 'The auth resource has not been pushed yet', { resolution: 'Run "amplify push" first' });
  }
  const region = String(meta.providers?.awscloudformation?.Region ?? 'us-east-1');
  const choices = [
    { name: 'User Pool', value: 'userPool' },
    ...(output.IdentityPoolId ? [{ name: 'Identity Pool', value: 'identityPool' }, { name: 'User Pool and Identity Pool', value: 'both' }] : []),
  ];
  const which = await context.amplify.prompter.pick<string>({ message: 'Which console', choices, default: 'userPool', flag: '--yes' });
  if (which !== 'identityPool') {
    context.print.info(`User Pool console: https://${region}.console.aws.amazon.com/cognito/v2/idp/user-pools/${String(output.UserPoolId)}/users?region=${region}`);
  }
  if (which !== 'userPool') {
    context.print.info(`Identity Pool console: https://${region}.console.aws.amazon.com/cognito/v2/identity/identity-pools/${String(output.IdentityPoolId)}?region=${region}`);
  }
}
