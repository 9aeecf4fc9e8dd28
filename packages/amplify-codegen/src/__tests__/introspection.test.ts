import { introspectionFromSchema } from 'graphql';
import { buildAppSyncSchema, introspectionText, schemaFromText } from '../service/appsync-schema';
import { introspect } from '../service/introspection';
import { fixtureSchema, type FixtureName } from './helpers';
import { thrownAmplifyError } from 'amplify-test-support';

const CLASSIC = { specifiedByUrl: false, directiveIsRepeatable: false, schemaDescription: false, inputValueDeprecation: false, experimentalDirectiveDeprecation: false, oneOf: false };

describe('schema.json', () => {
  test.each(['todo', 'blog'] as FixtureName[])('%s: the walk gives exactly what executing the introspection query gives', (fixture) => {
    const schema = fixtureSchema(fixture);
    expect(introspect(schema)).toEqual(introspectionFromSchema(schema, CLASSIC));
  });

  test('defaults, deprecations, interfaces and unions come out as graphql-js reports them', () => {
    const schema = buildAppSyncSchema(`
      interface Node { id: ID! }
      type A implements Node { id: ID! old: String @deprecated(reason: "gone") }
      type B implements Node { id: ID! }
      union AB = A | B
      enum Size { S M @deprecated }
      input Filter { size: Size = M limit: Int = 10 tags: [String] = ["x"] }
      type Query { search(filter: Filter, first: Int = 5): [AB] node(id: ID!): Node }
    `);
    expect(introspect(schema)).toEqual(introspectionFromSchema(schema, CLASSIC));
  });

  test('is the AppSync body: {"data": {"__schema": ...}} with the AWS scalars and directives, and reads back', () => {
    const text = introspectionText(fixtureSchema('todo'));
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed.data.__schema)).toEqual(['queryType', 'mutationType', 'subscriptionType', 'types', 'directives']);
    const names = parsed.data.__schema.types.map((type: { name: string }) => type.name);
    expect(names.slice(0, 9)).toEqual(['AWSDate', 'AWSTime', 'AWSDateTime', 'AWSTimestamp', 'AWSEmail', 'AWSJSON', 'AWSURL', 'AWSPhone', 'AWSIPAddress']);
    expect(parsed.data.__schema.directives.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['aws_subscribe', 'aws_api_key', 'aws_iam', 'aws_cognito_user_pools', 'aws_oidc', 'aws_lambda']));
    expect(Object.keys(schemaFromText(text, 'schema.json').getQueryType()?.getFields() ?? {})).toEqual(['getTodo', 'listTodos']);
  });

  test('a schema that does not parse or does not validate is an error pointing at the compile', () => {
    expect(thrownAmplifyError(() => buildAppSyncSchema('type Query {', 'build/schema.graphql')).message).toMatch(/^build\/schema\.graphql is not valid GraphQL: Syntax Error/);
    expect(thrownAmplifyError(() => buildAppSyncSchema('type Query { a: Nope }', 'build/schema.graphql')).message).toContain('Unknown type: "Nope"');
    expect(thrownAmplifyError(() => buildAppSyncSchema('type Foo { a: String }', 'build/schema.graphql')).message).toContain('Query root type must be provided');
    expect(thrownAmplifyError(() => schemaFromText('{"x":1}', 'schema.json')).message).toContain('not a GraphQL introspection result');
  });
});
