import type { KeySchema, ModelDefinition } from '../../model/api-model';
import { compositeValue, indent, literal } from './vtl-text';

/** How a key schema lies in DynamoDB: the partition attribute and one sort attribute (`a#b` for several fields). */
export interface KeyLayout {
  partition: string;
  sort?: { attribute: string; fields: string[] };
}

export function keyLayout(key: KeySchema): KeyLayout {
  if (key.sortKeyFields.length === 0) return { partition: key.partitionKey };
  return { partition: key.partitionKey, sort: { attribute: key.sortKeyFields.join('#'), fields: key.sortKeyFields } };
}

export const hasCustomPrimaryKey = (model: ModelDefinition): boolean =>
  model.primaryKey.partitionKey !== 'id' || model.primaryKey.sortKeyFields.length > 0;

/** The camel-joined argument name of a composite sort key (`bC`), or the single sort field's name. */
export function sortKeyArgumentName(fields: string[]): string {
  return fields.map((field, index) => (index === 0 ? field : field[0].toUpperCase() + field.slice(1))).join('');
}

/** Sets `$<target>` to the DynamoDB key map of the item whose key fields are read from `source`. */
export function itemKey(target: string, source: string, layout: KeyLayout): string[] {
  const out = [`#set( $${target} = { "${layout.partition}": $util.dynamodb.toDynamoDB(${source}.${layout.partition}) } )`];
  if (layout.sort) {
    if (layout.sort.fields.length === 1) {
      out.push(`$util.qr($${target}.put("${layout.sort.attribute}", $util.dynamodb.toDynamoDB(${source}.${layout.sort.fields[0]})))`);
    } else {
      out.push(...compositeValue('compositeSortValue', source, layout.sort.fields));
      out.push(`$util.qr($${target}.put("${layout.sort.attribute}", $util.dynamodb.toDynamoDB($compositeSortValue)))`);
    }
  }
  return out;
}

const SORT_OPERATORS: Array<[string, string]> = [
  ['eq', '='],
  ['le', '<='],
  ['lt', '<'],
  ['ge', '>='],
  ['gt', '>'],
];

/**
 * Adds to `$<queryVar>` (a `{expression, expressionNames, expressionValues}` map) the sort-key condition of the
 * argument `argExpr` (`{eq|le|lt|ge|gt|between|beginsWith}`), composite values joined with `#`.
 */
export function sortKeyCondition(queryVar: string, argExpr: string, sort: { attribute: string; fields: string[] }): string[] {
  const composite = sort.fields.length > 1;
  const valueOf = (target: string, expr: string): string[] =>
    composite ? compositeValue(target, expr, sort.fields) : [`#set( $${target} = ${expr} )`];
  const addCondition = (condition: string, values: Array<[string, string]>): string[] => [
    `$util.qr($${queryVar}.put("expression", "\${${queryVar}.expression} AND ${condition}"))`,
    `$util.qr($${queryVar}.expressionNames.put("#sortKey", ${literal(sort.attribute)}))`,
    ...values.map(([placeholder, variable]) => `$util.qr($${queryVar}.expressionValues.put("${placeholder}", $util.dynamodb.toDynamoDB($${variable})))`),
  ];
  const out = [`#set( $sortArgument = ${argExpr} )`, '#if( !$util.isNull($sortArgument) )'];
  for (const [operator, symbol] of SORT_OPERATORS) {
    out.push(
      ...indent([
        `#if( !$util.isNull($sortArgument.${operator}) )`,
        ...indent([...valueOf('sortValue', `$sortArgument.${operator}`), ...addCondition(`#sortKey ${symbol} :sortKey`, [[':sortKey', 'sortValue']])]),
        '#end',
      ]),
    );
  }
  out.push(
    ...indent([
      '#if( !$util.isNull($sortArgument.beginsWith) )',
      ...indent([...valueOf('sortValue', '$sortArgument.beginsWith'), ...addCondition('begins_with(#sortKey, :sortKey)', [[':sortKey', 'sortValue']])]),
      '#end',
      '#if( !$util.isNull($sortArgument.between) && $sortArgument.between.size() == 2 )',
      ...indent([
        '#set( $betweenLow = $sortArgument.between.get(0) )',
        '#set( $betweenHigh = $sortArgument.between.get(1) )',
        ...valueOf('sortValue0', '$betweenLow'),
        ...valueOf('sortValue1', '$betweenHigh'),
        ...addCondition('#sortKey BETWEEN :sortKey0 AND :sortKey1', [
          [':sortKey0', 'sortValue0'],
          [':sortKey1', 'sortValue1'],
        ]),
      ]),
      '#end',
    ]),
  );
  out.push('#end');
  return out;
}

/** Starts `$<queryVar>` as the partition-key equality on `attribute` with the value `valueExpr`. */
export function partitionCondition(queryVar: string, attribute: string, valueExpr: string): string[] {
  return [
    `#set( $${queryVar} = { "expression": "#partitionKey = :partitionKey", "expressionNames": { "#partitionKey": ${literal(attribute)} }, "expressionValues": { ":partitionKey": $util.dynamodb.toDynamoDB(${valueExpr}) } } )`,
  ];
}
