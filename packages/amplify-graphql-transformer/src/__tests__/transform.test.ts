import { transform, TransformError } from '..';
import { schemaInput, USER_POOLS, API_KEY } from '../analysis/__tests__/helpers';

describe('transform (analysis, schema and resources together)', () => {
  test('a Blog/Post API compiles to the schema, one stack per model plus the relations stack, and resolver files', () => {
    const output = transform(
      schemaInput(
        `type Blog @model @auth(rules: [{ allow: public, operations: [read] }, { allow: owner }]) { id: ID! name: String! posts: [Post] @hasMany }
         type Post @model @auth(rules: [{ allow: owner }]) { id: ID! title: String! blog: Blog @belongsTo }`,
        { modes: [API_KEY, USER_POOLS] },
      ),
    );
    expect(output.schema).toContain('type Blog @aws_cognito_user_pools @aws_api_key {');
    expect(output.schema).toContain('blogPostsId: ID');
    expect(Object.keys(output.stacks)).toEqual(expect.arrayContaining(['Blog', 'Post', 'ConnectionStack']));
    expect(Object.keys(output.resolvers)).toEqual(expect.arrayContaining(['Query.getBlog.req.vtl', 'Blog.posts.req.vtl']));
    expect(output.warnings.some((warning) => warning.includes('owners may reassign ownership'))).toBe(true);
  });

  test('a refused schema produces nothing but the one-line error', () => {
    expect(() => transform(schemaInput('type Post @model { id: ID! comments: Comment @hasMany } type Comment @model { id: ID! }'))).toThrow(
      new TransformError('@hasMany must be used with a list. Use @hasOne for non-list types.'),
    );
  });
});
