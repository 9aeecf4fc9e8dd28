import { validateTemplate } from 'amplify-cloudformation-spec';
import { synthesizeResources } from '..';
import * as fx from './fixtures/models';

const cases = [
  ['owner + public auth', fx.todoWithOwnerAuth(), fx.input(fx.USER_POOLS_AND_API_KEY)],
  ['sandbox', fx.sandboxTodo(), fx.input(fx.API_KEY_ONLY)],
  ['relations', fx.blogPostComment(), fx.input(fx.API_KEY_ONLY, { transformConfig: { StackMapping: { GetBlogResolver: 'MyCustomStack' } } })],
  ['custom primary key and composite index', fx.customKeyStore(), fx.input(fx.API_KEY_ONLY)],
  ['many to many', fx.manyToMany(), fx.input(fx.USER_POOLS_AND_API_KEY)],
  ['@function and @http with IAM', fx.functionAndHttp(), fx.input(fx.IAM_AND_API_KEY)],
  ['DataStore', fx.dataStoreTodo(), fx.input(fx.API_KEY_ONLY)],
  ['@mapsTo', fx.mappedTask(), fx.input(fx.API_KEY_ONLY)],
  ['DataStore over relations', fx.dataStoreBlog(), fx.input(fx.API_KEY_ONLY)],
  ['field-level auth', fx.fieldAuthNote(), fx.input(fx.USER_POOLS_ONLY)],
] as const;

describe.each(cases)('%s', (_, model, input) => {
  const output = synthesizeResources(model, input);

  it('has a root stack the CloudFormation specification accepts', () => {
    expect(validateTemplate(output.rootStack, { fileName: 'cloudformation-template.json' })).toEqual([]);
  });

  it.each(Object.keys(output.stacks))('has a nested stack %s the specification accepts', (name) => {
    expect(validateTemplate(output.stacks[name], { fileName: `${name}.json` })).toEqual([]);
  });

  it('passes every parameter a nested stack declares, and declares every one it is passed', () => {
    const resources = output.rootStack.Resources as Record<string, { Type: string; Properties: { Parameters?: Record<string, unknown> } }>;
    for (const name of Object.keys(output.stacks)) {
      const declared = Object.keys((output.stacks[name].Parameters ?? {}) as object).sort();
      expect(Object.keys(resources[name].Properties.Parameters ?? {}).sort()).toEqual(declared);
    }
  });
});
