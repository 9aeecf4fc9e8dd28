import { AmplifyError, makeId } from 'amplify-cli-core';
import type { ProviderPrompter } from '../io/provider-prompter';
import { requireAccessKey } from './access-key-input';
import { writeProfile } from './aws-config-files';
import type { AwsEnv } from './aws-env';
import { AWS_REGIONS } from './regions';
import { DEFAULT_REGION } from '../constants';

const CONFIGURE_FLAG = 'aws configure --profile <name> (then pass --providers with that profile)';

/**
 * `amplify configure`: walks a person through creating an IAM user in the console and ends
 * with a named profile in ~/.aws/credentials and ~/.aws/config (both owner-only). Returns the profile name.
 * `canAsk` is false without a terminal or under --yes: the access keys have no default and come from a person
 * in the console, so the walkthrough refuses at once rather than print half of itself and fail on them. `env`
 * names the AWS config files to write.
 */
export async function configureNewUser(prompter: ProviderPrompter, print: (line: string) => void, canAsk: boolean, env: AwsEnv): Promise<string> {
  if (!canAsk) {
    throw new AmplifyError('NonInteractiveShell', '"amplify configure" walks a person through the AWS console and needs a terminal (--yes cannot answer it)', {
      resolution:
        'Create a profile with "aws configure --profile <name>" instead, then select it with --providers \'{"awscloudformation":{"configLevel":"project","useProfile":true,"profileName":"<name>"}}\'',
    });
  }
  print('Follow these steps to set up access to your AWS account:');
  print('');
  print('Sign in to your AWS administrator account:');
  print('https://console.aws.amazon.com/');
  await prompter.input({ message: 'Press Enter to continue', flag: CONFIGURE_FLAG, default: '' });
  const region = await prompter.pick<string>({
    message: 'Specify the AWS Region',
    flag: CONFIGURE_FLAG,
    choices: AWS_REGIONS.map((r) => ({ name: r, value: r })),
    default: DEFAULT_REGION,
  });
  const userName = await prompter.input({ message: 'Specify the username of the new IAM user:', flag: CONFIGURE_FLAG, default: `amplify-${makeId(5)}` });
  print('Complete the user creation using the AWS console:');
  print(
    `https://console.aws.amazon.com/iam/home?region=${region}#/users$new?step=final&accessKey&userNames=${encodeURIComponent(userName)}&permissionType=policies&policies=arn:aws:iam::aws:policy%2FAdministratorAccess-Amplify`,
  );
  await prompter.input({ message: 'Press Enter to continue', flag: CONFIGURE_FLAG, default: '' });
  print('Enter the access key of the newly created user:');
  const accessKeyId = await prompter.password({ message: 'accessKeyId:', flag: CONFIGURE_FLAG, validate: requireAccessKey('accessKeyId') });
  const secretAccessKey = await prompter.password({ message: 'secretAccessKey:', flag: CONFIGURE_FLAG, validate: requireAccessKey('secretAccessKey') });
  print('This would update/create the AWS Profile in your local machine');
  const profileName = await prompter.input({ message: 'Profile Name:', flag: CONFIGURE_FLAG, default: 'default' });
  writeProfile(profileName.trim(), { accessKeyId: accessKeyId.trim(), secretAccessKey: secretAccessKey.trim(), region }, env);
  print('');
  print('Successfully set up the new user.');
  return profileName.trim();
}
