import { buildSchema, GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema, type ValueNode } from 'graphql';

/** What AppSync defines around every schema: its scalars and its directives. */
const PRELUDE = `
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
directive @aws_oidc on FIELD_DEFINITION | OBJECT
directive @aws_lambda on FIELD_DEFINITION | OBJECT
directive @aws_cognito_user_pools(cognito_groups: [String]) on FIELD_DEFINITION | OBJECT
directive @aws_auth(cognito_groups: [String]) on FIELD_DEFINITION
directive @aws_publish(subscriptions: [String]) on FIELD_DEFINITION
`;

const PRELUDE_LINE_NAME = /^\s*(?:scalar\s+|directive\s+@)(\w+)/;

/** The prelude without what the schema defines itself (some schemas declare `scalar AWSDateTime`). */
export function preludeFor(schema: string): string {
  const defined = new Set<string>();
  for (const match of schema.matchAll(/\b(?:scalar|directive\s+@)\s*(\w+)/g)) defined.add(match[1]);
  return PRELUDE.split('\n')
    .filter((line) => {
      const name = PRELUDE_LINE_NAME.exec(line)?.[1];
      return name === undefined || !defined.has(name);
    })
    .join('\n');
}

function stringScalar(name: string, valid: (value: string) => boolean, description: string): GraphQLScalarType {
  const check = (value: unknown) => {
    if (typeof value !== 'string' || !valid(value)) throw new GraphQLError(`Variable has an invalid value: '${String(value)}' is not a valid ${name} (${description}).`);
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => value,
    parseValue: check,
    parseLiteral: (node: ValueNode) => {
      if (node.kind !== Kind.STRING) throw new GraphQLError(`Can't serialize value: ${name} takes a string (${description}).`);
      return check(node.value);
    },
  });
}

const DATE = /^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2}(:\d{2})?)?$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{3,}$/;
const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+)(\/\d{1,3})?$/;

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value)]));
    default:
      return undefined;
  }
}

function parseJsonInput(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new GraphQLError(`Variable has an invalid value: '${value}' is not valid JSON (AWSJSON).`);
  }
}

/** AppSync's scalars: the string ones are checked on input; AWSJSON reaches resolvers parsed and leaves as text. */
export const APPSYNC_SCALARS: GraphQLScalarType[] = [
  stringScalar('AWSDate', (value) => DATE.test(value), 'YYYY-MM-DD'),
  stringScalar('AWSTime', (value) => TIME.test(value), 'hh:mm:ss.sss'),
  stringScalar('AWSDateTime', (value) => DATE_TIME.test(value), 'YYYY-MM-DDThh:mm:ss.sssZ'),
  stringScalar('AWSEmail', (value) => EMAIL.test(value), 'an email address'),
  stringScalar('AWSURL', (value) => /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(value), 'a URL with a scheme'),
  stringScalar('AWSPhone', (value) => PHONE.test(value), 'a phone number'),
  stringScalar('AWSIPAddress', (value) => IP.test(value), 'an IPv4 or IPv6 address'),
  new GraphQLScalarType({
    name: 'AWSTimestamp',
    serialize: (value) => value,
    parseValue: (value) => {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new GraphQLError(`Variable has an invalid value: AWSTimestamp takes whole seconds, not '${String(value)}'.`);
      return value;
    },
    parseLiteral: (node) => {
      if (node.kind !== Kind.INT) throw new GraphQLError('AWSTimestamp takes whole seconds.');
      return Number(node.value);
    },
  }),
  new GraphQLScalarType({
    name: 'AWSJSON',
    serialize: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
    parseValue: parseJsonInput,
    parseLiteral: (node) => (node.kind === Kind.STRING ? parseJsonInput(node.value) : literalValue(node)),
  }),
];

/** Gives the schema's AppSync scalars their behaviour (buildSchema leaves custom scalars as pass-through). */
export function installAppSyncScalars(schema: GraphQLSchema): void {
  for (const scalar of APPSYNC_SCALARS) {
    const target = schema.getType(scalar.name);
    if (target instanceof GraphQLScalarType) {
      target.serialize = scalar.serialize;
      target.parseValue = scalar.parseValue;
      target.parseLiteral = scalar.parseLiteral;
    }
  }
}

/**
 * The executable schema of an API: its definition with the prelude, AppSync's scalars installed. Throws the
 * reason AppSync gives when the definition is not valid.
 */
export function buildAppSyncSchema(definition: string): GraphQLSchema {
  let schema: GraphQLSchema;
  try {
    schema = buildSchema(`${preludeFor(definition)}\n${definition}`);
  } catch (error) {
    throw new Error(`Schema Creation Status is FAILED with details: ${error instanceof Error ? error.message : String(error)}`);
  }
  installAppSyncScalars(schema);
  return schema;
}
