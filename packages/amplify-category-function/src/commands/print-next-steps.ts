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

/** Where the layer's content goes, as the original says it after add and update. */
export function printLayerNextSteps(context: AmplifyContext, directory: string, action: 'created' | 'updated'): void {
  const relative = path.relative(process.cwd(), directory) || '.';
  context.print.info(`Lambda layer folders & files ${action}:`);
  context.print.info(relative);
  context.print.info('');
  context.print.info('Next steps:');
  context.print.info('Move your libraries to the following folder:');
  context.print.info(`[NodeJS]: ${path.join(relative, 'lib', 'nodejs')}`);
  context.print.info('');
  context.print.info('Include any files you want to share across runtimes in this folder:');
  context.print.info(path.join(relative, 'opt'));
  context.print.info('');
  context.print.info('"amplify function update <function-name>" - configure a function with this Lambda layer');
  context.print.info('"amplify push" - builds all of your local backend resources and provisions them in the cloud');
}
