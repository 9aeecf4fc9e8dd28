import { ResolverError } from '../../appsync-errors';
import { createUtil } from '../appsync-util';
import { mappingTemplate, MappingTemplateError } from '../mapping-template';

function render(template: string, ctx: Record<string, unknown> = {}, appended: ResolverError[] = []) {
  const util = createUtil({ authType: 'User Pool Authorization', fieldName: 'getTodo', parentTypeName: 'Query', appendError: (error) => appended.push(error) });
  return mappingTemplate(template).render({ ctx, context: ctx, util, utils: util, extensions: {} });
}

function text(template: string, ctx: Record<string, unknown> = {}): string {
  const result = render(template, ctx);
  if (result.type !== 'text') throw new Error('expected text');
  return result.text.trim();
}

describe('Java methods on template values', () => {
  it('answers map methods', () => {
    const ctx = { stash: {} as Record<string, unknown>, args: { input: { a: 1, b: null } } };
    expect(text('$util.qr($ctx.stash.put("k", "v"))$ctx.stash.get("k") $ctx.stash.containsKey("k") $ctx.stash.containsKey("x") $ctx.args.input.size() $ctx.stash.isEmpty()', ctx)).toBe(
      'v true false 2 false',
    );
    expect(ctx.stash).toEqual({ k: 'v' });
    expect(text('#foreach($e in $ctx.args.input.entrySet())$e.key=$e.getValue();#end $ctx.args.input.keySet()', ctx)).toBe('a=1;b=null; [a, b]');
    expect(text('#set($m = {"x": 1})$util.qr($m.putAll({"y": 2}))$util.qr($m.remove("x"))$util.toJson($m)')).toBe('{"y":2}');
  });

  it('answers list methods', () => {
    expect(text('#set($l = [])$l.isEmpty() $util.qr($l.add("a"))$util.qr($l.addAll(["b", "c"]))$l.size() $l.contains("b") $l.indexOf("c") $l.get(0) $l.isEmpty()')).toBe(
      'true 3 true 2 a false',
    );
    expect(text('#set($l = [1, 2, 3])$util.qr($l.remove(0))$util.toJson($l) $util.toJson($l.subList(0, 1))')).toBe('[2,3] [2]');
  });

  it('answers string methods, with Java regular expressions', () => {
    const ctx = { s: 'sub-1::alice', blank: '  ' };
    expect(text('$ctx.s.split("::").size() $ctx.s.split("::")[1] $ctx.s.contains("alice") $ctx.s.startsWith("sub") $ctx.s.length() $ctx.blank.trim().isEmpty()', ctx)).toBe(
      '2 alice true true 12 true',
    );
    expect(text('$ctx.s.replaceAll("[0-9]", "#") $ctx.s.replace("::", "/") $ctx.s.matches("sub-\\d::.*") $ctx.s.toUpperCase() $ctx.s.substring(7)', ctx)).toBe(
      'sub-#::alice sub-1/alice true SUB-1::ALICE alice',
    );
  });
});

describe('#return', () => {
  it('answers the value wherever it appears, dropping the text rendered before it', () => {
    expect(render('text before\n#if(true)\n  #return({"a": [1, 2]})\n#end\nafter')).toEqual({ type: 'return', value: { a: [1, 2] } });
    expect(render('#if(true)\n  #return\n#end\n{}')).toEqual({ type: 'return', value: null });
    const rendered = render('#if(false) #return(1) #end\n{"b": 2}');
    expect(rendered.type === 'text' && JSON.parse(rendered.text)).toEqual({ b: 2 });
  });
});

