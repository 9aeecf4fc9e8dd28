import type { QuestionValidation } from 'amplify-cli-core';

/** The original's rule for function names: letters and digits only (they end up in role, stack and log group names). */
export const FUNCTION_NAME_VALIDATION: QuestionValidation = {
  operator: 'regex',
  value: '^[a-zA-Z0-9]+$',
  onErrorMsg: 'You can use the following characters: a-z A-Z 0-9',
};

/** `<project name, letters and digits, lower case><id>`: the original's default function name. */
export function defaultFunctionName(projectName: string, id: string): string {
  return `${projectName.replace(/[^a-zA-Z0-9]/g, '').toLowerCase()}${id}`;
}

/** The execution role's base name (`-<env>` is appended in the template). */
export function defaultRoleName(projectName: string, id: string): string {
  return `${projectName.replace(/[^a-zA-Z0-9]/g, '')}LambdaRole${id}`;
}

/** Environment variable names as Lambda accepts them, and as the original asked for them. */
export const ENVIRONMENT_VARIABLE_NAME_VALIDATION: QuestionValidation = {
  operator: 'regex',
  value: '^[a-zA-Z][a-zA-Z0-9_]*$',
  onErrorMsg: 'You can use the following characters: a-z A-Z 0-9 _ (starting with a letter)',
};

/** Lambda reserves these names (and every AWS_ prefixed one) for its own use. */
const RESERVED_VARIABLES = new Set(['ENV', 'REGION', '_HANDLER', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR', 'TZ']);

/** Why a custom variable name cannot be used, or undefined when it can. */
export function environmentVariableProblem(name: string, taken: readonly string[]): string | undefined {
  if (!new RegExp(ENVIRONMENT_VARIABLE_NAME_VALIDATION.value as string).test(name)) return ENVIRONMENT_VARIABLE_NAME_VALIDATION.onErrorMsg;
  if (RESERVED_VARIABLES.has(name) || name.startsWith('AWS_')) return `${name} is reserved by Lambda or by Amplify`;
  if (taken.includes(name)) return `${name} is already set for this function`;
  return undefined;
}
