import * as path from 'path';
import type { AmplifyContext } from 'amplify-cli-core';

export function printAdded(context: AmplifyContext, functionName: string, directory: string): void {
  const relative = path.relative(process.cwd(), directory) || '.';
  context.print.success(`Successfully added resource ${functionName} locally.`);
  context.print.info('');
  context.print.info('Next steps:');
  context.print.info(`Check out sample function code generated in ${path.join(relative, 'src')}`);
  context.print.info(`"amplify function invoke ${functionName}" runs it locally with src/event.json`);
  context.print.info(`"amplify function build ${functionName}" installs its dependencies and packages it`);
  context.print.info('"amplify push" builds all of your local backend resources and provisions them in the cloud');
}
