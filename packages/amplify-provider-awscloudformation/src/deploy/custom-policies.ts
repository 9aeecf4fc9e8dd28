import * as fs from 'fs';
import * as path from 'path';
import { isRecord } from 'amplify-cli-core';

/** The function's file of extra IAM statements, as the original writes it at `add function` and reads it at push. */
export const CUSTOM_POLICIES_FILE = 'custom-policies.json';
const POLICY_ID = 'CustomLambdaExecutionPolicy';

/** What the original writes for a new function: one empty statement for the user to fill. */
const EMPTY_CUSTOM_POLICIES = [{ Action: [], Resource: [] }];

interface CustomStatement {
  Action: string[];
  Resource: unknown[];
  Effect?: string;
  [key: string]: unknown;
}

/** The statements of custom-policies.json, or a one-line problem naming the file and what is wrong in it. */
function readStatements(file: string, where: string): { statements: CustomStatement[] } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { problem: `${where}: not valid JSON (${(error as Error).message}); fix it or reset it to ${JSON.stringify(EMPTY_CUSTOM_POLICIES)}` };
  }
  if (!Array.isArray(data)) return { problem: `${where}: must be a list of IAM statements, like ${JSON.stringify(EMPTY_CUSTOM_POLICIES)}` };
  for (const [index, item] of data.entries()) {
    const valid =
      isRecord(item) &&
      Array.isArray(item.Action) &&
      item.Action.every((action) => typeof action === 'string') &&
      Array.isArray(item.Resource) &&
      (item.Effect === undefined || item.Effect === 'Allow' || item.Effect === 'Deny');
    if (!valid) return { problem: `${where}[${index}]: a statement needs "Action" (a list of strings) and "Resource" (a list), and "Effect" Allow or Deny if given` };
  }
  return { statements: data as CustomStatement[] };
}

/**
 * A Lambda function template with its `custom-policies.json` applied as the original applies it at push: the
 * statements (Effect Allow unless given, `${env}` in a resource resolved to the env) in a
 * `CustomLambdaExecutionPolicy` on the execution role. A missing file, or the untouched empty statement, means no
 * custom policy (and removes one a template may carry). Returns the problem when the file is invalid.
 */
export function applyCustomPolicies(template: Record<string, unknown>, resourceDir: string, where: string): { changed: boolean; problem?: string } {
  const file = path.join(resourceDir, CUSTOM_POLICIES_FILE);
  const resources = isRecord(template.Resources) ? template.Resources : undefined;
  if (!resources) return { changed: false };
  const read = fs.existsSync(file) ? readStatements(file, path.join(where, CUSTOM_POLICIES_FILE)) : { statements: [] };
  if ('problem' in read) return { changed: false, problem: read.problem };
  const first = read.statements[0];
  if (!first || (first.Action.length === 0 && first.Resource.length === 0)) {
    if (!(POLICY_ID in resources)) return { changed: false };
    delete resources[POLICY_ID];
    return { changed: true };
  }
  const statements = read.statements.map((statement) => ({
    ...statement,
    Resource: statement.Resource.map((resource) => (typeof resource === 'string' && resource.includes('${env}') ? { 'Fn::Sub': [resource, { env: { Ref: 'env' } }] } : resource)),
    Effect: statement.Effect ?? 'Allow',
  }));
  resources[POLICY_ID] = {
    DependsOn: ['LambdaExecutionRole'],
    Type: 'AWS::IAM::Policy',
    Properties: {
      PolicyName: 'custom-lambda-execution-policy',
      PolicyDocument: { Version: '2012-10-17', Statement: statements },
      Roles: [{ Ref: 'LambdaExecutionRole' }],
    },
  };
  return { changed: true };
}
