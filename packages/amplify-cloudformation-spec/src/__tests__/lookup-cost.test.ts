import * as fs from 'node:fs';
import * as path from 'node:path';

type SpecModule = typeof import('..');

const twenty = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'twenty-resources.json'), 'utf8')) as unknown;
const dataDir = path.join(__dirname, '..', '..', 'data');

/**
 * A fresh copy of the library with empty caches, as a new process would have, and the data files it reads from
 * then on. Loading the whole specification (over a second) instead of the shards a lookup needs is the regression
 * guarded here; counting files keeps the guard exact where a time bound would be noisy.
 */
function freshLibrary(): { library: SpecModule; filesRead: () => string[] } {
  // Spied on the module object itself, before the library loads: a compiled `import * as fs` copies the
  // functions it finds at that moment.
  const read = jest.spyOn(require('node:fs') as typeof fs, 'readFileSync');
  let library: SpecModule | undefined;
  jest.isolateModules(() => {
    library = require('..') as SpecModule;
  });
  if (library === undefined) throw new Error('the library did not load');
  const filesRead = () =>
    read.mock.calls
      .map(([file]) => String(file))
      .filter((file) => path.dirname(file) === dataDir)
      .map((file) => path.basename(file))
      .sort();
  return { library, filesRead };
}

describe('lookup cost', () => {
  beforeAll(() => {
    // Generates the data first if this checkout has none, so that generation is not what gets counted.
    jest.isolateModules(() => (require('..') as SpecModule).listResourceTypes());
  });

  afterEach(() => jest.restoreAllMocks());

  it('answers a first lookup from one shard', () => {
    const { library, filesRead } = freshLibrary();
    expect(library.getResourceTypeSpec('AWS::Lambda::Function')).toBeDefined();
    expect(filesRead()).toEqual(['AWS_Lambda.json', 'index.json']);
  });

  it('validates a 20-resource template reading only the shards of its types', () => {
    const { library, filesRead } = freshLibrary();
    expect(library.validateTemplate(twenty)).toEqual([]);
    const namespaces = ['AppSync', 'CloudFormation', 'Cognito', 'DynamoDB', 'IAM', 'Lambda', 'S3', 'SNS', 'SQS'];
    expect(filesRead()).toEqual([...namespaces.map((name) => `AWS_${name}.json`), 'index.json'].sort());
  });

  it('builds property types on first access, transparently', () => {
    const spec = freshLibrary().library.getResourceTypeSpec('AWS::S3::Bucket');
    const names = Object.keys(spec?.propertyTypes ?? {});
    expect(names.length).toBeGreaterThan(50);
    expect(names).toContain('CorsRule');
    const corsRule = spec?.propertyTypes.CorsRule;
    expect(corsRule?.properties.AllowedMethods.required).toBe(true);
    expect(spec?.propertyTypes.CorsRule).toBe(corsRule);
    expect(JSON.parse(JSON.stringify(spec?.propertyTypes)).CorsRule).toEqual(corsRule);
  });
});
