/** Fields outside `@model` CRUD that need resolvers or auth: `@function`, `@http`, and `@auth` on fields of non-model types. */
import type { DirectiveNode, FieldDefinitionNode, ObjectTypeDefinitionNode } from 'graphql';
import type { AuthProvider, CustomField, HttpDirective } from '../model/api-model';
import type { TransformerFeatureFlags } from '../transform-types';
import { TransformError } from '../transform-types';
import { readAuthRules } from './auth-rules';
import { upperFirst } from './names';
import { nodeLocation } from './parse-schema';
import { directiveArgs, findDirective, findDirectives, typeRef } from './schema-index';
import type { SchemaIndex } from './schema-index';

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export const ROOT_FIELD_AUTH_WARNING =
  'Be careful when using @auth directives on a field in a root type. @auth directives on field definitions use the source object to perform authorization logic and the source will be an empty object for fields on root types. Static group authorization should perform as expected.';

export interface CustomFieldContext {
  schema: SchemaIndex;
  configuredProviders: AuthProvider[];
  flags: TransformerFeatureFlags;
}

/** The input type names an `@http` field's arguments are regrouped into. */
export const httpInputNames = (typeName: string, fieldName: string): { params: string; query: string; body: string } => {
  const prefix = `${upperFirst(typeName)}${upperFirst(fieldName)}`;
  return { params: `${prefix}ParamsInput`, query: `${prefix}QueryInput`, body: `${prefix}BodyInput` };
};

export function readCustomFields(context: CustomFieldContext): { fields: CustomField[]; rootFieldAuth: boolean } {
  const fields: CustomField[] = [];
  let rootFieldAuth = false;
  for (const type of context.schema.objects) {
    // Model fields can be resolved by @function/@http too; their @auth stays with the model.
    const isModel = context.schema.modelNames.has(type.name.value);
    for (const field of type.fields ?? []) {
      const custom = readCustomField(type, field, context, isModel);
      if (!custom) continue;
      if (custom.auth && ROOT_TYPES.has(type.name.value)) rootFieldAuth = true;
      fields.push(custom);
    }
  }
  return { fields, rootFieldAuth };
}

function readCustomField(
  type: ObjectTypeDefinitionNode,
  field: FieldDefinitionNode,
  context: CustomFieldContext,
  isModel: boolean,
): CustomField | undefined {
  const functions = findDirectives(field, 'function').map((directive) => {
    const args = directiveArgs(directive) as { name: string; region?: string; accountId?: string };
    return { name: args.name, ...(args.region ? { region: args.region } : {}), ...(args.accountId ? { accountId: args.accountId } : {}) };
  });
  const httpDirective = findDirective(field, 'http');
  const authDirective = isModel ? undefined : findDirective(field, 'auth');
  if (functions.length === 0 && !httpDirective && !authDirective) return undefined;
  const custom: CustomField = { typeName: type.name.value, fieldName: field.name.value, functions };
  if (httpDirective) custom.http = readHttp(httpDirective, field);
  if (authDirective) {
    if (ROOT_TYPES.has(type.name.value) && hasOperations(authDirective)) {
      throw new TransformError(
        "@auth rules on fields within Query, Mutation, Subscription cannot specify 'operations' argument as these rules are already on an operation already.",
        nodeLocation(authDirective),
      );
    }
    custom.auth = readAuthRules(authDirective, {
      configuredProviders: context.configuredProviders,
      flags: context.flags,
      isField: true,
      fieldType: (name) => {
        const target = type.fields?.find((candidate) => candidate.name.value === name);
        return target ? typeRef(target.type) : undefined;
      },
    });
  }
  return custom;
}

const hasOperations = (directive: DirectiveNode): boolean =>
  ((directiveArgs(directive).rules ?? []) as Array<{ operations?: unknown }>).some((rule) => rule.operations !== undefined);

function readHttp(directive: DirectiveNode, field: FieldDefinitionNode): HttpDirective {
  const args = directiveArgs(directive) as { method?: HttpDirective['method']; url: string; headers?: Array<{ key: string; value: string }> };
  if (!/^https?:\/\//.test(args.url)) {
    throw new TransformError(
      `@http directive at location ${directive.loc?.start ?? 0} requires a url parameter that begins with http:// or https://.`,
      nodeLocation(directive),
    );
  }
  const method = args.method ?? 'GET';
  const path = args.url.replace(/^https?:\/\/[^/]*/, '');
  const pathParams = [...path.matchAll(/:([A-Za-z_]\w*)/g)].map((match) => match[1]);
  const fieldArgs = field.arguments ?? [];
  const remaining = fieldArgs.filter((arg) => !pathParams.includes(arg.name.value));
  return {
    method,
    url: args.url,
    headers: (args.headers ?? []).map((header) => ({ key: header.key, value: header.value })),
    pathParams,
    hasQuery: remaining.length > 0,
    hasBody: remaining.length > 0 && BODY_METHODS.has(method),
    requiredArgs: remaining.filter((arg) => typeRef(arg.type).nonNull).map((arg) => arg.name.value),
  };
}
