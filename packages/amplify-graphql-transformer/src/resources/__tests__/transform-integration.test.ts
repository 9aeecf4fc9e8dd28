/**
 * Both halves together through `transform()`: every resolver the stacks create must attach to a field of the
 * printed schema, every template must pass the CloudFormation specification, every VTL file must parse.
 */
import { validateTemplate } from 'amplify-cloudformation-spec';
import { buildSchema, isObjectType } from 'graphql';
import { transform, type TransformInput } from '../..';

const { parse: parseVtl } = require('amplify-velocity-template/index.js') as { parse(template: string): unknown };

const BLOG_SCHEMA = `
type Blog @model @auth(rules: [{ allow: owner }, { allow: public, operations: [read] }]) {
  id: ID!
  name: String!
  posts: [Post] @hasMany
}
type Post @model @auth(rules: [{ allow: owner }, { allow: public, operations: [read] }]) {
  id: ID!
  title: String!
  rating: Int @default(value: "3")
  blog: Blog @belongsTo
  comments: [Comment] @hasMany(indexName: "byPost", fields: ["id"])
  tags: [Tag] @manyToMany(relationName: "PostTags")
}
type Comment @model @auth(rules: [{ allow: owner }, { allow: groups, groups: ["Admin"] }]) {
  id: ID!
  postID: ID! @index(name: "byPost", sortKeyFields: ["content"])
  content: String!
  secret: String @auth(rules: [{ allow: owner }])
}
type Tag @model @auth(rules: [{ allow: private }]) {
  id: ID!
  label: String!
  posts: [Post] @manyToMany(relationName: "PostTags")
}
type Store @model @auth(rules: [{ allow: public }]) {
  storeId: ID! @primaryKey(sortKeyFields: ["city"])
  city: String!
  name: String!
  category: String @index(name: "byCategory", sortKeyFields: ["name", "city"])
}
type Query {
  echo(msg: String): String @function(name: "echofn-\${env}")
  weather(city: String!): String @http(url: "https://api.example.com/weather/:city")
}
`;

const SANDBOX_SCHEMA = `
input AMPLIFY { globalAuthRule: AuthRule = { allow: public } }
type Todo @model {
  id: ID!
  name: String!
}
`;

const cases: Array<[string, TransformInput]> = [
  [
    'relations, keys, indexes and auth on user pools + API key',
    {
      sources: [{ path: 'schema.graphql', text: BLOG_SCHEMA }],
      authConfig: {
        defaultAuthentication: { authenticationType: 'AMAZON_COGNITO_USER_POOLS', userPoolConfig: {} },
        additionalAuthenticationProviders: [{ authenticationType: 'API_KEY', apiKeyConfig: { apiKeyExpirationDays: 7 } }],
      },
    },
  ],
  [
    'sandbox with DataStore',
    {
      sources: [{ path: 'schema.graphql', text: SANDBOX_SCHEMA }],
      authConfig: { defaultAuthentication: { authenticationType: 'API_KEY' }, additionalAuthenticationProviders: [] },
      transformConfig: { ResolverConfig: { project: { ConflictHandler: 'AUTOMERGE', ConflictDetection: 'VERSION' } } },
    },
  ],
];

describe.each(cases)('%s', (_, input) => {
  const output = transform({ ...input, now: new Date('2026-01-01T00:00:00Z') });
  const schema = buildSchema(
    `scalar AWSDateTime\nscalar AWSTimestamp\nscalar AWSJSON\ndirective @aws_subscribe(mutations: [String]) on FIELD_DEFINITION\n` +
      'directive @aws_api_key on OBJECT | FIELD_DEFINITION\ndirective @aws_iam on OBJECT | FIELD_DEFINITION\n' +
      'directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION\ndirective @aws_oidc on OBJECT | FIELD_DEFINITION\n' +
      'directive @aws_lambda on OBJECT | FIELD_DEFINITION\n' +
      output.schema,
  );
  const templates = { 'cloudformation-template': output.rootStack, ...output.stacks };

  it('attaches every resolver to a field of the printed schema', () => {
    const resolvers = Object.values(templates).flatMap((template) =>
      Object.values((template.Resources ?? {}) as Record<string, { Type: string; Properties: { TypeName: string; FieldName: string } }>).filter(
        (resource) => resource.Type === 'AWS::AppSync::Resolver',
      ),
    );
    expect(resolvers.length).toBeGreaterThanOrEqual(9);
    for (const { Properties } of resolvers) {
      const type = schema.getType(Properties.TypeName);
      expect([Properties.TypeName, isObjectType(type) && Properties.FieldName in type.getFields()]).toEqual([Properties.TypeName, true]);
    }
  });

  it('writes resolver templates the engine of the emulator parses', () => {
    const unparsable = Object.entries(output.resolvers).filter(([, text]) => {
      try {
        parseVtl(text);
        return false;
      } catch {
        return true;
      }
    });
    expect(unparsable.map(([file]) => file)).toEqual([]);
  });

  it.each(Object.keys(templates))('%s passes the CloudFormation specification', (name) => {
    expect(validateTemplate(templates[name as keyof typeof templates])).toEqual([]);
  });
});
