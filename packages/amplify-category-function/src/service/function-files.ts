import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, type RenderedFile, loadEnvResourceParameters, pathManager, writeResource } from 'amplify-cli-core';
import {
  AMPLIFY_STATE_FILE,
  CATEGORY,
  CUSTOM_POLICIES_FILE,
  FUNCTION_PARAMETERS_FILE,
  NODE_RUNTIME_PLUGIN_ID,
  PARAMETERS_FILE,
  PROVIDER_PLUGIN,
  RESOURCES_DIR,
  SERVICE,
  templateFileName,
} from '../constants';
import { type FunctionParameters, type FunctionTemplateName, environmentVariableParameter, resourceEnvironmentVariable } from '../function-definition';
import { type ResolvedAccess, dependenciesOf, lambdaTemplate } from '../template/lambda-template';

/** A function as the files describe it: its name, `function-parameters.json` and this env's variable values. */
export interface FunctionSpec {
  functionName: string;
  parameters: FunctionParameters;
  /** Custom environment variable -> value for the current env. */
  environmentValues: Record<string, string>;
}

/** Where the Express templates serve their routes. */
export const EXPRESS_PATH = '/item';

/** The source files each template copies into `src/` (`.ejs` ones rendered). */
const SOURCE_FILES: Record<FunctionTemplateName, Array<[template: string, target: string]>> = {
  'hello-world': [
    ['index.js.ejs', 'index.js'],
    ['event.json', 'event.json'],
    ['package.json.ejs', 'package.json'],
  ],
  serverless: [
    ['index.js', 'index.js'],
    ['app.js.ejs', 'app.js'],
    ['event.json.ejs', 'event.json'],
    ['package.json.ejs', 'package.json'],
  ],
  trigger: [
    ['index.js.ejs', 'index.js'],
    ['event.json', 'event.json'],
    ['package.json.ejs', 'package.json'],
  ],
  's3-trigger': [
    ['index.js.ejs', 'index.js'],
    ['event.json', 'event.json'],
    ['package.json.ejs', 'package.json'],
  ],
  crud: [
    ['index.js', 'index.js'],
    ['app.js.ejs', 'app.js'],
    ['event.json.ejs', 'event.json'],
    ['package.json.ejs', 'package.json'],
  ],
};

/** The file the original opens for editing: the Express app for the Express templates. */
export function mainSourceFile(template: FunctionTemplateName): string {
  return template === 'crud' || template === 'serverless' ? 'src/app.js' : 'src/index.js';
}

function sourceFiles(template: FunctionTemplateName): RenderedFile[] {
  const dir = path.join(RESOURCES_DIR, 'templates', template);
  return SOURCE_FILES[template].map(([file, target]) => ({ dir, template: file, target: path.join('src', target) }));
}

/** The env-specific values of the custom variables, keyed by their CloudFormation parameter. */
function environmentParameters(spec: FunctionSpec): Record<string, string> {
  return Object.fromEntries(spec.parameters.environmentVariables.map((name) => [environmentVariableParameter(name), spec.environmentValues[name] ?? '']));
}

/** One custom variable as the original lists it in function-parameters.json. */
interface OriginalVariable {
  cloudFormationParameterName: string;
  environmentVariableName: string;
}

/**
 * function-parameters.json with the original's `environmentVariableList` beside this tool's `environmentVariables`
 * (only when there are variables, as the original): without it the original sees no variables in the function.
 */
function withOriginalVariableList(parameters: FunctionParameters): FunctionParameters & { environmentVariableList?: OriginalVariable[] } {
  if (parameters.environmentVariables.length === 0) return parameters;
  const environmentVariableList = parameters.environmentVariables.map((name) => ({ cloudFormationParameterName: environmentVariableParameter(name), environmentVariableName: name }));
  return { ...parameters, environmentVariableList };
}

function generatedFiles(spec: FunctionSpec, access: readonly ResolvedAccess[]): Record<string, unknown> {
  const { functionName, parameters } = spec;
  return {
    [templateFileName(functionName)]: lambdaTemplate({
      functionName,
      roleName: parameters.roleName,
      environmentVariables: parameters.environmentVariables,
      access,
      crudTable: parameters.crudTable,
      triggerTable: parameters.triggerTable,
      scheduled: parameters.schedule !== undefined,
      layers: parameters.lambdaLayers,
    }),
    [FUNCTION_PARAMETERS_FILE]: withOriginalVariableList(parameters),
    [PARAMETERS_FILE]: { CloudWatchRule: parameters.schedule ?? 'NONE' },
  };
}

