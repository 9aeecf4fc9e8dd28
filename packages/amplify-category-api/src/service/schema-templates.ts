/** The schema templates of `amplify add api` (GraphQL, transformer v2), reference §2.1 step 5. */

export type SchemaTemplateId = 'single-object' | 'one-to-many' | 'fine-grained' | 'blank';

export interface SchemaTemplate {
  id: SchemaTemplateId;
  label: string;
  /** Only offered when Cognito user pools is one of the API's auth modes. */
  needsUserPools: boolean;
  text: string;
}

/** The sandbox header v2 puts above every template: public access to every model until the user writes rules. */
export const SANDBOX_HEADER = [
  '# This "input" configures a global authorization rule to enable public access to',
  '# all models in this schema. Learn more about authorization rules here: https://docs.amplify.aws/cli/graphql/authorization-rules',
  'input AMPLIFY { globalAuthRule: AuthRule = { allow: public } } # FOR TESTING ONLY!',
  '',
].join('\n');

export const SCHEMA_TEMPLATES: readonly SchemaTemplate[] = [
  {
    id: 'single-object',
    label: 'Single object with fields (e.g., “Todo” with ID, name, description)',
    needsUserPools: false,
    text: 'type Todo @model {\n  id: ID!\n  name: String!\n  description: String\n}\n',
  },
  {
    id: 'one-to-many',
    label: 'One-to-many relationship (e.g., “Blogs” with “Posts” and “Comments”)',
    needsUserPools: false,
    text: [
      'type Blog @model {',
      '  id: ID!',
      '  name: String!',
      '  posts: [Post] @hasMany',
      '}',
      '',
      'type Post @model {',
      '  id: ID!',
      '  title: String!',
      '  blog: Blog @belongsTo',
      '  comments: [Comment] @hasMany',
      '}',
      '',
      'type Comment @model {',
      '  id: ID!',
      '  post: Post @belongsTo',
      '  content: String!',
      '}',
      '',
    ].join('\n'),
  },
  {
    id: 'fine-grained',
    label: 'Objects with fine-grained access control (e.g., a project management app with owner-based authorization)',
    needsUserPools: true,
    text: [
      'type Task',
      '  @model',
      '  @auth(rules: [',
      '    { allow: groups, groups: ["Managers"], operations: [create, update, delete, read] }',
      '    { allow: groups, groups: ["Employees"], operations: [read] }',
      '  ]) {',
      '  id: ID!',
      '  title: String!',
      '  description: String',
      '  status: String',
      '}',
      '',
      'type PrivateNote @model @auth(rules: [{ allow: owner }]) {',
      '  id: ID!',
      '  content: String!',
      '}',
      '',
    ].join('\n'),
  },
  { id: 'blank', label: 'Blank Schema', needsUserPools: false, text: '' },
];

/** The schema text written for a template: the sandbox header, then the template. */
export function schemaFromTemplate(id: SchemaTemplateId): string {
  const template = SCHEMA_TEMPLATES.find((t) => t.id === id)!;
  return `${SANDBOX_HEADER}\n${template.text}`;
}
