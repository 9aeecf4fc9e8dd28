import type { ModelDefinition, RelationField } from '../../model/api-model';
import { keyLayout, partitionCondition, sortKeyArgumentName, sortKeyCondition } from './key-templates';
import { compositeValue, ERROR_PASSTHROUGH, filterBlock, lines, literal, SINGLE_ITEM_RESPONSE, once } from './vtl-text';

/** The key schema a relation reads: the named index of the related model, else its primary key. */
function lookupKey(relation: RelationField, related: ModelDefinition) {
  const index = relation.lookup.indexName ? related.indexes.find((candidate) => candidate.name === relation.lookup.indexName) : undefined;
  return index ?? related.primaryKey;
}

/**
 * Reads the value of the i-th lookup field: a connection attribute passed on in the stash (named as the field that
 * holds the foreign key: the child's for a hasMany, the item's own for a hasOne/belongsTo), else the parent's field.
 */
function sourceValue(relation: RelationField, position: number): string {
  const many = relation.kind === 'hasMany' || relation.kind === 'manyToMany';
  const attribute = many ? relation.lookup.keyFields[position] : relation.lookup.sourceFields[position];
  return `$util.defaultIfNull($ctx.stash.connectionAttributes.get(${literal(attribute)}), $ctx.source.get(${literal(relation.lookup.sourceFields[position])}))`;
}

/**
 * Builds `$keyQuery` from the parent's values: equality on the partition and on the sort attribute (composite
 * values joined with `#`; a shorter list of fields reads as a prefix with begins_with).
 */
function lookupQuery(relation: RelationField, related: ModelDefinition, emptyReturn: string[]): string[] {
  const key = lookupKey(relation, related);
  const layout = keyLayout(key);
  const out = [
    `#set( $partitionValue = ${sourceValue(relation, 0)} )`,
    '#if( $util.isNullOrBlank($partitionValue) )',
    ...emptyReturn.map((line) => `  ${line}`),
    '#end',
    ...partitionCondition('keyQuery', layout.partition, '$partitionValue'),
  ];
  const sortSources = relation.lookup.sourceFields.slice(1);
  if (layout.sort && sortSources.length > 0) {
    out.push('#set( $sortSource = {} )');
    sortSources.forEach((_, offset) => {
      const keyField = relation.lookup.keyFields[offset + 1];
      out.push(`$util.qr($sortSource.put(${literal(keyField)}, ${sourceValue(relation, offset + 1)}))`);
    });
    const fields = layout.sort.fields.slice(0, sortSources.length);
    out.push(...(fields.length > 1 ? compositeValue('sortValue', '$sortSource', fields) : [`#set( $sortValue = $sortSource.get(${literal(fields[0])}) )`]));
    const condition = fields.length === layout.sort.fields.length ? '#sortKey = :sortKey' : 'begins_with(#sortKey, :sortKey)';
    out.push(
      '#if( !$util.isNullOrBlank($sortValue) )',
      `  $util.qr($keyQuery.put("expression", "\${keyQuery.expression} AND ${condition}"))`,
      `  $util.qr($keyQuery.expressionNames.put("#sortKey", ${literal(layout.sort.attribute)}))`,
      '  $util.qr($keyQuery.expressionValues.put(":sortKey", $util.dynamodb.toDynamoDB($sortValue)))',
      '#end',
    );
  } else if (layout.sort) {
    // A hasMany over an index with sort fields: the field's own sort-key condition argument narrows the query.
    out.push(...sortKeyCondition('keyQuery', `$ctx.args.${sortKeyArgumentName(layout.sort.fields)}`, layout.sort));
  }
  return out;
}

const NO_ITEMS = ['#set( $emptyResult = { "items": [] } )', '#return($emptyResult)'];
/** `#return` without a value: the field resolves to null (a `#set` to null would leave the variable as it was). */
const NO_ITEM = ['#return'];

/** `@hasMany` / `@manyToMany` side: a page of related items from the related table or index. */
export function hasManyRequestTemplate(relation: RelationField, related: ModelDefinition): string {
  const key = lookupKey(relation, related);
  const indexName = 'name' in key ? key.name : undefined;
  return lines(
    '## [Start] Related items. **',
    '#if( $ctx.stash.deniedField )',
    ...NO_ITEMS.map((line) => `  ${line}`),
    '#end',
    ...lookupQuery(relation, related, NO_ITEMS),
    `#set( $limit = $util.defaultIfNull($ctx.args.limit, ${relation.limit ?? 100}) )`,
    '#set( $QueryRequest = { "version": "2018-05-29", "operation": "Query", "query": $keyQuery, "limit": $limit } )',
    indexName !== undefined && `$util.qr($QueryRequest.put("index", ${literal(indexName)}))`,
    '#if( !$util.isNull($ctx.args.sortDirection) && $ctx.args.sortDirection == "DESC" )',
    '  $util.qr($QueryRequest.put("scanIndexForward", false))',
    '#else',
    '  $util.qr($QueryRequest.put("scanIndexForward", true))',
    '#end',
    '#if( !$util.isNull($ctx.args.nextToken) )',
    '  $util.qr($QueryRequest.put("nextToken", $ctx.args.nextToken))',
    '#end',
    ...filterBlock('$QueryRequest', '$ctx.args'),
    '$util.toJson($QueryRequest)',
    '## [End] Related items. **',
  );
}

/** Items of a relation read from a mutation's result stay marked, so protected fields stay hidden from subscribers. */
function buildHasManyResponseTemplate(): string {
  return lines(
    ...ERROR_PASSTHROUGH,
    '#if( !$util.isNull($ctx.source.__operation) && !$util.isNull($ctx.result.items) )',
    '  #foreach( $item in $ctx.result.items )',
    '    $util.qr($item.put("__operation", $ctx.source.__operation))',
    '  #end',
    '#end',
    '$util.toJson($ctx.result)',
  );
}

/** `@hasOne` / `@belongsTo`: the one related item, by key. */
export function singleRelationRequestTemplate(relation: RelationField, related: ModelDefinition): string {
  const key = lookupKey(relation, related);
  const indexName = 'name' in key ? key.name : undefined;
  return lines(
    '## [Start] Related item. **',
    '#if( $ctx.stash.deniedField )',
    ...NO_ITEM.map((line) => `  ${line}`),
    '#end',
    ...lookupQuery(relation, related, NO_ITEM),
    '#set( $QueryRequest = { "version": "2018-05-29", "operation": "Query", "query": $keyQuery } )',
    indexName !== undefined && `$util.qr($QueryRequest.put("index", ${literal(indexName)}))`,
    '#set( $args = {} )',
    ...filterBlock("$QueryRequest", "$args"),
    '$util.toJson($QueryRequest)',
    '## [End] Related item. **',
  );
}

export const singleRelationResponseTemplate = once((): string => lines(SINGLE_ITEM_RESPONSE));

export const hasManyResponseTemplate = once(buildHasManyResponseTemplate);
