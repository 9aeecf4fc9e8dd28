import { AmplifyError, pathManager, validateHeadlessRequest, type AmplifyContext } from 'amplify-cli-core';
import { findAuthResource, readAuthConfig, saveAuthResource } from '../service/auth-resource';
import { cognitoDefaults } from '../service/cognito-defaults';
import { fromAddAuthRequest, fromUpdateAuthRequest, type AddAuthRequest, type UpdateAuthRequest } from '../service/headless-mapping';
import { addAuthRequestSchema, updateAuthRequestSchema } from '../service/headless-schemas';

/** `amplify add|update auth --headless` with an `AddAuthRequest` / `UpdateAuthRequest` (version 2) on stdin. */
export async function runHeadless(context: AmplifyContext, payload: string): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const prompter = context.amplify.prompter;
  switch (context.input.command) {
    case 'add':
    case 'enable': {
      const request = validateHeadlessRequest<AddAuthRequest>(addAuthRequestSchema, payload, 'AddAuthRequest');
      const defaults = cognitoDefaults(context.amplify.getProjectConfig().projectName);
      const name = await saveAuthResource(projectRoot, fromAddAuthRequest(request, defaults), 'add', prompter);
      context.print.success(`Successfully added auth resource ${name} locally`);
      return;
    }
    case 'update': {
      const request = validateHeadlessRequest<UpdateAuthRequest>(updateAuthRequestSchema, payload, 'UpdateAuthRequest');
      const name = findAuthResource(projectRoot);
      if (!name) throw new AmplifyError('ResourceNotFound', 'No auth resource in this project', { resolution: 'Run "amplify add auth" first' });
      const previous = readAuthConfig(projectRoot, name);
      await saveAuthResource(projectRoot, fromUpdateAuthRequest(request, previous.config, previous.envParameters), 'update', prompter);
      context.print.success(`Successfully updated auth resource ${name} locally`);
      return;
    }
    default:
      throw new AmplifyError('HeadlessNotSupported', `Headless mode is not supported for "auth ${context.input.command ?? ''}"`, {
        resolution: 'Use --headless with "amplify add auth" or "amplify update auth"',
      });
  }
}
