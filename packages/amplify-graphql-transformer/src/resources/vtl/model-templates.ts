import type { ModelDefinition, ModelIndex } from '../../model/api-model';
import { itemKey, keyLayout, partitionCondition, sortKeyArgumentName, sortKeyCondition } from './key-templates';
import { EMPTY_PAYLOAD, ERROR_PASSTHROUGH, filterBlock, indent, lines, literal, RESULT_RESPONSE, SINGLE_ITEM_RESPONSE, once } from './vtl-text';

const ARGS = '#set( $args = $util.defaultIfNull($ctx.stash.transformedArgs, $ctx.args) )';

/** The DynamoDB key of the item a mutation or get addresses: the preAuth slot's `modelObjectKey`, else `id`. */
function keyFromStashOr(source: string): string[] {
  return [
    '#if( !$util.isNull($ctx.stash.metadata.modelObjectKey) )',
    '  #set( $key = $ctx.stash.metadata.modelObjectKey )',
    '#else',
    `  #set( $key = { "id": $util.dynamodb.toDynamoDB(${source}.id) } )`,
    '#end',
  ];
}

function keyAttributes(model: ModelDefinition): string[] {
  const layout = keyLayout(model.primaryKey);
  return layout.sort ? [layout.partition, layout.sort.attribute] : [layout.partition];
}

/** Adds `stash.conditions` (user condition + key checks) as the request's `condition`. */
function conditionBlock(requestVar: string, keyMustExist: boolean, model: ModelDefinition): string[] {
  return [
    '#if( !$util.isNullOrEmpty($args.condition) )',
    '  $util.qr($ctx.stash.conditions.add($args.condition))',
    '#end',
    ...keyAttributes(model).map((attribute) => `$util.qr($ctx.stash.conditions.add({ ${literal(attribute)}: { "attributeExists": ${keyMustExist} } }))`),
    '#if( $ctx.stash.conditions.size() == 1 )',
    '  #set( $mergedCondition = $ctx.stash.conditions.get(0) )',
    '#else',
    '  #set( $mergedCondition = { "and": $ctx.stash.conditions } )',
    '#end',
    '#set( $conditionExpression = $util.parseJson($util.transform.toDynamoDBConditionExpression($mergedCondition)) )',
    '#if( $util.isNullOrEmpty($conditionExpression.expressionValues) )',
    '  $util.qr($conditionExpression.remove("expressionValues"))',
    '#end',
    `$util.qr(${requestVar}.put("condition", $conditionExpression))`,
  ];
}

export function createInitTemplate(model: ModelDefinition): string {
  const { createdAt, updatedAt } = model.timestamps;
  return lines(
    '## [Start] Initialization default values. **',
    '$util.qr($ctx.stash.put("defaultValues", $util.defaultIfNull($ctx.stash.defaultValues, {})))',
    model.primaryKey.partitionKey === 'id' && '$util.qr($ctx.stash.defaultValues.put("id", $util.autoId()))',
    (createdAt !== undefined || updatedAt !== undefined) && '#set( $createdAt = $util.time.nowISO8601() )',
    createdAt !== undefined && `$util.qr($ctx.stash.defaultValues.put("${createdAt}", $createdAt))`,
    updatedAt !== undefined && `$util.qr($ctx.stash.defaultValues.put("${updatedAt}", $createdAt))`,
    EMPTY_PAYLOAD,
    '## [End] Initialization default values. **',
  );
}

export function updateInitTemplate(model: ModelDefinition): string {
  const { updatedAt } = model.timestamps;
  return lines(
    '## [Start] Initialization default values. **',
    '$util.qr($ctx.stash.put("defaultValues", $util.defaultIfNull($ctx.stash.defaultValues, {})))',
    updatedAt !== undefined && `$util.qr($ctx.stash.defaultValues.put("${updatedAt}", $util.time.nowISO8601()))`,
    EMPTY_PAYLOAD,
    '## [End] Initialization default values. **',
  );
}

/** `@default`: fills each defaulted field of the create input that is null or absent. */
export function defaultValuesTemplate(model: ModelDefinition): string {
  return lines(
    '## [Start] Set default values. **',
    '#set( $input = $util.defaultIfNull($ctx.args.input, {}) )',
    ...model.defaults.map(({ field, value }) => [`#if( $util.isNull($input.${field}) )`, `  $util.qr($ctx.args.input.put("${field}", ${literal(value)}))`, '#end']).flat(),
    EMPTY_PAYLOAD,
    '## [End] Set default values. **',
  );
}

