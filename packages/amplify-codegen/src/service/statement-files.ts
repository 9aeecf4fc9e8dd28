import type { GeneratedOperation, GeneratedOperations, OperationType } from './statements';

/** Languages statement files are written in; every other codegen target (angular, swift, android) gets `graphql`. */
export type StatementLanguage = 'javascript' | 'typescript' | 'flow' | 'graphql';

export type StatementFileKind = keyof GeneratedOperations;

export const STATEMENT_FILE_KINDS: readonly StatementFileKind[] = ['queries', 'mutations', 'subscriptions'];

const AUTO_GENERATED = 'this is an auto generated file. This will be overwritten';

const HELPER_TYPE: Record<OperationType, string> = { query: 'GeneratedQuery', mutation: 'GeneratedMutation', subscription: 'GeneratedSubscription' };
const TYPE_SUFFIX: Record<OperationType, string> = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };
const OPERATION_OF_KIND: Record<StatementFileKind, OperationType> = { queries: 'query', mutations: 'mutation', subscriptions: 'subscription' };

export function statementLanguageOf(codeGenTarget: string): StatementLanguage {
  return codeGenTarget === 'javascript' || codeGenTarget === 'typescript' || codeGenTarget === 'flow' ? codeGenTarget : 'graphql';
}

export function statementExtension(language: StatementLanguage): string {
  return language === 'typescript' ? 'ts' : language === 'graphql' ? 'graphql' : 'js';
}

/** Words a `const` cannot be named; a root field named so is exported under its name through an export clause. */
const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await arguments eval'
  ).split(' '),
);

/** `export const name = <value>;`, or for a reserved word `const _name = <value>;` + `export { _name as name };`. */
function exportConst(name: string, value: string): string {
  return RESERVED_WORDS.has(name) ? `const _${name} = ${value};\nexport { _${name} as ${name} };` : `export const ${name} = ${value};`;
}

function indented(document: string): string {
  return document
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** `` ` as GeneratedQuery<A, B> `` (the `;` follows) on one line when it fits in 80 columns, else one type argument a line. */
function typedClosing(operation: GeneratedOperation): string {
  const helper = HELPER_TYPE[operation.type];
  const suffix = TYPE_SUFFIX[operation.type];
  const args = [`APITypes.${operation.operationName}${suffix}Variables`, `APITypes.${operation.operationName}${suffix}`];
  const flat = `\` as ${helper}<${args.join(', ')}>`;
  return flat.length + 1 <= 80 ? flat : [`\` as ${helper}<`, ...args.map((arg, i) => `  ${arg}${i < args.length - 1 ? ',' : ''}`), '>'].join('\n');
}

export interface StatementFileOptions {
  /** TypeScript: the module the operation types come from, relative to the statements folder (`../API`). */
  typesModule?: string;
}

/** The text of `queries`/`mutations`/`subscriptions` in `language`, with the original's headers and layout. */
export function renderStatementFile(language: StatementLanguage, kind: StatementFileKind, operations: GeneratedOperation[], options: StatementFileOptions = {}): string {
  switch (language) {
    case 'javascript':
    case 'flow': {
      const header = language === 'flow' ? ['// @flow', `// ${AUTO_GENERATED}`] : ['/* eslint-disable */', `// ${AUTO_GENERATED}`];
      const body = operations.map((operation) => exportConst(operation.fieldName, `/* GraphQL */ \`\n${indented(operation.document)}\n\``));
      return [...header, '', ...body].join('\n') + '\n';
    }
    case 'typescript': {
      const helper = HELPER_TYPE[OPERATION_OF_KIND[kind]];
      const header = [
        '/* tslint:disable */',
        '/* eslint-disable */',
        `// ${AUTO_GENERATED}`,
        '',
        `import * as APITypes from "${options.typesModule ?? '../API'}";`,
        `type ${helper}<InputType, OutputType> = string & {`,
        `  __${helper.charAt(0).toLowerCase()}${helper.slice(1)}Input: InputType;`,
        `  __${helper.charAt(0).toLowerCase()}${helper.slice(1)}Output: OutputType;`,
        '};',
      ];
      const body = operations.map((operation) => exportConst(operation.fieldName, `/* GraphQL */ \`${operation.document}\n${typedClosing(operation)}`));
      return [...header, '', ...body].join('\n') + '\n';
    }
    case 'graphql':
      return [`# ${AUTO_GENERATED}`, '', operations.map((operation) => operation.document).join('\n\n')].join('\n') + '\n';
  }
}
