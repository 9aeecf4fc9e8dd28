import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

type SpecModule = typeof import('..');

const twenty = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'twenty-resources.json'), 'utf8')) as unknown;

/** A fresh copy of the library with empty caches, as a new process would have. */
function freshLibrary(): SpecModule {
  let library: SpecModule | undefined;
  jest.isolateModules(() => {
    library = require('..') as SpecModule;
  });
  if (library === undefined) throw new Error('the library did not load');
  return library;
}

describe('lookup cost', () => {
  beforeAll(() => {
    // Generates the data first if this checkout has none, so that generation is not what gets timed.
    freshLibrary().listResourceTypes();
  });

  // Bounds are an order of magnitude above the measured cost (about 2 ms and 15 ms cold, see the package's
  // scripts/bench.js) yet far below loading the whole specification database (over a second), which is the
  // regression they guard against.
  it('answers a first lookup from one shard', () => {
    const library = freshLibrary();
    const started = performance.now();
    expect(library.getResourceTypeSpec('AWS::Lambda::Function')).toBeDefined();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('validates a 20-resource template from cold caches', () => {
    const library = freshLibrary();
    const started = performance.now();
    expect(library.validateTemplate(twenty)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('builds property types on first access, transparently', () => {
    const spec = freshLibrary().getResourceTypeSpec('AWS::S3::Bucket');
    const names = Object.keys(spec?.propertyTypes ?? {});
    expect(names.length).toBeGreaterThan(50);
    expect(names).toContain('CorsRule');
    const corsRule = spec?.propertyTypes.CorsRule;
    expect(corsRule?.properties.AllowedMethods.required).toBe(true);
    expect(spec?.propertyTypes.CorsRule).toBe(corsRule);
    expect(JSON.parse(JSON.stringify(spec?.propertyTypes)).CorsRule).toEqual(corsRule);
  });
});