/** Custom `@primaryKey`, mutations: the key of the addressed item from defaults and input. */
export function primaryKeyMutationTemplate(model: ModelDefinition): string {
  return lines(
    '## [Start] Set the primary key. **',
    '#set( $keySource = {} )',
    '$util.qr($keySource.putAll($util.defaultIfNull($ctx.stash.defaultValues, {})))',
    '$util.qr($keySource.putAll($util.defaultIfNull($ctx.args.input, {})))',
    ...itemKey('modelObjectKey', '$keySource', keyLayout(model.primaryKey)),
    '$util.qr($ctx.stash.metadata.put("modelObjectKey", $modelObjectKey))',
    EMPTY_PAYLOAD,
    '## [End] Set the primary key. **',
  );
}

/** Custom `@primaryKey`, get: the key from the arguments. */
export function primaryKeyGetTemplate(model: ModelDefinition): string {
  return lines(
    '## [Start] Set the primary key. **',
    ...itemKey('modelObjectKey', '$ctx.args', keyLayout(model.primaryKey)),
    '$util.qr($ctx.stash.metadata.put("modelObjectKey", $modelObjectKey))',
    EMPTY_PAYLOAD,
    '## [End] Set the primary key. **',
  );
}

/** Custom `@primaryKey`, list: a key query when the partition argument is given (else the list scans). */
export function primaryKeyListTemplate(model: ModelDefinition): string {
  const layout = keyLayout(model.primaryKey);
  const pk = layout.partition;
  const sortArgument = layout.sort ? sortKeyArgumentName(layout.sort.fields) : undefined;
  return lines(
    '## [Start] Set the query expression of the primary key. **',
    sortArgument !== undefined && [
      `#if( !$util.isNull($ctx.args.${sortArgument}) && $util.isNull($ctx.args.${pk}) )`,
      `  $util.error("When providing argument '${sortArgument}' you must also provide arguments ${pk}", "InvalidArgumentsError")`,
      '#end',
    ],
    `#if( !$util.isNull($ctx.args.sortDirection) && $util.isNull($ctx.args.${pk}) )`,
    `  $util.error("When providing argument 'sortDirection' you must also provide argument '${pk}'.", "InvalidArgumentsError")`,
    '#end',
    `#if( !$util.isNull($ctx.args.${pk}) )`,
    ...indent(partitionCondition('modelQueryExpression', pk, `$ctx.args.${pk}`)),
    ...(layout.sort && sortArgument ? indent(sortKeyCondition('modelQueryExpression', `$ctx.args.${sortArgument}`, layout.sort)) : []),
    '  $util.qr($ctx.stash.put("modelQueryExpression", $modelQueryExpression))',
    '#end',
    EMPTY_PAYLOAD,
    '## [End] Set the query expression of the primary key. **',
  );
}

/**
 * `@index` with several sort fields, mutations: all parts of the composite key or none, and the `a#b` attribute
 * written from them.
 */
export function compositeIndexKeysTemplate(model: ModelDefinition): string {
  const composites = model.indexes.filter((index) => index.sortKeyFields.length > 1);
  const body = composites.flatMap((index) => {
    const attribute = index.sortKeyFields.join('#');
    const camel = sortKeyArgumentName(index.sortKeyFields);
    const present = index.sortKeyFields.map((field) => `$ctx.args.input.containsKey("${field}")`).join(' || ');
    return [
      `$util.qr($ctx.stash.metadata.dynamodbNameOverrideMap.put("${attribute}", "${camel}"))`,
      `#if( ${present} )`,
      ...indent(
        index.sortKeyFields.flatMap((field) => [
          `#if( $util.isNull($ctx.args.input.${field}) )`,
          `  $util.error("When creating/updating any part of the composite sort key for @index '${index.name}', you must provide all fields for the key. Missing key: '${field}'.")`,
          '#end',
        ]),
      ),
      `  $util.qr($ctx.args.input.put("${attribute}", "${index.sortKeyFields.map((field) => `\${ctx.args.input.${field}}`).join('#')}"))`,
      '#end',
    ];
  });
  return lines(
    '## [Start] Set composite sort keys of indexes. **',
    '#if( $util.isNull($ctx.stash.metadata.dynamodbNameOverrideMap) )',
    '  $util.qr($ctx.stash.metadata.put("dynamodbNameOverrideMap", {}))',
    '#end',
    body,
    EMPTY_PAYLOAD,
    '## [End] Set composite sort keys of indexes. **',
  );
}

