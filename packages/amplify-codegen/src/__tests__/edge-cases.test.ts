import * as fs from 'fs';
import * as path from 'path';
import { parse, validate } from 'graphql';
import * as ts from 'typescript';
import { cleanupTempDirs, makeTempDir } from 'amplify-test-support';
import { buildAppSyncSchema } from '../service/appsync-schema';
import { renderStatementFile, STATEMENT_FILE_KINDS, type StatementLanguage } from '../service/statement-files';
import { generateOperations } from '../service/statements';
import { collectTypeShapes } from '../service/type-shapes';
import { renderFlowTypes, renderTypeScriptTypes } from '../service/types-writers';
import { fixtureText } from './helpers';
import { strictDiagnostics } from './typescript-compile';

afterAll(() => cleanupTempDirs());

/**
 * A schema beyond what @model generates: interfaces and unions, reserved words as root fields, enum values and
 * field names, non-null lists, nested non-model types, a default argument value, an operation without arguments.
 */
const schema = buildAppSyncSchema(fixtureText('edge.compiled.graphql'));
const operations = generateOperations(schema, { maxDepth: 3, typenameIntrospection: true });
const all = [...operations.queries, ...operations.mutations, ...operations.subscriptions];

function syntaxErrors(fileName: string, text: string): string[] {
  const output = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, allowJs: true } });
  return (output.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('edge cases', () => {
  test('interfaces and unions are selected with inline fragments, and everything validates', () => {
    const search = all.find((op) => op.fieldName === 'search')?.document ?? '';
    expect(search).toContain('    ... on Class {\n      id\n      function\n      new\n');
    expect(search).toContain('    ... on Student {\n      id\n      name\n      grades\n      address {\n        street\n        geo {');
    const node = all.find((op) => op.fieldName === 'node')?.document ?? '';
    expect(node).toMatch(/node\(id: \$id\) \{\n {4}id\n {4}\.\.\. on Class \{[\s\S]*\n {4}\}\n {4}\.\.\. on Student \{[\s\S]*\n {4}__typename\n {2}\}\n\}$/);
    expect(all.flatMap((op) => validate(schema, parse(op.document)).map((error) => `${op.fieldName}: ${error.message}`))).toEqual([]);
  });

  test('root fields named with reserved words are exported under their names through an export clause', () => {
    for (const language of ['javascript', 'flow', 'typescript'] as StatementLanguage[]) {
      const queries = renderStatementFile(language, 'queries', operations.queries);
      expect(queries).toContain('const _delete = /* GraphQL */ `');
      expect(queries).toContain('export { _delete as delete };');
      expect(queries).toContain('export { _class as class };');
      expect(syntaxErrors(language === 'typescript' ? 'queries.ts' : 'queries.js', queries)).toEqual([]);
    }
    expect(renderStatementFile('javascript', 'mutations', operations.mutations)).toContain('export { _new as new };');
  });

  test('an operation without arguments has no variable list', () => {
    expect(all.find((op) => op.fieldName === 'echo')?.document).toBe('query Echo {\n  echo\n}');
    expect(all.find((op) => op.fieldName === 'onEnroll')?.document.split('\n')[0]).toBe('subscription OnEnroll {');
  });

  test('API.ts of these statements compiles with --strict; unions become unions of object types', () => {
    const root = makeTempDir('codegen-edge-');
    const shapes = collectTypeShapes(
      schema,
      all.map((op) => ({ operation: parse(op.document).definitions[0] as import('graphql').OperationDefinitionNode, fragments: new Map() })),
    );
    const api = renderTypeScriptTypes(shapes);
    expect(api).toContain('export enum Level {\n  BEGINNER = "BEGINNER",\n  ADVANCED = "ADVANCED",\n  delete = "delete",\n}');
    expect(api).toContain('export type SearchResult = Class | Student;');
    expect(api).toContain(`export type EnrollInput = {
  classId: string,
  studentIds: Array< string >,
  level?: Level | null,
  address?: AddressInput | null,
};`);
    fs.mkdirSync(path.join(root, 'src', 'graphql'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'API.ts'), api);
    for (const kind of STATEMENT_FILE_KINDS) fs.writeFileSync(path.join(root, 'src', 'graphql', `${kind}.ts`), renderStatementFile('typescript', kind, operations[kind]));
    fs.writeFileSync(
      path.join(root, 'src', 'use.ts'),
      `import { SearchQuery, NodeQuery, Level } from './API';
import { delete as deleteClass } from './graphql/queries';
declare const found: SearchQuery;
const first = found.search?.[0];
const label: string | null | undefined = first?.__typename === 'Class' ? first.function : first?.name;
declare const node: NodeQuery;
const id: string | undefined = node.node?.id;
const level: Level = Level.delete;
const statement: string = deleteClass;
export { label, id, level, statement };
`,
    );
    const files = ['API.ts', 'use.ts', ...STATEMENT_FILE_KINDS.map((kind) => `graphql/${kind}.ts`)].map((file) => path.join(root, 'src', file));
    expect(strictDiagnostics(root, files)).toEqual([]);
    expect(renderFlowTypes(shapes)).toContain('export type Level =\n  "BEGINNER" |\n  "ADVANCED" |\n  "delete";');
  }, 60_000);
});