describe('$util', () => {
  it('raises errors with their type, data and info, and appends without stopping', () => {
    expect(() => render('$util.error("Bad input", "InvalidInput", {"field": "x"}, {"hint": 1})')).toThrow(
      expect.objectContaining({ message: 'Bad input', errorType: 'InvalidInput', data: { field: 'x' }, errorInfo: { hint: 1 } }),
    );
    expect(() => render('$util.unauthorized()')).toThrow(expect.objectContaining({ message: 'Not Authorized to access getTodo on type Query', errorType: 'Unauthorized' }));
    const appended: ResolverError[] = [];
    expect(render('$util.appendError("first", "Warn")done', {}, appended)).toEqual({ type: 'text', text: 'done' });
    expect(appended).toEqual([expect.objectContaining({ message: 'first', errorType: 'Warn' })]);
    expect(() => render('$util.validate(false, "must hold")')).toThrow(expect.objectContaining({ errorType: 'CustomTemplateException' }));
  });

  it('tests and defaults values as AppSync does', () => {
    const ctx = { empty: '', blank: ' ', list: [], value: 'v' };
    expect(text('$util.isNull($ctx.none) $util.isNullOrEmpty($ctx.empty) $util.isNullOrBlank($ctx.blank) $util.isNullOrEmpty($ctx.list) $util.isNullOrEmpty($ctx.value)', ctx)).toBe(
      'true true true true false',
    );
    expect(text('$util.defaultIfNull($ctx.none, "d") $util.defaultIfNullOrEmpty($ctx.empty, "e") $util.defaultIfNullOrBlank($ctx.blank, "b") $util.typeOf($ctx.list) $util.authType()', ctx)).toBe(
      'd e b List User Pool Authorization',
    );
    expect(text('$util.matches("^a.c$", "abc") $util.escapeJavaScript("it\'s") $util.base64Decode($util.base64Encode("héllo")) $util.urlEncode("a b&c")')).toBe(
      "true it\\'s héllo a+b%26c",
    );
  });

  it('makes ids and times', () => {
    expect(text('$util.autoId()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(text('$util.autoUlid()')).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(text('$util.time.epochMilliSecondsToISO8601(1700000000123)')).toBe('2023-11-14T22:13:20.123Z');
    expect(text('$util.time.epochMilliSecondsToFormatted(1700000000123, "yyyy-MM-dd HH:mm:ss.SSSZ")')).toBe('2023-11-14 22:13:20.123+0000');
    expect(text('$util.time.epochMilliSecondsToFormatted(1700000000123, "yyyy-MM-dd\'T\'HH:mmXXX", "Europe/Paris")')).toBe('2023-11-14T23:13+01:00');
    expect(text('$util.time.parseFormattedToEpochMilliSeconds("2023-11-14 22:13:20+0000", "yyyy-MM-dd HH:mm:ssZ")')).toBe('1700000000000');
    expect(text('$util.time.parseISO8601ToEpochMilliSeconds("2023-11-14T22:13:20.123Z") $util.time.epochMilliSecondsToSeconds(1700000000999)')).toBe('1700000000123 1700000000');
    const now = Number(text('$util.time.nowEpochSeconds()'));
    expect(Math.abs(now - Date.now() / 1000)).toBeLessThan(5);
  });

  it('types DynamoDB values', () => {
    const ctx = { input: { id: '1', n: 2, ok: true, tags: ['a'], nested: { x: null } } };
    expect(JSON.parse(text('$util.dynamodb.toMapValuesJson($ctx.input)', ctx))).toEqual({
      id: { S: '1' },
      n: { N: '2' },
      ok: { BOOL: true },
      tags: { L: [{ S: 'a' }] },
      nested: { M: { x: { NULL: true } } },
    });
    expect(text('$util.dynamodb.toStringJson("a") $util.dynamodb.toNumberJson(3) $util.dynamodb.toStringSetJson(["a", "b"])')).toBe('{"S":"a"} {"N":"3"} {"SS":["a","b"]}');
  });

  it('parses and prints JSON, failing with a mapping template error', () => {
    expect(text('$util.toJson($util.parseJson("{\\"a\\":[1,true]}"))')).toBe('{"a":[1,true]}');
    expect(() => render('$util.parseJson("{nope")')).toThrow(expect.objectContaining({ errorType: 'MappingTemplate' }));
  });
});

it('refuses a template that does not parse', () => {
  expect(() => mappingTemplate('#if(')).toThrow(MappingTemplateError);
});