/** get: a Query on the key (so that the auth filter can apply), not a GetItem. */
function buildGetRequestTemplate(): string {
  return lines(
    '## [Start] Get Request. **',
    '#set( $GetRequest = { "version": "2018-05-29", "operation": "Query" } )',
    '#if( !$util.isNull($ctx.stash.metadata.modelObjectKey) )',
    '  #set( $keyExpression = [] )',
    '  #set( $keyNames = {} )',
    '  #set( $keyValues = {} )',
    '  #set( $keyIndex = 0 )',
    '  #foreach( $entry in $ctx.stash.metadata.modelObjectKey.entrySet() )',
    '    #set( $keyIndex = $keyIndex + 1 )',
    '    $util.qr($keyExpression.add("#keyCount${keyIndex} = :keyCount${keyIndex}"))',
    '    $util.qr($keyNames.put("#keyCount${keyIndex}", $entry.key))',
    '    $util.qr($keyValues.put(":keyCount${keyIndex}", $entry.value))',
    '  #end',
    '  #set( $keyText = "" )',
    '  #foreach( $part in $keyExpression )',
    '    #if( $keyText == "" )',
    '      #set( $keyText = $part )',
    '    #else',
    '      #set( $keyText = "${keyText} AND ${part}" )',
    '    #end',
    '  #end',
    '  $util.qr($GetRequest.put("query", { "expression": $keyText, "expressionNames": $keyNames, "expressionValues": $keyValues }))',
    '#else',
    '  $util.qr($GetRequest.put("query", { "expression": "#keyCount1 = :keyCount1", "expressionNames": { "#keyCount1": "id" }, "expressionValues": { ":keyCount1": $util.dynamodb.toDynamoDB($ctx.args.id) } }))',
    '#end',
    '#set( $args = {} )',
    ...filterBlock('$GetRequest', '$args'),
    '$util.toJson($GetRequest)',
    '## [End] Get Request. **',
  );
}

export const getResponseTemplate = once((): string => lines(SINGLE_ITEM_RESPONSE));

function buildListRequestTemplate(): string {
  return lines(
    '## [Start] List Request. **',
    ARGS,
    '#set( $limit = $util.defaultIfNull($args.limit, 100) )',
    '#set( $ListRequest = { "version": "2018-05-29", "limit": $limit } )',
    '#if( !$util.isNull($args.nextToken) )',
    '  $util.qr($ListRequest.put("nextToken", $args.nextToken))',
    '#end',
    ...filterBlock('$ListRequest', '$args'),
    '#if( !$util.isNull($ctx.stash.modelQueryExpression) && !$util.isNullOrEmpty($ctx.stash.modelQueryExpression.expression) )',
    '  $util.qr($ListRequest.put("operation", "Query"))',
    '  $util.qr($ListRequest.put("query", $ctx.stash.modelQueryExpression))',
    '  #if( !$util.isNull($args.sortDirection) && $args.sortDirection == "DESC" )',
    '    $util.qr($ListRequest.put("scanIndexForward", false))',
    '  #else',
    '    $util.qr($ListRequest.put("scanIndexForward", true))',
    '  #end',
    '#else',
    '  $util.qr($ListRequest.put("operation", "Scan"))',
    '#end',
    '#if( !$util.isNull($ctx.stash.metadata.index) )',
    '  $util.qr($ListRequest.put("index", $ctx.stash.metadata.index))',
    '#end',
    '$util.toJson($ListRequest)',
    '## [End] List Request. **',
  );
}

export const listResponseTemplate = once((): string => lines(RESULT_RESPONSE));

export function createRequestTemplate(model: ModelDefinition): string {
  return lines(
    '## [Start] Create Request. **',
    ARGS,
    '#set( $mergedValues = {} )',
    '$util.qr($mergedValues.putAll($util.defaultIfNull($ctx.stash.defaultValues, {})))',
    '$util.qr($mergedValues.putAll($util.defaultIfNull($args.input, {})))',
    `$util.qr($mergedValues.put("__typename", "${model.name}"))`,
    ...keyFromStashOr('$mergedValues'),
    '#set( $PutObject = { "version": "2018-05-29", "operation": "PutItem", "key": $key, "attributeValues": $util.dynamodb.toMapValues($mergedValues) } )',
    ...conditionBlock('$PutObject', false, model),
    '$util.toJson($PutObject)',
    '## [End] Create Request. **',
  );
}

