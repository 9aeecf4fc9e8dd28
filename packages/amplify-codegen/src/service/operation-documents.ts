import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { Kind } from 'graphql/language/kinds';
import { parse } from 'graphql/language/parser';
import { NoUnusedFragmentsRule } from 'graphql/validation/rules/NoUnusedFragmentsRule';
import { OverlappingFieldsCanBeMergedRule } from 'graphql/validation/rules/OverlappingFieldsCanBeMergedRule';
import { specifiedRules } from 'graphql/validation/specifiedRules';
import { validate } from 'graphql/validation/validate';
import { globParent } from './codegen-defaults';

export interface LoadedOperation {
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
}

const normalise = (pattern: string): string => pattern.replace(/^\.\//, '');

function walk(dir: string, root: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full, root, out);
    } else {
      out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  }
}

/** Files under the project matching any of `includes` and none of `excludes`, project-relative, sorted. */
export function findIncludedFiles(projectRoot: string, includes: string[], excludes: string[]): string[] {
  const { minimatch } = require('minimatch') as typeof import('minimatch');
  const candidates = new Set<string>();
  for (const include of includes.map(normalise)) {
    const found: string[] = [];
    walk(path.join(projectRoot, globParent(include)), projectRoot, found);
    found.filter((file) => minimatch(file, include, { dot: true })).forEach((file) => candidates.add(file));
  }
  const excluded = excludes.map(normalise);
  return [...candidates].filter((file) => !excluded.some((pattern) => minimatch(file, pattern, { dot: true }) || file === pattern)).sort();
}

/** The GraphQL documents of a file: all of a `.graphql` file, the `/* GraphQL *\/` and gql literals of a JS/TS one. */
export function extractDocuments(file: string, text: string): string[] {
  if (/\.(graphql|gql)$/.test(file)) return text.trim() === '' ? [] : [text];
  const documents: string[] = [];
  for (const match of text.matchAll(/(?:\/\*\s*GraphQL\s*\*\/|\bgql)\s*`([^`]*)`/g)) documents.push(match[1]);
  return documents;
}

/**
 * Every operation in the included files, checked against the schema; a document that does not validate is an error.
 * `generated` files were just written by codegen from this schema, so their check is skipped.
 */
export function loadOperations(projectRoot: string, files: string[], schema: GraphQLSchema, generated: ReadonlySet<string> = new Set()): LoadedOperation[] {
  const documents: Array<{ file: string; document: DocumentNode }> = [];
  for (const file of files) {
    // Locations only serve to name the file of a validation error, and cost a fifth of the parse.
    const noLocation = generated.has(file);
    for (const source of extractDocuments(file, fs.readFileSync(path.join(projectRoot, file), 'utf8'))) {
      let document: DocumentNode;
      try {
        document = parse(source, { noLocation });
      } catch (cause) {
        throw new AmplifyError('InvalidGraphQLDocument', `${file}: ${(cause as Error).message}`, { resolution: 'Fix the document, or run "amplify codegen statements" to generate it again', cause });
      }
      documents.push({ file, document });
    }
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of documents) {
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operationsOf = (document: DocumentNode): OperationDefinitionNode[] =>
    document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operations = documents.flatMap(({ document }) => operationsOf(document));
  const toCheck = documents.filter(({ file }) => !generated.has(file)).flatMap(({ document }) => operationsOf(document));
  // One validation of all documents together (fragments may live in other files). Two rules are left out: unused
  // fragments are harmless, and the field-merging check costs more than all the others on a large API while a
  // conflicting selection only narrows the generated type to the first field of that name.
  const errors = validate(
    schema,
    { kind: Kind.DOCUMENT, definitions: [...toCheck, ...fragments.values()] },
    specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule && rule !== OverlappingFieldsCanBeMergedRule),
  );
  if (errors.length > 0) {
    const source = errors[0].nodes?.[0]?.loc?.source;
    const file = documents.find(({ document }) => document.loc?.source === source)?.file ?? 'a GraphQL document';
    throw new AmplifyError('InvalidGraphQLDocument', `${file}: ${errors[0].message}`, {
      resolution: 'The document does not match the API schema: fix it, or run "amplify codegen statements" to generate it again',
    });
  }
  return operations.map((operation) => ({ operation, fragments }));
}
