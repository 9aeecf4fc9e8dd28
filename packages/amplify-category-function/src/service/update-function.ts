import { AmplifyError, type Answers, type Prompter, getCategoryResources, runWalkthrough, stateManager } from 'amplify-cli-core';
import { CATEGORY } from '../constants';
import { type ResourceAccess, accessOf, permissionsOf } from '../function-definition';
import { type FunctionLayer, LAYER_SERVICE } from '../layer-definition';
import { editEnvironmentVariables } from '../walkthrough/environment-variables';
import { askFunctionLayers } from '../walkthrough/function-layer-questions';
import { accessFromAnswers, answersFromAccess, resourceAccessQuestions } from '../walkthrough/resource-access-questions';
import { SCHEDULE_QUESTIONS, answersFromSchedule, scheduleExpressionOf } from '../walkthrough/schedule-questions';
import { checkEnvironmentVariables } from './add-function';
import { type FunctionSpec, readFunction, rewriteFunction } from './function-files';
import { checkFunctionLayers } from './function-layers';
import { layerChoices } from './layer-files';
import { accessCandidates } from './project-resources';
import { type PermissionPoliciesSource, resolveAccess } from './resolve-access';

/** What an update changes; a field left out keeps the function's current setting. */
export interface FunctionChanges {
  resourceAccess?: ResourceAccess[];
  environmentVariables?: Record<string, string>;
  /** A schedule expression, or null to stop invoking on a schedule. */
  schedule?: string | null;
  /** The storage DynamoDB resource whose stream is to invoke the function (set by the storage walkthrough). */
  triggerTable?: string;
  /** The layers the function runs with, in order. */
  lambdaLayers?: FunctionLayer[];
}

export interface UpdateFunctionOptions {
  projectRoot: string;
  policies: PermissionPoliciesSource;
  functionName: string;
}

/** The function to update: the one named, or a pick among the project's functions. */
export async function chooseFunction(projectRoot: string, prompter: Prompter, given: string | undefined, verb: string): Promise<string> {
  const names = Object.entries(getCategoryResources(stateManager.getMeta(projectRoot), CATEGORY))
    .filter(([, entry]) => entry.service !== LAYER_SERVICE)
    .map(([name]) => name);
  if (names.length === 0) {
    throw new AmplifyError('ResourceNotFound', 'This project has no function', { resolution: 'Run "amplify add function" to create one' });
  }
  if (given !== undefined) {
    if (!names.includes(given)) {
      throw new AmplifyError('ResourceNotFound', `This project has no function named ${given}`, {
        resolution: `Use one of: ${names.join(', ')}`,
      });
    }
    return given;
  }
  return prompter.pick<string>({ message: `Select the Lambda function you want to ${verb}`, choices: names, flag: 'the function name' });
}

/** Applies `changes` to a function and rewrites its files. */
export async function applyFunctionChanges(options: UpdateFunctionOptions, changes: FunctionChanges): Promise<FunctionSpec> {
  const current = readFunction(options.projectRoot, options.functionName);
  const candidates = accessCandidates(stateManager.getMeta(options.projectRoot), options.functionName);
  const access = changes.resourceAccess ?? accessOf(current.parameters.permissions);
  for (const [index, entry] of access.entries()) {
    if (!(candidates[entry.category] ?? []).includes(entry.resourceName)) {
      throw new AmplifyError('InvalidInput', `resourceAccess[${index}]: this project has no ${entry.category} resource named ${entry.resourceName}`, {
        resolution: 'Run "amplify status" to list the resources a function can access',
      });
    }
  }
  const environmentValues = changes.environmentVariables ?? current.environmentValues;
  if (changes.environmentVariables) checkEnvironmentVariables(changes.environmentVariables);
  const spec: FunctionSpec = {
    functionName: options.functionName,
    parameters: {
      ...current.parameters,
      permissions: permissionsOf(access),
      environmentVariables: changes.environmentVariables ? Object.keys(changes.environmentVariables) : current.parameters.environmentVariables,
      schedule: changes.schedule === undefined ? current.parameters.schedule : (changes.schedule ?? undefined),
      triggerTable: changes.triggerTable ?? current.parameters.triggerTable,
      lambdaLayers: changes.lambdaLayers ? checkFunctionLayers(options.projectRoot, changes.lambdaLayers) : current.parameters.lambdaLayers,
    },
    environmentValues,
  };
  const resolved = await resolveAccess(access, options.policies);
  await rewriteFunction(options.projectRoot, spec, current.parameters.environmentVariables, resolved);
  return spec;
}

type UpdateChoice = 'access' | 'schedule' | 'layers' | 'environment';

/** The update menu: resource access permissions, the schedule, layers, or environment variables. */
export async function askFunctionChanges(options: UpdateFunctionOptions, prompter: Prompter, print: (line: string) => void): Promise<FunctionChanges> {
  const current = readFunction(options.projectRoot, options.functionName);
  const choice = await prompter.pick<UpdateChoice>({
    message: 'Which setting do you want to update?',
    choices: [
      { name: 'Resource access permissions', value: 'access' },
      { name: 'Scheduled recurring invocation', value: 'schedule' },
      { name: 'Lambda layers configuration', value: 'layers' },
      { name: 'Environment variables configuration', value: 'environment' },
    ],
    default: 'access',
  });
  if (choice === 'schedule') {
    const answers = await runWalkthrough(SCHEDULE_QUESTIONS, prompter, { previous: answersFromSchedule(current.parameters.schedule) });
    return { schedule: scheduleExpressionOf(answers) ?? null };
  }
  if (choice === 'layers') {
    const lambdaLayers = await askFunctionLayers(prompter, {
      layers: layerChoices(options.projectRoot),
      env: stateManager.getCurrentEnvName(options.projectRoot),
      previous: current.parameters.lambdaLayers ?? [],
      confirmDefault: true,
      print,
    });
    return { lambdaLayers };
  }
  if (choice === 'environment') {
    const edited = await editEnvironmentVariables(prompter, { names: current.parameters.environmentVariables, values: current.environmentValues }, print);
    return { environmentVariables: Object.fromEntries(edited.names.map((name) => [name, edited.values[name] ?? ''])) };
  }
  const candidates = accessCandidates(stateManager.getMeta(options.projectRoot), options.functionName);
  const questions = resourceAccessQuestions(candidates);
  if (questions.length === 0) {
    print('This project has no other resource for the function to access.');
    return { resourceAccess: [] };
  }
  const previous: Answers = answersFromAccess(accessOf(current.parameters.permissions));
  const answers = await runWalkthrough(questions, prompter, { previous });
  return { resourceAccess: accessFromAnswers(answers, candidates) };
}
