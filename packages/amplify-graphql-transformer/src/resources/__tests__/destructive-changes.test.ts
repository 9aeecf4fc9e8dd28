import { findDestructiveChanges, synthesizeResources } from '..';
import * as fx from './fixtures/models';

const compiled = (model: ReturnType<typeof fx.blogPostComment>) => ({ stacks: synthesizeResources(model, fx.input(fx.API_KEY_ONLY)).stacks });

describe('findDestructiveChanges', () => {
  it('reports a removed model as its table lost', () => {
    const before = compiled(fx.blogPostComment());
    const after = fx.blogPostComment();
    after.models = after.models.filter((model) => model.name !== 'Comment');
    after.models[1].relations = after.models[1].relations.filter((relation) => relation.field !== 'comments');
    const changes = findDestructiveChanges(before, compiled(after));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'tableRemoved', tables: ['CommentTable'] });
    expect(changes[0].message.split('\n')).toEqual([
      'Removing a model from the GraphQL schema will also remove the underlying DynamoDB table.',
      'This update will remove table(s) [CommentTable]',
      'ALL EXISTING DATA IN THESE TABLES WILL BE LOST!',
      "If this is intended, rerun the command with '--allow-destructive-graphql-schema-updates'.",
    ]);
    expect(findDestructiveChanges(before, compiled(after), { allowDestructiveUpdates: true })).toEqual([]);
  });

  it('reports a changed key schema, and several GSI changes only without iterative GSI updates', () => {
    const before = compiled(fx.blogPostComment());
    const after = fx.blogPostComment();
    after.models[0].primaryKey = { partitionKey: 'name', sortKeyFields: [] };
    after.models[1].indexes = [
      { name: 'byTitle', partitionKey: 'title', sortKeyFields: [], origin: 'index' },
      { name: 'gsi-Blog.posts', partitionKey: 'title', sortKeyFields: [], origin: 'hasMany' },
    ];
    const iterative = findDestructiveChanges(before, compiled(after));
    expect(iterative.map((change) => [change.kind, change.tables])).toEqual([['keySchemaChanged', ['BlogTable']]]);
    const oneAtATime = findDestructiveChanges(before, compiled(after), { enableIterativeGsiUpdates: false });
    expect(oneAtATime.map((change) => [change.kind, change.tables])).toEqual([
      ['keySchemaChanged', ['BlogTable']],
      ['multipleGsiChanges', ['PostTable']],
    ]);
  });

  it('finds nothing between two compiles of one schema', () => {
    expect(findDestructiveChanges(compiled(fx.blogPostComment()), compiled(fx.blogPostComment()))).toEqual([]);
  });
});
