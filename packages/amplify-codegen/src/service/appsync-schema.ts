import { AmplifyError } from 'amplify-cli-core';
import { introspect } from './introspection';
// graphql is imported module by module here and in the other services: its index also loads the executor and
// subscriptions, a fifth of its load time, which codegen never uses.
import type { DefinitionNode, DocumentNode, GraphQLSchema, IntrospectionQuery } from 'graphql';
import { Kind } from 'graphql/language/kinds';
import { parse } from 'graphql/language/parser';
import { validateSchema } from 'graphql/type/validate';
import { buildASTSchema } from 'graphql/utilities/buildASTSchema';
import { buildClientSchema } from 'graphql/utilities/buildClientSchema';

/**
 * What AppSync declares before every API's schema: its scalars and its directives. The compiled schema uses them
 * without defining them, so graphql-js needs them to build it.
 */
const APPSYNC_PRELUDE = `
scalar AWSDate
scalar AWSTime
scalar AWSDateTime
scalar AWSTimestamp
scalar AWSEmail
scalar AWSJSON
scalar AWSURL
scalar AWSPhone
scalar AWSIPAddress
directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
directive @aws_api_key on FIELD_DEFINITION | OBJECT
directive @aws_iam on FIELD_DEFINITION | OBJECT
directive @aws_cognito_user_pools(cognito_groups: [String]) on FIELD_DEFINITION | OBJECT
directive @aws_oidc on FIELD_DEFINITION | OBJECT
directive @aws_lambda on FIELD_DEFINITION | OBJECT
directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION
`;

function definitionName(definition: DefinitionNode): string | undefined {
  return 'name' in definition && definition.name ? definition.name.value : undefined;
}

/**
 * The schema AppSync serves for a compiled `schema.graphql`: the prelude's scalars and directives first (those the
 * file defines itself are taken from the file), then the file's definitions.
 */
export function buildAppSyncSchema(sdl: string, source = 'schema.graphql'): GraphQLSchema {
  let document: DocumentNode;
  try {
    document = parse(sdl, { noLocation: true });
  } catch (cause) {
    throw new AmplifyError('InvalidGraphQLSchema', `${source} is not valid GraphQL: ${(cause as Error).message}`, {
      resolution: 'Run "amplify api gql-compile" to compile the API schema again',
      cause,
    });
  }
  const defined = new Set(document.definitions.map(definitionName).filter((name): name is string => name !== undefined));
  const prelude = parse(APPSYNC_PRELUDE).definitions.filter((definition) => !defined.has(definitionName(definition) ?? ''));
  const invalid = (cause: unknown): AmplifyError =>
    new AmplifyError('InvalidGraphQLSchema', `${source} is not a valid schema: ${(cause as Error).message}`, {
      resolution: 'Run "amplify api gql-compile" to compile the API schema again',
      cause,
    });
  let schema: GraphQLSchema;
  try {
    // The compiled schema is the transformer's output: the SDL rules are skipped (a third of the build time on a
    // large API); the schema's own validation below still catches a broken one.
    schema = buildASTSchema({ kind: Kind.DOCUMENT, definitions: [...prelude, ...document.definitions] }, { assumeValidSDL: true });
  } catch (cause) {
    throw invalid(cause);
  }
  const errors = validateSchema(schema);
  if (errors.length > 0) throw invalid(errors[0]);
  return schema;
}

/** `schema.json` as AppSync's GetIntrospectionSchema returns it: `{"data": {"__schema": ...}}`. */
export function introspectionDocument(schema: GraphQLSchema): { data: IntrospectionQuery } {
  return { data: introspect(schema) };
}

/**
 * `schema.json`'s text: compact JSON in AppSync's `{"data": ...}` body, as GetIntrospectionSchema returns it; for
 * Android the original writes the introspection itself, 4-space indented, without the wrapper.
 */
export function introspectionText(schema: GraphQLSchema, layout: 'appsync' | 'android' = 'appsync'): string {
  return layout === 'android' ? `${JSON.stringify(introspect(schema), null, 4)}\n` : `${JSON.stringify(introspectionDocument(schema))}\n`;
}

export function introspectionLayoutOf(codeGenTarget: string): 'appsync' | 'android' {
  return codeGenTarget === 'android' ? 'android' : 'appsync';
}

/** Reads a schema file: an introspection result (`.json`, with or without the `data` wrapper) or SDL. */
export function schemaFromText(text: string, source: string): GraphQLSchema {
  if (!source.endsWith('.json')) {
    return buildAppSyncSchema(text, source);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new AmplifyError('InvalidGraphQLSchema', `${source} is not valid JSON`, {
      resolution: 'Delete the file and run "amplify codegen" to generate it again',
      cause,
    });
  }
  const body = (parsed as { data?: unknown }).data ?? parsed;
  if (typeof body !== 'object' || body === null || !('__schema' in body)) {
    throw new AmplifyError('InvalidGraphQLSchema', `${source} is not a GraphQL introspection result (no __schema)`, {
      resolution: 'Delete the file and run "amplify codegen" to generate it again',
    });
  }
  return buildClientSchema(body as IntrospectionQuery);
}