export function updateRequestTemplate(model: ModelDefinition, versioned: boolean): string {
  const keyFields = [model.primaryKey.partitionKey, ...model.primaryKey.sortKeyFields, ...keyAttributes(model)];
  return lines(
    '## [Start] Update Request. **',
    ARGS,
    '#set( $input = {} )',
    '$util.qr($input.putAll($util.defaultIfNull($ctx.stash.defaultValues, {})))',
    '$util.qr($input.putAll($util.defaultIfNull($args.input, {})))',
    ...keyFromStashOr('$input'),
    ...[...new Set(keyFields)].map((field) => `$util.qr($input.remove(${literal(field)}))`),
    versioned && '$util.qr($input.remove("_version"))',
    `$util.qr($input.put("__typename", "${model.name}"))`,
    '#set( $setParts = [] )',
    '#set( $removeParts = [] )',
    '#set( $updateNames = {} )',
    '#set( $updateValues = {} )',
    '#set( $attributeIndex = 0 )',
    '#foreach( $entry in $input.entrySet() )',
    '  #set( $attributeIndex = $attributeIndex + 1 )',
    '  $util.qr($updateNames.put("#attr${attributeIndex}", $entry.key))',
    '  #if( $util.isNull($entry.value) )',
    '    $util.qr($removeParts.add("#attr${attributeIndex}"))',
    '  #else',
    '    $util.qr($setParts.add("#attr${attributeIndex} = :attr${attributeIndex}"))',
    '    $util.qr($updateValues.put(":attr${attributeIndex}", $util.dynamodb.toDynamoDB($entry.value)))',
    '  #end',
    '#end',
    '#set( $updateText = "" )',
    '#foreach( $part in $setParts )',
    '  #if( $updateText == "" )',
    '    #set( $updateText = "SET ${part}" )',
    '  #else',
    '    #set( $updateText = "${updateText}, ${part}" )',
    '  #end',
    '#end',
    '#set( $removeText = "" )',
    '#foreach( $part in $removeParts )',
    '  #if( $removeText == "" )',
    '    #set( $removeText = "REMOVE ${part}" )',
    '  #else',
    '    #set( $removeText = "${removeText}, ${part}" )',
    '  #end',
    '#end',
    '#if( $removeText != "" )',
    '  #set( $updateText = "${updateText} ${removeText}" )',
    '#end',
    '#set( $update = { "expression": $updateText, "expressionNames": $updateNames } )',
    '#if( !$updateValues.isEmpty() )',
    '  $util.qr($update.put("expressionValues", $updateValues))',
    '#end',
    '#set( $UpdateItem = { "version": "2018-05-29", "operation": "UpdateItem", "key": $key, "update": $update } )',
    versioned && '$util.qr($UpdateItem.put("_version", $util.defaultIfNull($args.input.get("_version"), 0)))',
    ...conditionBlock('$UpdateItem', true, model),
    '$util.toJson($UpdateItem)',
    '## [End] Update Request. **',
  );
}

export function deleteRequestTemplate(model: ModelDefinition, versioned: boolean): string {
  return lines(
    '## [Start] Delete Request. **',
    ARGS,
    ...keyFromStashOr('$args.input'),
    '#set( $DeleteRequest = { "version": "2018-05-29", "operation": "DeleteItem", "key": $key } )',
    versioned && '$util.qr($DeleteRequest.put("_version", $util.defaultIfNull($args.input.get("_version"), 0)))',
    ...conditionBlock('$DeleteRequest', true, model),
    '$util.toJson($DeleteRequest)',
    '## [End] Delete Request. **',
  );
}

function buildMutationResponseTemplate(): string {
  return lines(
    ...ERROR_PASSTHROUGH,
    '#if( !$util.isNull($ctx.result) )',
    '  $util.qr($ctx.result.put("__operation", "Mutation"))',
    '#end',
    '$util.toJson($ctx.result)',
  );
}

/** update/delete `auth.1.req`: reads the existing item so the auth step can check it. */
function buildExistingItemRequestTemplate(): string {
  return lines(
    '## [Start] Fetch the existing item. **',
    ...keyFromStashOr('$ctx.args.input'),
    '{',
    '  "version": "2018-05-29",',
    '  "operation": "GetItem",',
    '  "key": $util.toJson($key),',
    '  "consistentRead": true',
    '}',
    '## [End] Fetch the existing item. **',
  );
}

