import { CloudFormationSpecError } from './errors';
import type { CollectionTag, Document, Node as YamlNode, ScalarTag } from 'yaml';
import { isPlainObject } from './intrinsic-function';

/** The YAML short forms of the intrinsic functions, `!Ref` and `!Condition` included. */
const SHORT_FORM_FUNCTIONS = [
  'Ref',
  'Condition',
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Length',
  'Select',
  'Split',
  'Sub',
  'ToJsonString',
  'Transform',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
];

let shortFormTags: Array<ScalarTag | CollectionTag> | undefined;

/**
 * Parses a CloudFormation template written in JSON or YAML. YAML short-form tags become their long form
 * (`!GetAtt Bucket.Arn` becomes `{ "Fn::GetAtt": ["Bucket", "Arn"] }`). A syntax error names the file and line.
 */
export function parseTemplate(text: string, fileName = 'template'): Record<string, unknown> {
  // Editors on Windows may save a byte order mark, which JSON.parse refuses.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = /^\s*\{/.test(source) ? parseJson(source, fileName) : parseYaml(source, fileName);
  if (!isPlainObject(parsed)) {
    throw new CloudFormationSpecError('TemplateParseError', `${fileName} is not a CloudFormation template: its top level is not an object.`, {
      resolution: `Write ${fileName} as a JSON or YAML object with a Resources section.`,
    });
  }
  return parsed;
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : undefined;
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    throw syntaxError(fileName, where, reason, error);
  }
}

function parseYaml(text: string, fileName: string): unknown {
  // Required here, not at the top, so that importing the library costs nothing for JSON-only callers.
  const yaml = require('yaml') as typeof import('yaml');
  const document = yaml.parseDocument(text, { customTags: getShortFormTags(), prettyErrors: false });
  const [firstError] = document.errors;
  if (firstError !== undefined) {
    const position = firstError.linePos?.[0] ?? lineAndColumn(text, firstError.pos[0]);
    throw syntaxError(fileName, position, firstError.message.split('\n')[0], firstError);
  }
  return toJavaScript(document.contents, document, yaml);
}

function syntaxError(fileName: string, where: { line: number; col: number } | undefined, reason: string, cause: unknown): CloudFormationSpecError {
  const location = where === undefined ? fileName : `${fileName}:${where.line}:${where.col}`;
  return new CloudFormationSpecError('TemplateParseError', `${location}: ${reason}`, {
    resolution: `Fix the syntax of ${fileName} at the place named.`,
    cause,
  });
}

function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

/**
 * Every short form may decorate a scalar, a sequence or a mapping (`!Base64 { Fn::Sub: ... }`), so each gets
 * three tags. They keep the node as it is; `toJavaScript` reads the tag and builds the long form.
 */
function getShortFormTags(): Array<ScalarTag | CollectionTag> {
  if (shortFormTags === undefined) {
    shortFormTags = SHORT_FORM_FUNCTIONS.flatMap((name): Array<ScalarTag | CollectionTag> => [
      { tag: `!${name}`, resolve: (value: string) => value },
      { tag: `!${name}`, collection: 'seq', resolve: (node) => node },
      { tag: `!${name}`, collection: 'map', resolve: (node) => node },
    ]);
  }
  return shortFormTags;
}

function toJavaScript(node: unknown, document: Document, yaml: typeof import('yaml')): unknown {
  if (node === null || node === undefined) return null;
  if (yaml.isAlias(node)) return toJavaScript(node.resolve(document), document, yaml);
  let value: unknown;
  if (yaml.isScalar(node)) {
    value = node.value;
  } else if (yaml.isSeq(node)) {
    value = node.items.map((item) => toJavaScript(item, document, yaml));
  } else if (yaml.isMap(node)) {
    const object: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = toJavaScript(pair.key, document, yaml);
      object[key === null ? '' : String(key)] = toJavaScript(pair.value, document, yaml);
    }
    value = object;
  } else {
    return null;
  }
  const tag = (node as YamlNode).tag;
  return tag !== undefined && tag.startsWith('!') && SHORT_FORM_FUNCTIONS.includes(tag.slice(1)) ? longForm(tag.slice(1), value) : value;
}

function longForm(name: string, value: unknown): Record<string, unknown> {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}
