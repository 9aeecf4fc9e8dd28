import type { GraphQLArgument, GraphQLInputField, GraphQLNamedType, GraphQLSchema, GraphQLType, IntrospectionQuery } from 'graphql';
import { print } from 'graphql/language/printer';
import { isAbstractType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isScalarType, isUnionType } from 'graphql/type/definition';
import { astFromValue } from 'graphql/utilities/astFromValue';

/**
 * The result of the classic introspection query (descriptions, no specifiedByURL/isRepeatable/schema description, as
 * AppSync answers it), built by walking the schema. graphql-js's `introspectionFromSchema` gives the same object by
 * executing the query, which costs ~70 ms on a 30-model API; a unit test keeps the two equal.
 */

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };

function kindOf(type: GraphQLType): string {
  if (isNonNullType(type)) return 'NON_NULL';
  if (isListType(type)) return 'LIST';
  if (isScalarType(type)) return 'SCALAR';
  if (isObjectType(type)) return 'OBJECT';
  if (isInterfaceType(type)) return 'INTERFACE';
  if (isUnionType(type)) return 'UNION';
  if (isEnumType(type)) return 'ENUM';
  return 'INPUT_OBJECT';
}

function typeRef(type: GraphQLType): TypeRef {
  if (isNonNullType(type) || isListType(type)) return { kind: kindOf(type), name: null, ofType: typeRef(type.ofType) };
  return { kind: kindOf(type), name: type.name, ofType: null };
}

function inputValue(value: GraphQLArgument | GraphQLInputField) {
  const ast = astFromValue(value.defaultValue, value.type);
  return { name: value.name, description: value.description ?? null, type: typeRef(value.type), defaultValue: ast ? print(ast) : null };
}

const notDeprecated = (value: { deprecationReason?: string | null }): boolean => value.deprecationReason === null || value.deprecationReason === undefined;

function fullType(schema: GraphQLSchema, type: GraphQLNamedType) {
  const hasFields = isObjectType(type) || isInterfaceType(type);
  return {
    kind: kindOf(type),
    name: type.name,
    description: type.description ?? null,
    fields: hasFields
      ? Object.values(type.getFields()).map((field) => ({
          name: field.name,
          description: field.description ?? null,
          args: field.args.filter(notDeprecated).map(inputValue),
          type: typeRef(field.type),
          isDeprecated: !notDeprecated(field),
          deprecationReason: field.deprecationReason ?? null,
        }))
      : null,
    inputFields: isInputObjectType(type) ? Object.values(type.getFields()).filter(notDeprecated).map(inputValue) : null,
    interfaces: hasFields ? type.getInterfaces().map(typeRef) : null,
    enumValues: isEnumType(type)
      ? type.getValues().map((value) => ({ name: value.name, description: value.description ?? null, isDeprecated: !notDeprecated(value), deprecationReason: value.deprecationReason ?? null }))
      : null,
    possibleTypes: isAbstractType(type) ? schema.getPossibleTypes(type).map(typeRef) : null,
  };
}

export function introspect(schema: GraphQLSchema): IntrospectionQuery {
  const root = (type: GraphQLNamedType | null | undefined) => (type ? { name: type.name, kind: kindOf(type) } : null);
  return {
    __schema: {
      queryType: root(schema.getQueryType()),
      mutationType: root(schema.getMutationType()),
      subscriptionType: root(schema.getSubscriptionType()),
      types: Object.values(schema.getTypeMap()).map((type) => fullType(schema, type)),
      directives: schema.getDirectives().map((directive) => ({
        name: directive.name,
        description: directive.description ?? null,
        locations: [...directive.locations],
        args: directive.args.filter(notDeprecated).map(inputValue),
      })),
    },
  } as unknown as IntrospectionQuery;
}
