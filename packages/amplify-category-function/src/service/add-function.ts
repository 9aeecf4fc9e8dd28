import { AmplifyError, type Answers, type Prompter, UserAbort, getResourceMeta, makeId, runWalkthrough, stateManager } from 'amplify-cli-core';
import { CATEGORY } from '../constants';
import { type FunctionParameters, type FunctionTemplateName, permissionsOf } from '../function-definition';
import type { FunctionLayer } from '../layer-definition';
import { ADVANCED_SETTINGS_QUESTION, functionNameQuestion, RUNTIME_QUESTION, templateQuestions } from '../walkthrough/add-questions';
import { editEnvironmentVariables } from '../walkthrough/environment-variables';
import { askFunctionLayers } from '../walkthrough/function-layer-questions';
import { defaultFunctionName, defaultRoleName, environmentVariableProblem } from '../walkthrough/function-name';
import { accessFromAnswers, resourceAccessQuestions } from '../walkthrough/resource-access-questions';
import { SCHEDULE_QUESTIONS, scheduleExpressionOf } from '../walkthrough/schedule-questions';
import { type FunctionSpec, writeNewFunction } from './function-files';
import { checkFunctionLayers } from './function-layers';
import { layerChoices } from './layer-files';
import { accessCandidates, dynamoDbTables, readCrudTable } from './project-resources';
import { type PermissionPoliciesSource, resolveAccess } from './resolve-access';

export interface AddFunctionOptions {
  projectRoot: string;
  prompter: Prompter;
  policies: PermissionPoliciesSource;
  print: (line: string) => void;
  /** Where steps taken without a question are announced. */
  info?: (line: string) => void;
  /** Answers given up front (a headless request), validated and never asked. */
  supplied?: Answers;
  /** Variables given up front; without them the variable menu is offered. */
  environmentVariables?: Record<string, string>;
  /** Layers given up front (a headless request); without them the layers step is offered. */
  lambdaLayers?: FunctionLayer[];
}

export interface AddedFunction {
  spec: FunctionSpec;
  directory: string;
}

/** Checks variables given up front with the rules the menu applies. */
export function checkEnvironmentVariables(values: Record<string, string>): void {
  const names: string[] = [];
  for (const name of Object.keys(values)) {
    const problem = environmentVariableProblem(name, names);
    if (problem) {
      throw new AmplifyError('InvalidInput', `environmentVariables.${name}: ${problem}`, { resolution: `Rename environment variable ${name}` });
    }
    names.push(name);
  }
}

/**
 * `amplify add function`: name, runtime, template (and table for CRUD), then behind "advanced settings?" (as the
 * original) access to other resources, a recurring schedule, layers and environment variables; then writes the
 * resource.
 */
export async function addFunction(options: AddFunctionOptions): Promise<AddedFunction> {
  const { projectRoot, prompter, supplied } = options;
  const meta = stateManager.getMeta(projectRoot);
  const id = makeId(8);
  const projectName = stateManager.getProjectConfig(projectRoot).projectName;

  const named = await runWalkthrough([functionNameQuestion(defaultFunctionName(projectName, id))], prompter, { supplied });
  const functionName = String(named.functionName);
  if (getResourceMeta(meta, CATEGORY, functionName)) {
    throw new AmplifyError('ResourceAlreadyExists', `A function named ${functionName} already exists in this project`, {
      resolution: 'Choose another name, or run "amplify update function" to change the existing one',
    });
  }

  // The original's runtime step; NodeJS is the one runtime here, so it is named rather than asked.
  options.info?.(`Only one option for [${RUNTIME_QUESTION}]. Selecting [NodeJS].`);
  const tables = dynamoDbTables(meta);
  const candidates = accessCandidates(meta);
  const chosen = await runWalkthrough([...templateQuestions(tables), ADVANCED_SETTINGS_QUESTION], prompter, { supplied, previous: named });
  // A headless request answers what it needs up front; only a person is offered to skip the advanced steps.
  const advanced = supplied !== undefined || chosen.advancedSettings === true;
  const answers = advanced
    ? await runWalkthrough([...resourceAccessQuestions(candidates), ...SCHEDULE_QUESTIONS], prompter, { supplied, previous: chosen })
    : chosen;
  let template = answers.template as FunctionTemplateName;
  if ((template === 'crud' || template === 'trigger') && tables.length === 0) {
    if (answers.useHelloWorld !== true) throw new UserAbort(`No function was added: the ${template} template needs a DynamoDB table.`);
    template = 'hello-world';
  }
  const crudTable = template === 'crud' ? readCrudTable(projectRoot, String(answers.crudTable)) : undefined;
  const access = accessFromAnswers(answers, candidates);
  const resolved = await resolveAccess(access, options.policies);

  let lambdaLayers: FunctionLayer[] = [];
  if (options.lambdaLayers) {
    lambdaLayers = checkFunctionLayers(projectRoot, options.lambdaLayers);
  } else if (advanced) {
    const env = stateManager.getCurrentEnvName(projectRoot);
    lambdaLayers = await askFunctionLayers(prompter, { layers: layerChoices(projectRoot), env, previous: [], print: options.print });
  }

  let environment = { names: [] as string[], values: {} as Record<string, string> };
  if (options.environmentVariables) {
    checkEnvironmentVariables(options.environmentVariables);
    environment = { names: Object.keys(options.environmentVariables), values: { ...options.environmentVariables } };
  } else if (advanced) {
    const wanted = await prompter.confirm({ message: 'Do you want to configure environment variables for this function?', default: false });
    if (wanted) environment = await editEnvironmentVariables(prompter, environment, options.print);
  }

  const parameters: FunctionParameters = {
    template,
    roleName: defaultRoleName(projectName, id),
    permissions: permissionsOf(access),
    environmentVariables: environment.names,
    crudTable,
    triggerTable: template === 'trigger' ? String(answers.triggerTable) : undefined,
    schedule: scheduleExpressionOf(answers),
    lambdaLayers,
  };
  const spec: FunctionSpec = { functionName, parameters, environmentValues: environment.values };
  const directory = await writeNewFunction(projectRoot, spec, resolved);
  return { spec, directory };
}
