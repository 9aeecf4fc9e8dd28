/** Column types of the NoSQL walkthrough; only the first three can be keys. */
export const FIELD_TYPES = ['string', 'number', 'binary', 'boolean', 'list', 'map'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const KEY_TYPES: readonly FieldType[] = ['string', 'number', 'binary'];

/** DynamoDB attribute type letters. */
export const ATTRIBUTE_TYPE: Record<FieldType, string> = { string: 'S', number: 'N', binary: 'B', boolean: 'BOOL', list: 'L', map: 'M' };

export interface KeyField {
  fieldName: string;
  fieldType: FieldType;
}

export interface GlobalSecondaryIndex {
  name: string;
  partitionKey: KeyField;
  sortKey?: KeyField;
}

/** `cli-inputs.json` of a DynamoDB resource. */
export interface DynamoDBConfig {
  resourceName: string;
  tableName: string;
  partitionKey: KeyField;
  sortKey?: KeyField;
  gsi?: GlobalSecondaryIndex[];
  /** Functions invoked by the table's stream (each wires itself to it in its own template). */
  triggerFunctions?: string[];
}

export const DYNAMODB_RULES = {
  resourceName: { operator: 'regex', value: '^[a-zA-Z0-9]+$', onErrorMsg: 'Resource name should be alphanumeric' },
  tableName: { operator: 'regex', value: '^[a-zA-Z0-9._-]+$', onErrorMsg: 'You can use the following characters: a-z A-Z 0-9 . - _' },
  columnName: { operator: 'regex', value: '^[a-zA-Z0-9_-]+$', onErrorMsg: 'You can use the following characters: a-z A-Z 0-9 - _' },
  indexName: { operator: 'regex', value: '^[a-zA-Z0-9_-]+$', onErrorMsg: 'You can use the following characters: a-z A-Z 0-9 - _' },
} as const;
