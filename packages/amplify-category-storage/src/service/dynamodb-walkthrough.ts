import { randomUUID } from 'crypto';
import { inputValidation, runWalkthrough, type Prompter } from 'amplify-cli-core';
import { DYNAMODB_RULES, FIELD_TYPES, KEY_TYPES, type DynamoDBConfig, type FieldType, type GlobalSecondaryIndex, type KeyField } from './dynamodb-config';
import { pickTriggerSource } from './trigger-source';

const HEADLESS = '--headless (DynamoDB request)';

/** Asks for columns until the user is done; a name given twice is asked again. */
async function askColumns(prompter: Prompter): Promise<KeyField[]> {
  const columns: KeyField[] = [];
  const validName = inputValidation({ validation: DYNAMODB_RULES.columnName, required: true });
  do {
    const fieldName = await prompter.input({
      message: 'What would you like to name this column:',
      flag: HEADLESS,
      validate: (name) => {
        const verdict = validName(name);
        if (verdict !== true) return verdict;
        return columns.some((c) => c.fieldName === name) ? 'Column name already exists' : true;
      },
    });
    const fieldType = await prompter.pick<FieldType>({ message: 'Choose the data type:', choices: FIELD_TYPES, default: 'string', flag: HEADLESS });
    columns.push({ fieldName, fieldType });
  } while (await prompter.confirm({ message: 'Would you like to add another column?', default: true, flag: HEADLESS }));
  return columns;
}

async function pickKey(prompter: Prompter, message: string, candidates: KeyField[]): Promise<KeyField> {
  const name = await prompter.pick<string>({ message, choices: candidates.map((c) => c.fieldName), flag: HEADLESS });
  return candidates.find((c) => c.fieldName === name)!;
}

async function askIndexes(prompter: Prompter, keyColumns: KeyField[], existing: GlobalSecondaryIndex[]): Promise<GlobalSecondaryIndex[]> {
  const indexes = [...existing];
  const validName = inputValidation({ validation: DYNAMODB_RULES.indexName, required: true });
  if (!(await prompter.confirm({ message: 'Do you want to add global secondary indexes to your table?', default: true, flag: HEADLESS }))) return indexes;
  do {
    const name = await prompter.input({ message: 'Provide the GSI name:', validate: (n) => (indexes.some((i) => i.name === n) ? 'An index of that name exists' : validName(n)), flag: HEADLESS });
    const partitionKey = await pickKey(prompter, 'Choose partition key for the GSI:', keyColumns);
    const others = keyColumns.filter((c) => c.fieldName !== partitionKey.fieldName);
    const index: GlobalSecondaryIndex = { name, partitionKey };
    if (others.length > 0 && (await prompter.confirm({ message: 'Do you want to add a sort key to your global secondary index?', default: true, flag: HEADLESS }))) {
      index.sortKey = await pickKey(prompter, 'Choose sort key for the GSI:', others);
    }
    indexes.push(index);
  } while (await prompter.confirm({ message: 'Do you want to add more global secondary indexes to your table?', default: true, flag: HEADLESS }));
  return indexes;
}

/** `amplify add storage` for a table: names, columns, keys, indexes. */
export async function runDynamoDBAddWalkthrough(prompter: Prompter): Promise<DynamoDBConfig> {
  const shortId = randomUUID().replace(/-/g, '').slice(0, 8);
  const names = await runWalkthrough(
    [
      { key: 'resourceName', type: 'input', message: 'Provide a friendly name', default: `dynamo${shortId}`, validation: DYNAMODB_RULES.resourceName, required: true },
      { key: 'tableName', type: 'input', message: 'Provide table name', default: (a) => String(a.resourceName), validation: DYNAMODB_RULES.tableName, required: true },
    ],
    prompter,
  );
  const columns = await askColumns(prompter);
  const keyColumns = columns.filter((c) => KEY_TYPES.includes(c.fieldType));
  const partitionKey = await pickKey(prompter, 'Choose partition key for the table:', keyColumns);
  const config: DynamoDBConfig = { resourceName: String(names.resourceName), tableName: String(names.tableName), partitionKey };
  const others = keyColumns.filter((c) => c.fieldName !== partitionKey.fieldName);
  if (others.length > 0 && (await prompter.confirm({ message: 'Do you want to add a sort key to your table?', default: true, flag: HEADLESS }))) {
    config.sortKey = await pickKey(prompter, 'Choose sort key for the table:', others);
  }
  const indexes = await askIndexes(prompter, keyColumns, []);
  if (indexes.length > 0) config.gsi = indexes;
  return config;
}

/** `amplify update storage` for a table: keys and names are fixed; indexes may be kept, dropped or added. */
export async function runDynamoDBUpdateWalkthrough(prompter: Prompter, previous: DynamoDBConfig): Promise<DynamoDBConfig> {
  let kept = previous.gsi ?? [];
  if (kept.length > 0 && !(await prompter.confirm({ message: 'Do you want to keep existing global seconday indexes created on your table?', default: true }))) kept = [];
  const keyColumns = [previous.partitionKey, ...(previous.sortKey ? [previous.sortKey] : []), ...kept.flatMap((i) => [i.partitionKey, ...(i.sortKey ? [i.sortKey] : [])])];
  const unique = keyColumns.filter((c, i) => keyColumns.findIndex((d) => d.fieldName === c.fieldName) === i);
  const known = await prompter.confirm({ message: 'Do you want to add a new column for a new index?', default: false });
  const columns = known ? [...unique, ...(await askColumns(prompter)).filter((c) => KEY_TYPES.includes(c.fieldType))] : unique;
  const indexes = await askIndexes(prompter, columns, kept);
  const config: DynamoDBConfig = { ...previous };
  if (indexes.length > 0) config.gsi = indexes;
  else delete config.gsi;
  return config;
}

/** What question 7 decided; `new` and a chosen function are applied once the table is saved (the function needs it). */
export type TriggerChoice = { mode: 'none' } | { mode: 'existing'; name: string } | { mode: 'new' };

/**
 * Question 7: "add a Lambda trigger?" (default No), then an existing function of the project (only
 * when there is one the table does not list yet; `candidates` is loaded only after a Yes) or a new one.
 */
export async function askDynamoDBTrigger(prompter: Prompter, candidates: () => Promise<string[]>): Promise<TriggerChoice> {
  if (!(await prompter.confirm({ message: 'Do you want to add a Lambda Trigger for your Table?', default: false, flag: '--headless (lambdaTrigger)' }))) return { mode: 'none' };
  const functions = await candidates();
  const mode = await pickTriggerSource(prompter, functions);
  if (mode === 'new') return { mode: 'new' };
  return { mode: 'existing', name: await prompter.pick<string>({ message: 'Select the function to trigger:', choices: functions, flag: '--headless (lambdaTrigger.name)' }) };
}
