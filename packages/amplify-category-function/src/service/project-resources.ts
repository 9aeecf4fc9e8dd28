import * as fs from 'fs';
import * as path from 'path';
import { type AmplifyMeta, AmplifyError, getCategoryResources, listResources, pathManager } from 'amplify-cli-core';
import { CATEGORY } from '../constants';
import { LAYER_SERVICE } from '../layer-definition';
import type { CrudTable, KeyType } from '../function-definition';
import type { AccessCandidates } from '../walkthrough/resource-access-questions';

/** Resources a function may be given access to: every resource of the project except the function itself. */
export function accessCandidates(meta: AmplifyMeta, self?: string): AccessCandidates {
  const candidates: AccessCandidates = {};
  for (const [category, resourceName, entry] of listResources(meta)) {
    // A layer is code the function runs with, not a resource it calls: it is chosen in the layers step.
    if (category === CATEGORY && (resourceName === self || entry.service === LAYER_SERVICE)) continue;
    (candidates[category] ??= []).push(resourceName);
  }
  return candidates;
}

/** Names of the storage category's DynamoDB tables. */
export function dynamoDbTables(meta: AmplifyMeta): string[] {
  return Object.entries(getCategoryResources(meta, 'storage'))
    .filter(([, entry]) => entry.service === 'DynamoDB')
    .map(([name]) => name);
}

const TYPE_BY_DYNAMO: Record<string, KeyType> = { S: 'string', N: 'number', B: 'binary' };

function keyType(value: unknown): KeyType {
  const text = String(value ?? 'string');
  return TYPE_BY_DYNAMO[text] ?? (text === 'number' || text === 'binary' ? text : 'string');
}

function readJsonIfPresent(file: string): Record<string, unknown> | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}

interface CliInputsKey {
  fieldName?: string;
  fieldType?: string;
}

/**
 * A table's name and keys from the storage resource's files: `cli-inputs.json` (current CLI) or `parameters.json`
 * (classic layout, in the resource folder or its `build/`).
 */
export function readCrudTable(projectRoot: string, resourceName: string): CrudTable {
  const dir = pathManager.getResourceDirectoryPath(projectRoot, 'storage', resourceName);
  const inputs = readJsonIfPresent(path.join(dir, 'cli-inputs.json'));
  const partition = inputs?.partitionKey as CliInputsKey | undefined;
  if (inputs && partition?.fieldName) {
    const sort = inputs.sortKey as CliInputsKey | undefined;
    return {
      resourceName,
      tableName: String(inputs.tableName ?? resourceName),
      partitionKey: { name: partition.fieldName, type: keyType(partition.fieldType) },
      sortKey: sort?.fieldName ? { name: sort.fieldName, type: keyType(sort.fieldType) } : undefined,
    };
  }
  const parameters = readJsonIfPresent(path.join(dir, 'build', 'parameters.json')) ?? readJsonIfPresent(path.join(dir, 'parameters.json'));
  if (parameters && typeof parameters.partitionKeyName === 'string') {
    return {
      resourceName,
      tableName: String(parameters.tableName ?? resourceName),
      partitionKey: { name: parameters.partitionKeyName, type: keyType(parameters.partitionKeyType) },
      sortKey:
        typeof parameters.sortKeyName === 'string' ? { name: parameters.sortKeyName, type: keyType(parameters.sortKeyType) } : undefined,
    };
  }
  throw new AmplifyError('TableDefinitionNotFound', `Cannot read the keys of DynamoDB table ${resourceName}: ${dir} has no cli-inputs.json or parameters.json with a partition key`, {
    resolution: `Run "amplify update storage" for ${resourceName} to rewrite its files, or pick another table`,
  });
}
