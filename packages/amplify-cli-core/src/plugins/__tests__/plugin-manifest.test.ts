import { describeTypeMismatch, pluginTypeFromPackageName, validatePluginManifest } from '..';

describe('validatePluginManifest', () => {
  it('accepts a complete manifest', () => {
    const result = validatePluginManifest({
      name: 'hosting',
      type: 'category',
      displayName: 'Hosting',
      aliases: ['host'],
      commands: ['add', 'remove'],
      commandAliases: { configure: 'update' },
      services: ['S3AndCloudFront'],
      eventHandlers: ['PrePush', 'PostPush'],
      someFutureKey: 1,
    });
    expect(result.valid).toBe(true);
  });

  it('reports every problem with its JSON path', () => {
    const result = validatePluginManifest({ type: 'widget', commands: ['add', 'add', 3], eventHandlers: ['OnBoot'] });
    expect(result).toEqual({
      valid: false,
      errors: [
        '$.name: is required',
        '$.type: must be one of category, provider, frontend, util, core (got "widget")',
        '$.commands[2]: must be a string',
        '$.commands: must not contain duplicates',
        '$.eventHandlers[0]: must be one of PreInit, PostInit, PrePush, PostPush, PrePull, PostPull (got "OnBoot")',
      ],
    });
  });

  it('rejects non-objects and command aliases that are not strings', () => {
    expect(validatePluginManifest([])).toEqual({ valid: false, errors: ['$: must be an object'] });
    expect(validatePluginManifest({ name: 'x', type: 'util', commandAliases: { a: 1 } })).toEqual({
      valid: false,
      errors: ['$.commandAliases.a: must be a string'],
    });
  });

  it('refuses a plugin named after a core command, except the core itself', () => {
    expect(validatePluginManifest({ name: 'push', type: 'util' }).valid).toBe(false);
    expect(validatePluginManifest({ name: 'core', type: 'core' }).valid).toBe(true);
  });
});

describe('classification by package name', () => {
  it.each([
    ['amplify-category-auth', 'category'],
    ['amplify-provider-awscloudformation', 'provider'],
    ['amplify-frontend-javascript', 'frontend'],
    ['amplify-codegen', 'util'],
    ['amplify-category-', 'util'],
    ['lodash', undefined],
  ])('%s is %s', (name, type) => {
    expect(pluginTypeFromPackageName(name)).toBe(type);
  });

  it('describes a manifest type that contradicts the name', () => {
    expect(describeTypeMismatch('amplify-category-auth', 'category')).toBeUndefined();
    expect(describeTypeMismatch('amplify-category-auth', 'provider')).toMatch(/category plugin by its name/);
    expect(describeTypeMismatch('amplify-tool', 'core')).toMatch(/only the amplify CLI/);
  });
});
