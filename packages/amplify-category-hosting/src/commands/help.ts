import type { AmplifyContext } from 'amplify-cli-core';

const COMMANDS: Array<[string, string]> = [
  ['amplify hosting add', 'Adds S3AndCloudFront hosting: DEV (S3 website over HTTP, the default) or PROD (CloudFront over HTTPS)'],
  ['amplify hosting configure', 'Changes the website documents, CloudFront settings (or DEV <-> PROD) and publish ignore patterns'],
  ['amplify hosting remove', 'Removes hosting locally; the next push deletes its stack (the bucket is retained)'],
  ['amplify hosting push', 'Deploys the hosting resources'],
  ['amplify hosting console', "Prints the bucket's console page and the site's URL"],
  ['amplify publish [-c]', 'Pushes, builds the app and uploads what changed; -c invalidates the CloudFront cache'],
  ['flags for add/configure', '--environment DEV|PROD --bucketName <name> --indexDocument <file> --errorDocument <file>'],
];

export async function run(context: AmplifyContext): Promise<void> {
  context.print.info('Usage: amplify hosting <subcommand>');
  context.print.table([['Command', 'Description'], ...COMMANDS], { format: 'lean' });
}
