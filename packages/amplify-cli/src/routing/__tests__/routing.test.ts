import { PluginInfo, PluginManifest } from 'amplify-cli-core';
import { parseCommandInput } from '../command-input';
import { pluginNouns, resolveCommand } from '../resolve-command';

const coreManifest: PluginManifest = {
  name: 'core',
  type: 'core',
  commands: ['help', 'init', 'plugin', 'push', 'status', 'version'],
  commandAliases: { h: 'help', ls: 'status', serve: 'run' },
};

function plugin(manifest: PluginManifest, packageName = `amplify-${manifest.type === 'util' ? '' : `${manifest.type}-`}${manifest.name}`): PluginInfo {
  return { packageName, packageVersion: '1.0.0', packageLocation: `/plugins/${packageName}`, manifest };
}

const api = plugin({ name: 'api', type: 'category', commands: ['add', 'update', 'remove', 'api', 'help'], commandAliases: { configure: 'update' } });
const js = plugin({ name: 'javascript', type: 'frontend', aliases: ['js'], commands: ['version'] });
const codegen = plugin({ name: 'codegen', type: 'util', commands: ['codegen', 'add', 'types'] });
const mock = plugin({ name: 'mock', type: 'util', commands: ['api', 'stop'] });
const plugins = { core: [plugin(coreManifest, 'amplify-cli')], api: [api], javascript: [js], codegen: [codegen], mock: [mock] };
const nouns = pluginNouns(plugins);

function route(...words: string[]) {
  const input = parseCommandInput(['node', 'amplify', ...words], nouns);
  return { input, target: resolveCommand(input, { coreManifest, plugins }) };
}

describe('parseCommandInput', () => {
  it('reads noun, command, sub-commands and options as the original does', () => {
    const input = parseCommandInput(['node', 'amplify', 'api', 'add', 'extra', 'more', '--yes', '--name', 'x', 'loose', '--flag', '--k=v'], nouns);
    expect(input).toEqual({
      argv: ['node', 'amplify', 'api', 'add', 'extra', 'more', '--yes', '--name', 'x', 'loose', '--flag', '--k=v'],
      plugin: 'api',
      command: 'add',
      subCommands: ['extra', 'more'],
      options: { yes: true, name: 'x', loose: true, flag: true, k: 'v' },
    });
  });

  it('treats "amplify <verb> <category>" like "amplify <category> <verb>"', () => {
    expect(parseCommandInput(['node', 'amplify', 'add', 'api'], nouns)).toMatchObject({ plugin: 'api', command: 'add' });
    expect(parseCommandInput(['node', 'amplify', 'api', 'add'], nouns)).toMatchObject({ plugin: 'api', command: 'add' });
  });

  it('keeps the first word when both words are plugin nouns', () => {
    expect(parseCommandInput(['node', 'amplify', 'mock', 'api'], nouns)).toMatchObject({ plugin: 'mock', command: 'api' });
  });
});

