import { type AmplifyContext, pathManager } from 'amplify-cli-core';
import { apiResources, ensureAuth, notifyCodegen, projectFunctions } from '../service/api-resource';
import type { ApiService } from '../service/api-types';
import { restEnvironment } from '../service/function-source';
import { compiledLines } from '../service/compile';
import { addGraphQLApi, schemaPath } from '../service/graphql-api';
import { graphQLDefaults, runGraphQLAddWalkthrough } from '../service/graphql-walkthrough';
import { assertNoAppSyncApi } from '../service/graphql-resource';
import { ensureRestAccess, readRestInputs, saveRestResource } from '../service/rest-resource';
import { runRestAddWalkthrough, runRestUpdateWalkthrough } from '../service/rest-walkthrough';
import { schemaFromTemplate } from '../service/schema-templates';

function printNextSteps(context: AmplifyContext, name: string): void {
  context.print.success(`Successfully added resource ${name} locally`);
  context.print.info('');
  context.print.info('Some next steps:');
  context.print.info('"amplify push" will build all your local backend resources and provision it in the cloud');
  context.print.info('"amplify publish" will build all your local backend and frontend resources (if you have hosting category added) and provision it in the cloud');
}

async function addGraphQL(context: AmplifyContext, projectRoot: string): Promise<void> {
  assertNoAppSyncApi(projectRoot, false);
  const answers = await runGraphQLAddWalkthrough(
    {
      prompter: context.amplify.prompter,
      functions: projectFunctions(projectRoot),
      ensureUserPool: () => ensureAuth(context, projectRoot),
      info: (line) => context.print.info(line),
    },
    graphQLDefaults(context.amplify.getProjectConfig().projectName),
  );
  const compiled = await addGraphQLApi(projectRoot, answers.config, schemaFromTemplate(answers.template), { addAuth: () => ensureAuth(context, projectRoot) });
  await notifyCodegen(context, answers.config.apiName);
  for (const warning of compiled.warnings) context.print.warning(warning);
  for (const line of compiledLines(projectRoot, answers.config.apiName)) context.print.info(line);
  // Under --yes nobody is there to edit: the editor is not opened.
  if (context.input.options?.yes !== true && (await context.amplify.prompter.confirm({ message: 'Do you want to edit the schema now?', default: true }))) {
    await context.amplify.openEditor(context, schemaPath(projectRoot, answers.config.apiName));
  }
  printNextSteps(context, answers.config.apiName);
}

async function addRest(context: AmplifyContext, projectRoot: string): Promise<void> {
  const env = restEnvironment(context, projectRoot);
  const existing = apiResources(projectRoot, 'API Gateway');
  if (existing.length > 0 && (await context.amplify.prompter.confirm({ message: 'Would you like to add a new path to an existing REST API:', default: false }))) {
    const apiName =
      existing.length === 1 ? existing[0] : await context.amplify.prompter.pick<string>({ message: 'Select the REST API you want to update:', choices: existing, default: existing[0] });
    const paths = await runRestUpdateWalkthrough(env, readRestInputs(projectRoot, apiName).paths);
    await ensureRestAccess(context, projectRoot, paths);
    await saveRestResource(projectRoot, apiName, paths, 'update');
    context.print.success(`Successfully updated resource ${apiName} locally`);
    return;
  }
  const { apiName, paths } = await runRestAddWalkthrough(env);
  await ensureRestAccess(context, projectRoot, paths);
  await saveRestResource(projectRoot, apiName, paths, 'add');
  printNextSteps(context, apiName);
}

/** `amplify add api`: GraphQL (AppSync) or REST (API Gateway), each with the original's walkthrough. */
export async function run(context: AmplifyContext): Promise<void> {
  const projectRoot = pathManager.findProjectRoot();
  const service = await context.amplify.prompter.pick<ApiService>({
    message: 'Select from one of the below mentioned services:',
    choices: [
      { name: 'GraphQL', value: 'AppSync' },
      { name: 'REST', value: 'API Gateway' },
    ],
    default: 'AppSync',
  });
  if (service === 'AppSync') await addGraphQL(context, projectRoot);
  else await addRest(context, projectRoot);
}
