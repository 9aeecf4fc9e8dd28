/**
 * Small builders for Velocity text. Templates are written as lines; user-supplied strings (group names, default
 * values, headers) go through `literal`, because Velocity string literals have no escapes.
 */

/** A Velocity expression for a JSON value; plain words stay readable, anything else is parsed from JSON. */
export function literal(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && /^[A-Za-z0-9_ .:/@,-]*$/.test(value)) return `"${value}"`;
  return `$util.parseJson('${JSON.stringify(value).replace(/'/g, '\\u0027')}')`;
}

/** A template that depends on nothing, built on first use: every model shares the one string. */
export function once(build: () => string): () => string {
  let text: string | undefined;
  return () => (text ??= build());
}

/** A template built once per distinct arguments (JSON-equal), as models with the same rules share templates. */
export function memoized<A extends unknown[]>(build: (...args: A) => string): (...args: A) => string {
  const built = new Map<string, string>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    let text = built.get(key);
    if (text === undefined) {
      text = build(...args);
      built.set(key, text);
    }
    return text;
  };
}

export const lines = (...parts: Array<string | string[] | false | undefined>): string =>
  parts
    .flat()
    .filter((part): part is string => typeof part === 'string')
    .join('\n') + '\n';

/** Indents a block of lines for readability of the generated files. */
export const indent = (block: string[], depth = 1): string[] => block.map((line) => '  '.repeat(depth) + line);

/** The empty result that slot functions on the NONE data source hand on. */
export const EMPTY_PAYLOAD = '$util.toJson({})';

export const ERROR_PASSTHROUGH = ['#if( $ctx.error )', '  $util.error($ctx.error.message, $ctx.error.type)', '#end'];

/** Result of the single-item query a get (or a hasOne/belongsTo) sends: the item, null, or unauthorized when filtered. */
export const SINGLE_ITEM_RESPONSE = [
  ...ERROR_PASSTHROUGH,
  '#if( !$ctx.result.items.isEmpty() && $ctx.result.scannedCount == 1 )',
  '  $util.toJson($ctx.result.items.get(0))',
  '#else',
  '  #if( $ctx.result.items.isEmpty() && $ctx.result.scannedCount == 1 )',
  '    $util.unauthorized()',
  '  #end',
  '  $util.toJson(null)',
  '#end',
];

export const RESULT_RESPONSE = [...ERROR_PASSTHROUGH, '$util.toJson($ctx.result)'];

/**
 * ANDs `stash.authFilter` with `<argsVar>.filter` and puts the DynamoDB filter expression on `<requestVar>`.
 */
export function filterBlock(requestVar: string, argsVar: string): string[] {
  return [
    '#set( $filterParts = [] )',
    '#if( !$util.isNullOrEmpty($ctx.stash.authFilter) )',
    '  $util.qr($filterParts.add($ctx.stash.authFilter))',
    '#end',
    `#if( !$util.isNullOrEmpty(${argsVar}.filter) )`,
    `  $util.qr($filterParts.add(${argsVar}.filter))`,
    '#end',
    '#if( !$filterParts.isEmpty() )',
    '  #if( $filterParts.size() == 1 )',
    '    #set( $filterInput = $filterParts.get(0) )',
    '  #else',
    '    #set( $filterInput = { "and": $filterParts } )',
    '  #end',
    '  #set( $filterExpression = $util.parseJson($util.transform.toDynamoDBFilterExpression($filterInput)) )',
    '  #if( $util.isNullOrBlank($filterExpression.expression) )',
    '    $util.error("Unable to process the filter expression", "Unrecognized Filter")',
    '  #end',
    '  #if( $util.isNullOrEmpty($filterExpression.expressionValues) )',
    '    $util.qr($filterExpression.remove("expressionValues"))',
    '  #end',
    `  $util.qr(${requestVar}.put("filter", $filterExpression))`,
    '#end',
  ];
}

/**
 * Sets `$<target>` to the `#`-joined values of `fields` read from `<source>`, stopping at the first missing one
 * (a partial composite key is a prefix, as `beginsWith` needs it); "" when the first is missing (a `#set` to null
 * would leave an earlier value in place).
 */
export function compositeValue(target: string, source: string, fields: string[]): string[] {
  const out = [`#set( $${target} = "" )`, '#set( $keySeparator = "#" )'];
  fields.forEach((field, depth) => {
    const value = `\${${source.slice(1)}.${field}}`;
    const assignment = depth === 0 ? `#set( $${target} = "${value}" )` : `#set( $${target} = "\${${target}}\${keySeparator}${value}" )`;
    out.push(...indent([`#if( !$util.isNull(${source}.${field}) )`, `  ${assignment}`], depth));
  });
  for (let level = fields.length - 1; level >= 0; level--) out.push(...indent(['#end'], level));
  return out;
}
