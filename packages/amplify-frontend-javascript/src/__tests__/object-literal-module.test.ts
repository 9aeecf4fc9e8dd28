import { ModuleParseError, readLiteralModuleDefaultExport } from '../object-literal-module';

describe('readLiteralModuleDefaultExport', () => {
  it('reads a generated aws-exports.js', () => {
    const text = [
      '/* eslint-disable */',
      '// WARNING: DO NOT EDIT.',
      '',
      'const awsmobile = {',
      '    "aws_project_region": "us-east-1",',
      '    "oauth": {},',
      '    "list": [1, -2.5e3, true, null]',
      '};',
      '',
      '',
      'export default awsmobile;',
      '',
    ].join('\n');
    expect(readLiteralModuleDefaultExport(text)).toEqual({ aws_project_region: 'us-east-1', oauth: {}, list: [1, -2500, true, null] });
  });

  it('reads hand-written JavaScript syntax: bare and single-quoted keys, comments, trailing commas, escapes', () => {
    const text = `
      // my settings
      let config = {
        custom_key: 'it\\'s mine', /* inline */
        'other': "tab\\there \\u00e9 \\x41",
        nested: { deep: [ 'a', "b", ], },
        nothing: undefined,
        template: \`plain\`,
      };
      exports.default = config;
    `;
    expect(readLiteralModuleDefaultExport(text)).toEqual({
      custom_key: "it's mine",
      other: 'tab\there é A',
      nested: { deep: ['a', 'b'] },
      nothing: undefined,
      template: 'plain',
    });
  });

  it('accepts an object exported directly and module.exports', () => {
    expect(readLiteralModuleDefaultExport('export default { a: 1 };')).toEqual({ a: 1 });
    expect(readLiteralModuleDefaultExport('module.exports = { b: 2 }')).toEqual({ b: 2 });
  });

  it('keeps a "__proto__" key as data instead of changing the prototype', () => {
    const value = readLiteralModuleDefaultExport('export default { "__proto__": { polluted: true } };') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['code', 'const a = require("fs"); export default a;'],
    ['an identifier value', 'export default { a: process.env };'],
    ['a template substitution', 'export default { a: `${x}` };'],
    ['an unterminated object', 'const a = { "x": 1'],
    ['no default export', 'const a = {};'],
    ['an import', 'import x from "y"; export default x;'],
  ])('rejects %s with its position', (_label, text) => {
    expect(() => readLiteralModuleDefaultExport(text)).toThrow(ModuleParseError);
  });

  it('names line and column', () => {
    expect(() => readLiteralModuleDefaultExport('const a = {\n  b: oops\n};')).toThrow('expected a literal value at line 2, column 6');
  });
});