/** Writes a new function: template, parameters, sources, breadcrumbs, env values, then its meta entry. */
export async function writeNewFunction(projectRoot: string, spec: FunctionSpec, access: readonly ResolvedAccess[]): Promise<string> {
  const { functionName, parameters } = spec;
  const table = parameters.crudTable;
  return writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: functionName,
    mode: 'add',
    jsonFiles: {
      ...generatedFiles(spec, access),
      // Extra IAM statements for the user to fill, applied at push as the original does.
      [CUSTOM_POLICIES_FILE]: [{ Action: [], Resource: [] }],
      [AMPLIFY_STATE_FILE]: {
        pluginId: NODE_RUNTIME_PLUGIN_ID,
        functionRuntime: 'nodejs',
        useLegacyBuild: true,
        defaultEditorFile: mainSourceFile(parameters.template),
      },
    },
    rendered: sourceFiles(parameters.template),
    props: {
      functionName,
      path: EXPRESS_PATH,
      table,
      tableNameVariable: table ? resourceEnvironmentVariable('storage', table.resourceName, 'Name') : undefined,
      tableResourceName: parameters.triggerTable,
    },
    envParameters: parameters.environmentVariables.length > 0 ? environmentParameters(spec) : undefined,
    meta: {
      build: true,
      providerPlugin: PROVIDER_PLUGIN,
      service: SERVICE,
      dependsOn: dependenciesOf({ access, crudTable: table, triggerTable: parameters.triggerTable, layers: parameters.lambdaLayers }),
    },
  });
}

/**
 * Rewrites an existing function's template, parameters, env values and `dependsOn` after an update; the sources
 * under `src/` are the user's and stay as they are.
 */
export async function rewriteFunction(projectRoot: string, spec: FunctionSpec, previousVariables: readonly string[], access: readonly ResolvedAccess[]): Promise<void> {
  const envParameters = { ...loadEnvResourceParameters(projectRoot, CATEGORY, spec.functionName) };
  for (const name of previousVariables) delete envParameters[environmentVariableParameter(name)];
  Object.assign(envParameters, environmentParameters(spec));
  await writeResource({
    projectRoot,
    category: CATEGORY,
    resourceName: spec.functionName,
    mode: 'update',
    jsonFiles: generatedFiles(spec, access),
    envParameters,
    meta: {
      dependsOn: dependenciesOf({ access, crudTable: spec.parameters.crudTable, triggerTable: spec.parameters.triggerTable, layers: spec.parameters.lambdaLayers }),
    },
  });
}

/**
 * The execution role's base name from the function's template: functions written by the original CLI record it
 * only there (`RoleName: {Fn::If: [ShouldNotCreateEnvResources, <name>, ...]}`).
 */
function roleNameFromTemplate(resourceDir: string, functionName: string): string | undefined {
  const file = path.join(resourceDir, templateFileName(functionName));
  if (!fs.existsSync(file)) return undefined;
  const template = JSON.parse(fs.readFileSync(file, 'utf8')) as { Resources?: { LambdaExecutionRole?: { Properties?: { RoleName?: unknown } } } };
  const roleName = template.Resources?.LambdaExecutionRole?.Properties?.RoleName;
  if (typeof roleName === 'string') return roleName;
  const branches = (roleName as { 'Fn::If'?: unknown[] } | undefined)?.['Fn::If'];
  return Array.isArray(branches) && typeof branches[1] === 'string' ? branches[1] : undefined;
}

/** The schedule in parameters.json, for functions whose function-parameters.json does not record it. */
function scheduleFromParameters(resourceDir: string): string | undefined {
  const file = path.join(resourceDir, PARAMETERS_FILE);
  if (!fs.existsSync(file)) return undefined;
  const rule = (JSON.parse(fs.readFileSync(file, 'utf8')) as { CloudWatchRule?: unknown }).CloudWatchRule;
  return typeof rule === 'string' && rule !== 'NONE' ? rule : undefined;
}

/** Reads a function's recorded definition and this env's variable values. */
export function readFunction(projectRoot: string, functionName: string): FunctionSpec {
  const resourceDir = pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, functionName);
  const file = path.join(resourceDir, FUNCTION_PARAMETERS_FILE);
  if (!fs.existsSync(file)) {
    throw new AmplifyError('FunctionNotFound', `Function ${functionName} has no ${FUNCTION_PARAMETERS_FILE} (${file})`, {
      resolution: `Run "amplify function add" to create it, or restore amplify/backend/function/${functionName}`,
    });
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<FunctionParameters> & { environmentVariableList?: OriginalVariable[] };
  const parameters: FunctionParameters = {
    template: stored.template ?? 'hello-world',
    roleName: stored.roleName ?? roleNameFromTemplate(resourceDir, functionName) ?? `${functionName}LambdaRole`,
    permissions: stored.permissions ?? {},
    // A function the original made lists its variables only in environmentVariableList.
    environmentVariables: stored.environmentVariables ?? (stored.environmentVariableList ?? []).map((variable) => variable.environmentVariableName),
    crudTable: stored.crudTable,
    triggerTable: stored.triggerTable,
    schedule: stored.schedule ?? scheduleFromParameters(resourceDir),
    lambdaLayers: stored.lambdaLayers,
  };
  const values = loadEnvResourceParameters(projectRoot, CATEGORY, functionName);
  const environmentValues = Object.fromEntries(
    parameters.environmentVariables.map((name) => [name, String(values[environmentVariableParameter(name)] ?? '')]),
  );
  return { functionName, parameters, environmentValues };
}
