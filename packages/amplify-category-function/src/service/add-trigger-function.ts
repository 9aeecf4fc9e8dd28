import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, createPrompter, getCategoryResources, getResourceMeta, makeId, pathManager, runWalkthrough, stateManager } from 'amplify-cli-core';
import { CATEGORY, FUNCTION_PARAMETERS_FILE } from '../constants';
import type { FunctionParameters } from '../function-definition';
import { functionNameQuestion } from '../walkthrough/add-questions';
import { defaultRoleName } from '../walkthrough/function-name';
import { writeNewFunction } from './function-files';
import { dynamoDbTables } from './project-resources';
import type { PermissionPoliciesSource } from './resolve-access';
import { applyFunctionChanges, chooseFunction } from './update-function';

/** What the storage walkthroughs ask for: a new function invoked by a bucket's events or a table's stream. */
export interface TriggerFunctionRequest {
  kind: 's3' | 'dynamodb';
  /** The function's name; default `S3Trigger<id>` or `<table>Trigger<id>`, as the original names them. */
  name?: string;
  /** For `dynamodb`: the storage DynamoDB resource whose stream invokes the function. */
  table?: string;
}

/** A DynamoDB trigger takes its stream ARN from the table's outputs, so the table must be in the meta first. */
function requireTable(projectRoot: string, table: string | undefined): void {
  if (!table || !dynamoDbTables(stateManager.getMeta(projectRoot)).includes(table)) {
    throw new AmplifyError('TableNotFound', `A DynamoDB trigger function needs a DynamoDB table of this project; "${table ?? ''}" is not one`, {
      resolution: 'Add the table with "amplify add storage" first, then its trigger',
    });
  }
}

/**
 * Creates a trigger function without asking anything: the S3 template (the bucket stack grants S3 the right to
 * invoke it) or the DynamoDB stream template wired to `table` (which must already be in the project's meta, since
 * the function takes its stream ARN from it). The name follows the walkthrough's rules. Returns the function's name.
 */
export async function addTriggerFunction(projectRoot: string, request: TriggerFunctionRequest): Promise<string> {
  const meta = stateManager.getMeta(projectRoot);
  const id = makeId(8);
  if (request.kind === 'dynamodb') requireTable(projectRoot, request.table);
  const defaultName = request.kind === 's3' ? `S3Trigger${id}` : `${request.table}Trigger${id}`;
  const named = await runWalkthrough([functionNameQuestion(defaultName)], createPrompter({ yes: true }), { supplied: { functionName: request.name ?? defaultName } });
  const functionName = String(named.functionName);
  if (getResourceMeta(meta, CATEGORY, functionName)) {
    throw new AmplifyError('ResourceAlreadyExists', `A function named ${functionName} already exists in this project`, {
      resolution: 'Choose another name for the trigger function, or pick the existing function as the trigger',
    });
  }
  const parameters: FunctionParameters = {
    template: request.kind === 's3' ? 's3-trigger' : 'trigger',
    roleName: defaultRoleName(stateManager.getProjectConfig(projectRoot).projectName, id),
    permissions: {},
    environmentVariables: [],
    triggerTable: request.kind === 'dynamodb' ? request.table : undefined,
  };
  await writeNewFunction(projectRoot, { functionName, parameters, environmentValues: {} }, []);
  return functionName;
}

/** The functions whose `function-parameters.json` says the stream of `table` invokes them. */
export function tableTriggerFunctions(projectRoot: string, table: string): string[] {
  const functions = getCategoryResources(stateManager.getMeta(projectRoot), CATEGORY);
  return Object.keys(functions).filter((name) => {
    const file = path.join(pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, name), FUNCTION_PARAMETERS_FILE);
    return fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<FunctionParameters>).triggerTable === table;
  });
}

/**
 * Makes an existing function a trigger of `table`: its template gains the stream policy and event source mapping and
 * it depends on the table. A function follows one table's stream, so one already on another table is refused.
 */
export async function wireTableTrigger(projectRoot: string, policies: PermissionPoliciesSource, functionName: string, table: string): Promise<void> {
  requireTable(projectRoot, table);
  await chooseFunction(projectRoot, createPrompter({ yes: true }), functionName, 'wire');
  const current = (JSON.parse(fs.readFileSync(path.join(pathManager.getResourceDirectoryPath(projectRoot, CATEGORY, functionName), FUNCTION_PARAMETERS_FILE), 'utf8')) as Partial<FunctionParameters>)
    .triggerTable;
  if (current === table) return;
  if (current !== undefined) {
    throw new AmplifyError('TriggerAlreadySet', `Function ${functionName} is already invoked by the stream of table ${current}; a function follows one table`, {
      resolution: `Choose another function, or create a new one for ${table}`,
    });
  }
  await applyFunctionChanges({ projectRoot, policies, functionName }, { triggerTable: table });
}