describe('resolveCommand', () => {
  it('routes both word orders to the same plugin command', () => {
    const forward = route('api', 'add').target;
    const backward = route('add', 'api').target;
    expect(forward).toEqual({ kind: 'plugin', noun: 'api', command: 'add', candidates: [api] });
    expect(backward).toEqual(forward);
  });

  it('routes core commands and their aliases', () => {
    expect(route('status').target).toEqual({ kind: 'core', command: 'status', subCommands: [] });
    expect(route('ls').target).toMatchObject({ kind: 'core', command: 'status' });
    expect(route('h').target).toMatchObject({ kind: 'core', command: 'help' });
    expect(route('plugin', 'list', '--json')).toMatchObject({ target: { kind: 'core', command: 'plugin', subCommands: ['list'] }, input: { options: { json: true } } });
  });

  it('normalises -v, -h and -y', () => {
    expect(route('-v').target).toMatchObject({ kind: 'core', command: 'version' });
    expect(route().target).toMatchObject({ kind: 'core', command: 'help' });
    const { input } = route('push', '-y');
    expect(input.options).toEqual({ yes: true });
  });

  it('resolves plugin command aliases and plugin aliases', () => {
    const { input, target } = route('api', 'configure');
    expect(target).toMatchObject({ kind: 'plugin', command: 'update' });
    expect(input.command).toBe('update');
    expect(route('js', 'version').target).toMatchObject({ kind: 'plugin', noun: 'js', candidates: [js] });
  });

  it('runs the plugin command named like the plugin when only the noun is given, else help', () => {
    expect(route('api').target).toMatchObject({ kind: 'plugin', command: 'api' });
    expect(route('javascript', '--version').target).toMatchObject({ kind: 'plugin', command: 'version' });
    expect(route('mock').target).toEqual({ kind: 'plugin-help', noun: 'mock', plugins: [mock] });
  });

  it('hands a core command addressed to a plugin that lacks it back to the core, noun first', () => {
    const { input, target } = route('status', 'api');
    expect(target).toEqual({ kind: 'core', command: 'status', subCommands: ['api'] });
    expect(input.plugin).toBeUndefined();
  });

  it('routes util plugin commands given without the plugin name', () => {
    expect(route('types').target).toMatchObject({ kind: 'plugin', noun: 'codegen', command: 'types' });
  });

  it('rejects unknown words with a suggestion', () => {
    expect(() => route('stauts')).toThrow('"stauts" is not an amplify command or plugin. Did you mean "amplify status"?');
    expect(() => route('api', 'ad')).toThrow('"api" has no command "ad". Did you mean "amplify api add"?');
    expect(() => route('zzzzzzzz')).toThrow(/^"zzzzzzzz" is not an amplify command or plugin$/);
  });

  it('answers a category verb without a category, and names an unknown category with the closest one', () => {
    expect(route('add').target).toEqual({ kind: 'category-verb', verb: 'add' });
    expect(route('import').target).toEqual({ kind: 'category-verb', verb: 'import' });
    expect(() => route('add', 'aip')).toThrow('"aip" is not an installed category. Did you mean "amplify add api"?');
    expect(() => route('import', 'storage')).toThrow('"storage" is not an installed category');
  });

  it("runs a util plugin's own command with undeclared words as its parameters, as gluegun does", () => {
    const hello = plugin({ name: 'hello', type: 'util', commands: ['hello', 'wave'] });
    const withHello = { ...plugins, hello: [hello] };
    const input = parseCommandInput(['node', 'amplify', 'hello', 'there', 'friend'], pluginNouns(withHello));
    expect(resolveCommand(input, { coreManifest, plugins: withHello })).toEqual({ kind: 'plugin', noun: 'hello', command: 'hello', candidates: [hello] });
    expect(input).toMatchObject({ command: 'hello', subCommands: ['there', 'friend'] });
    const declared = parseCommandInput(['node', 'amplify', 'hello', 'wave'], pluginNouns(withHello));
    expect(resolveCommand(declared, { coreManifest, plugins: withHello })).toMatchObject({ command: 'wave' });
  });
});

describe('global flags', () => {
  it.each([
    [['--debug', 'status'], { command: 'status', options: { debug: true } }],
    [['-y', 'push', 'api'], { plugin: 'api', command: 'push', options: { y: true } }],
    [['push', '--yes', 'api'], { plugin: 'api', command: 'push', options: { yes: true } }],
    [['api', 'add', '--name', 'x', '--debug', 'extra'], { plugin: 'api', command: 'add', options: { name: 'x', debug: true, extra: true } }],
    [['-h', 'init'], { command: 'init', options: { h: true } }],
  ])('are read wherever they stand: amplify %j', (words, expected) => {
    expect(parseCommandInput(['node', 'amplify', ...words], nouns)).toMatchObject(expected);
  });
});