export const subscriptionRequestTemplate = once((): string => lines('{', '  "version": "2018-05-29",', '  "payload": {}', '}'));

/** Enhanced subscription filtering: the caller's filter, ANDed with the owner/group filter the auth step left. */
function buildSubscriptionResponseTemplate(): string {
  return lines(
    '## [Start] Subscription Filter. **',
    '#set( $filterParts = [] )',
    '#if( !$util.isNullOrEmpty($ctx.stash.authFilter) )',
    '  $util.qr($filterParts.add($ctx.stash.authFilter))',
    '#end',
    '#if( !$util.isNullOrEmpty($ctx.args.filter) )',
    '  $util.qr($filterParts.add($ctx.args.filter))',
    '#end',
    '#if( !$filterParts.isEmpty() )',
    '  #if( $filterParts.size() == 1 )',
    '    #set( $subscriptionFilter = $filterParts.get(0) )',
    '  #else',
    '    #set( $subscriptionFilter = { "and": $filterParts } )',
    '  #end',
    '  $extensions.setSubscriptionFilter($util.transform.toSubscriptionFilter($subscriptionFilter))',
    '#end',
    '$util.toJson(null)',
    '## [End] Subscription Filter. **',
  );
}

/** DataStore `sync<Plural>`: the AppSync Sync operation over the versioned table. */
function buildSyncRequestTemplate(): string {
  return lines(
    '## [Start] Sync Request. **',
    ARGS,
    '#set( $limit = $util.defaultIfNull($args.limit, 100) )',
    '#set( $SyncRequest = { "version": "2018-05-29", "operation": "Sync", "limit": $limit } )',
    '#if( !$util.isNull($args.lastSync) )',
    '  $util.qr($SyncRequest.put("lastSync", $args.lastSync))',
    '#end',
    '#if( !$util.isNull($args.nextToken) )',
    '  $util.qr($SyncRequest.put("nextToken", $args.nextToken))',
    '#end',
    ...filterBlock('$SyncRequest', '$args'),
    '$util.toJson($SyncRequest)',
    '## [End] Sync Request. **',
  );
}

/** An `@index` query field: Query on the GSI by partition argument and optional sort condition. */
export function indexQueryRequestTemplate(index: ModelIndex): string {
  const layout = keyLayout(index);
  const sortArgument = layout.sort ? sortKeyArgumentName(layout.sort.fields) : undefined;
  return lines(
    '## [Start] Index Query Request. **',
    ARGS,
    sortArgument !== undefined && [
      `#if( !$util.isNull($args.${sortArgument}) && $util.isNull($args.${layout.partition}) )`,
      `  $util.error("When providing argument '${sortArgument}' you must also provide arguments ${layout.partition}", "InvalidArgumentsError")`,
      '#end',
    ],
    ...partitionCondition('modelQueryExpression', layout.partition, `$args.${layout.partition}`),
    ...(layout.sort && sortArgument ? sortKeyCondition('modelQueryExpression', `$args.${sortArgument}`, layout.sort) : []),
    '#set( $limit = $util.defaultIfNull($args.limit, 100) )',
    `#set( $QueryRequest = { "version": "2018-05-29", "operation": "Query", "index": ${literal(index.name)}, "limit": $limit, "query": $modelQueryExpression } )`,
    '#if( !$util.isNull($args.sortDirection) && $args.sortDirection == "DESC" )',
    '  $util.qr($QueryRequest.put("scanIndexForward", false))',
    '#else',
    '  $util.qr($QueryRequest.put("scanIndexForward", true))',
    '#end',
    '#if( !$util.isNull($args.nextToken) )',
    '  $util.qr($QueryRequest.put("nextToken", $args.nextToken))',
    '#end',
    ...filterBlock('$QueryRequest', '$args'),
    '$util.toJson($QueryRequest)',
    '## [End] Index Query Request. **',
  );
}


export const getRequestTemplate = once(buildGetRequestTemplate);

export const listRequestTemplate = once(buildListRequestTemplate);

export const mutationResponseTemplate = once(buildMutationResponseTemplate);

export const existingItemRequestTemplate = once(buildExistingItemRequestTemplate);

export const subscriptionResponseTemplate = once(buildSubscriptionResponseTemplate);

export const syncRequestTemplate = once(buildSyncRequestTemplate);
