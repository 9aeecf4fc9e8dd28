/**
 * Reads the schema sources into one validated document: each file is parsed on its own (so errors name the file
 * and line), the sandbox `input AMPLIFY` is taken out, and the rest is validated by graphql-js against the
 * transformer's directive definitions and AppSync's prelude.
 */
import { GraphQLError, Kind, parse, print, Source } from 'graphql';
import type { DefinitionNode, DocumentNode, InputObjectTypeDefinitionNode } from 'graphql';
import { validateSDL } from 'graphql/validation/validate';
import {
  APPSYNC_PRELUDE_SDL,
  TRANSFORMER_DIRECTIVES_SDL,
  TRANSFORMER_MIGRATION_URL,
  V1_DIRECTIVE_REPLACEMENTS,
} from '../directives';
import { TransformError } from '../transform-types';
import type { SchemaSource } from '../transform-types';

const AUTH_RULES_URL = 'https://docs.amplify.aws/cli/graphql/authorization-rules';
const SANDBOX_ERROR = `There was a problem with your auth configuration. Learn more about auth here: ${AUTH_RULES_URL}`;

export interface ParsedSchema {
  /** The user's definitions, every file in order, `input AMPLIFY` removed. */
  document: DocumentNode;
  /** `input AMPLIFY { globalAuthRule: AuthRule = { allow: public } }` was present. */
  sandbox: boolean;
}

const preludeDefinitions = (): readonly DefinitionNode[] =>
  parse(new Source(`${TRANSFORMER_DIRECTIVES_SDL}\n${APPSYNC_PRELUDE_SDL}`, 'transformer-prelude')).definitions;

/** The position of a graphql-js error in the user's files. */
const errorLocation = (error: GraphQLError): TransformError['location'] => {
  const source = error.nodes?.[0]?.loc?.source ?? error.source;
  const position = error.locations?.[0];
  if (!source || !position || source.name === 'transformer-prelude') return undefined;
  return { path: source.name, line: position.line, column: position.column };
};

/** A location from an AST node, for errors the transformer raises itself. */
export const nodeLocation = (node: { loc?: { source: Source; start: number } } | undefined): TransformError['location'] => {
  if (!node?.loc) return undefined;
  const before = node.loc.source.body.slice(0, node.loc.start).split('\n');
  return { path: node.loc.source.name, line: before.length, column: before[before.length - 1].length + 1 };
};

export function parseSchema(sources: SchemaSource[]): ParsedSchema {
  const definitions: DefinitionNode[] = [];
  let sandbox = false;
  for (const file of sources) {
    let document: DocumentNode;
    try {
      document = parse(new Source(file.text, file.path));
    } catch (error) {
      if (error instanceof GraphQLError) throw new TransformError(error.message, errorLocation(error));
      throw error;
    }
    for (const definition of document.definitions) {
      if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && definition.name.value === 'AMPLIFY') {
        sandbox = readSandboxInput(definition) || sandbox;
      } else {
        definitions.push(definition);
      }
    }
  }
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions };
  rejectV1Directives(document);
  rejectExtensionDirectives(document);
  validate(document);
  return { document: mergeExtensions(document), sandbox };
}

function rejectExtensionDirectives(document: DocumentNode): void {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_EXTENSION && definition.kind !== Kind.INTERFACE_TYPE_EXTENSION) continue;
    const directive = definition.directives?.[0];
    if (directive) {
      throw new TransformError(
        `Directives are not supported on object or interface extensions. See the '@${directive.name.value}' directive on '${definition.name.value}'`,
        nodeLocation(directive),
      );
    }
  }
}

/** `extend type X { ... }` fields join their type, as the original reads them (validation has checked the type exists). */
function mergeExtensions(document: DocumentNode): DocumentNode {
  const extensions = document.definitions.filter((definition) => definition.kind === Kind.OBJECT_TYPE_EXTENSION);
  if (extensions.length === 0) return document;
  const definitions = document.definitions
    .filter((definition) => definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
    .map((definition) => {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return definition;
      const own = extensions.filter((extension) => extension.name.value === definition.name.value);
      if (own.length === 0) return definition;
      return {
        ...definition,
        interfaces: [...(definition.interfaces ?? []), ...own.flatMap((extension) => extension.interfaces ?? [])],
        fields: [...(definition.fields ?? []), ...own.flatMap((extension) => extension.fields ?? [])],
      };
    });
  return { kind: Kind.DOCUMENT, definitions };
}

/** `globalAuthRule` (or `global_auth_rule`) must be exactly `AuthRule = { allow: public }`; other fields are read elsewhere. */
function readSandboxInput(definition: InputObjectTypeDefinitionNode): boolean {
  const rule = definition.fields?.find((field) => field.name.value === 'globalAuthRule' || field.name.value === 'global_auth_rule');
  if (!rule) return false;
  const isPublicRule =
    rule.type.kind === Kind.NAMED_TYPE &&
    rule.type.name.value === 'AuthRule' &&
    rule.defaultValue !== undefined &&
    print(rule.defaultValue).replace(/\s+/g, '') === '{allow:public}';
  if (!isPublicRule) throw new TransformError(SANDBOX_ERROR, nodeLocation(rule));
  return true;
}

function rejectV1Directives(document: DocumentNode): void {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    const uses = [
      ...(definition.directives ?? []).map((directive) => ({ directive, where: typeName })),
      ...(definition.fields ?? []).flatMap((field) =>
        (field.directives ?? []).map((directive) => ({ directive, where: `${typeName}.${field.name.value}` })),
      ),
    ];
    const v1 = uses.find(({ directive }) => V1_DIRECTIVE_REPLACEMENTS[directive.name.value] !== undefined);
    if (v1) {
      const name = v1.directive.name.value;
      throw new TransformError(
        `@${name} on ${v1.where} is a GraphQL Transformer v1 directive; use ${V1_DIRECTIVE_REPLACEMENTS[name]} instead (see ${TRANSFORMER_MIGRATION_URL}).`,
        nodeLocation(v1.directive),
      );
    }
  }
}

function validate(document: DocumentNode): void {
  const withPrelude: DocumentNode = { kind: Kind.DOCUMENT, definitions: [...document.definitions, ...preludeDefinitions()] };
  const errors = validateSDL(withPrelude);
  if (errors.length > 0) {
    throw new TransformError(`Schema validation failed. ${errors.map((error) => error.message).join(' ')}`, errorLocation(errors[0]));
  }
}
