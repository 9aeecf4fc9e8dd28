import type { HttpDirective } from '../../model/api-model';
import { ERROR_PASSTHROUGH, lines, literal, once } from './vtl-text';

/** The NONE data source request of a field resolver whose work happens in its response. */
export const nonePayloadRequest = once((): string => lines('{', '  "version": "2018-05-29",', '  "payload": {}', '}'));

/** Owner fields stored as `<sub>::<username>` are shown as the username. */
export function ownerFieldResponseTemplate(field: string, isList: boolean): string {
  const shorten = (target: string, value: string): string[] => [
    `#set( $ownerParts = ${value}.split("::") )`,
    '#set( $lastPart = $ownerParts.size() - 1 )',
    `#set( $${target} = $ownerParts.get($lastPart) )`,
  ];
  return lines(
    ...ERROR_PASSTHROUGH,
    `#set( $ownerValue = $ctx.source.get(${literal(field)}) )`,
    '#if( $util.isNull($ownerValue) )',
    '  $util.toJson(null)',
    '#else',
    ...(isList
      ? ['  #set( $owners = [] )', '  #foreach( $entry in $ownerValue )', ...shorten('shortOwner', '$entry').map((line) => `    ${line}`), '    $util.qr($owners.add($shortOwner))', '  #end', '  $util.toJson($owners)']
      : [...shorten('shortOwner', '$ownerValue').map((line) => `  ${line}`), '  $util.toJson($shortOwner)']),
    '#end',
  );
}

/** Field-level auth: a protected field is hidden in mutation results (and so from subscribers). */
export function protectedFieldResponseTemplate(field: string): string {
  return lines(
    '#if( $ctx.source.__operation == "Mutation" )',
    '  $util.toJson(null)',
    '#else',
    `  $util.toJson($ctx.source.get(${literal(field)}))`,
    '#end',
  );
}

/** `@function`: invokes the Lambda with what AppSync knows of the call. */
function buildInvokeLambdaRequestTemplate(): string {
  return lines(
    '## [Start] Invoke AWS Lambda data source. **',
    '{',
    '  "version": "2018-05-29",',
    '  "operation": "Invoke",',
    '  "payload": {',
    '    "typeName": $util.toJson($ctx.stash.get("typeName")),',
    '    "fieldName": $util.toJson($ctx.stash.get("fieldName")),',
    '    "arguments": $util.toJson($ctx.arguments),',
    '    "identity": $util.toJson($ctx.identity),',
    '    "source": $util.toJson($ctx.source),',
    '    "request": $util.toJson($ctx.request),',
    '    "prev": $util.toJson($ctx.prev)',
    '  }',
    '}',
    '## [End] Invoke AWS Lambda data source. **',
  );
}

export const invokeLambdaResponseTemplate = once((): string => lines(...ERROR_PASSTHROUGH, '$util.toJson($ctx.result)'));

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** `@http`: the HTTP request; the URL path's `:param` segments come from `params`. */
export function httpRequestTemplate(http: HttpDirective, resourcePath: string): string {
  const hasBody = BODY_METHODS.has(http.method);
  const path = resourcePath
    .replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => `\${ctx.args.params.${name}}`)
    .replace(/\$\{env\}/g, '${ctx.stash.env}')
    .replace(/\$\{aws_region\}/g, '${ctx.stash.awsRegion}');
  return lines(
    '## [Start] HTTP request. **',
    '#set( $headers = {} )',
    '$util.qr($headers.putAll($util.defaultIfNull($ctx.request.headers, {})))',
    '$util.qr($headers.put("accept-encoding", "application/json"))',
    hasBody && '$util.qr($headers.put("Content-Type", "application/json"))',
    ...http.headers.map((header) => `$util.qr($headers.put(${literal(header.key)}, ${literal(header.value)}))`),
    hasBody &&
      http.requiredArgs.flatMap((arg) => [
        `#if( $util.isNull($util.defaultIfNull($ctx.args.query, {}).get(${literal(arg)})) && $util.isNull($util.defaultIfNull($ctx.args.body, {}).get(${literal(arg)})) )`,
        '  $util.error("An argument you marked as Non-Null is not present in the query nor the body of your request.")',
        '#end',
      ]),
    `#set( $HttpRequest = { "version": "2018-05-29", "method": "${http.method}", "resourcePath": "${path}", "params": { "headers": $headers } } )`,
    '$util.qr($HttpRequest.params.put("query", $util.defaultIfNull($ctx.args.query, {})))',
    hasBody && '$util.qr($HttpRequest.params.put("body", $util.defaultIfNull($ctx.args.body, {})))',
    '$util.toJson($HttpRequest)',
    '## [End] HTTP request. **',
  );
}

export function httpResponseTemplate(method: HttpDirective['method']): string {
  const success = BODY_METHODS.has(method) ? '$ctx.result.statusCode == 200 || $ctx.result.statusCode == 201' : '$ctx.result.statusCode == 200';
  return lines(
    ...ERROR_PASSTHROUGH,
    `#if( ${success} )`,
    '  #set( $contentType = $util.defaultIfNull($ctx.result.headers.get("Content-Type"), "") )',
    '  #if( $contentType.toLowerCase().indexOf("xml") >= 0 )',
    '    $utils.xml.toJsonString($ctx.result.body)',
    '  #else',
    '    $ctx.result.body',
    '  #end',
    '#else',
    '  $util.appendError($ctx.result.body, "${ctx.result.statusCode}")',
    '#end',
  );
}

/** The response of field resolvers whose last function already produced the value. */
export const previousResultResponse = once((): string => lines('$util.toJson($ctx.prev.result)'));


export const invokeLambdaRequestTemplate = once(buildInvokeLambdaRequestTemplate);
