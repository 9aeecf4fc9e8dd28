import * as fs from 'fs';
import * as path from 'path';
import * as core from '../index';

describe('the public entry', () => {
  // Every lazily exported value is declared with `export declare const` and defined by `lazyExports`; a name
  // declared but not defined would type-check and then be undefined at run time.
  // The same holds for the modules the entry re-exports with lazy exports of their own.
  const declared = ['index.ts', path.join('plugins', 'index.ts')].flatMap((file) =>
    [...fs.readFileSync(path.join(__dirname, '..', file), 'utf8').matchAll(/^export declare const (\w+)/gm)].map((m) => m[1]),
  );

  it('declares the lazily loaded exports', () => {
    expect(declared.length).toBeGreaterThan(40);
  });

  it.each(declared)('defines %s', (name) => {
    expect((core as Record<string, unknown>)[name]).toBeDefined();
  });

  it('keeps the eager exports', () => {
    expect(new core.AmplifyError('X', 'y')).toBeInstanceOf(Error);
    expect(core.PLUGIN_EVENTS).toContain('PostPush');
  });
});
