import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listResourceTypes } from '..';

interface GenerateResult {
  status: 'up-to-date' | 'generated';
  outDir: string;
  typeCount: number;
}
interface Generator {
  generate(options?: { outDir?: string; force?: boolean }): GenerateResult;
}

const packageRoot = path.join(__dirname, '..', '..');
// The generator is plain JavaScript run before compilation; load it the way the build does.
const generator = require(path.join(packageRoot, 'scripts', 'generate.js')) as Generator;
const specPackage = require('@aws-cdk/aws-service-spec') as {
  loadAwsServiceSpecSync(): { all(key: 'resource'): Array<{ cloudFormationType: string }> };
};

describe('specification data generation', () => {
  let tmpDir: string;

  beforeAll(() => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-spec-'));
  });

  afterAll(() => {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  });

  it('extracts every resource type of the official specification, deterministically, and skips when up to date', () => {
    // Make sure the package's own data exists so it can be compared with a fresh run.
    generator.generate();
    const outDir = path.join(tmpDir, 'data');

    const first = generator.generate({ outDir });
    expect(first.status).toBe('generated');

    const expected = specPackage
      .loadAwsServiceSpecSync()
      .all('resource')
      .map((resource) => resource.cloudFormationType)
      .sort();
    expect(first.typeCount).toBe(expected.length);
    expect(first.typeCount).toBeGreaterThan(1500);
    expect(listResourceTypes()).toEqual(expected);

    const packageData = path.join(packageRoot, 'data');
    const files = fs.readdirSync(outDir).sort();
    expect(files).toEqual(fs.readdirSync(packageData).sort());
    expect(files).toContain('AWS_S3.json');
    for (const file of files) {
      expect(fs.readFileSync(path.join(outDir, file)).equals(fs.readFileSync(path.join(packageData, file)))).toBe(true);
    }

    const second = generator.generate({ outDir });
    expect(second).toEqual({ status: 'up-to-date', outDir, typeCount: first.typeCount });
    expect(fs.readdirSync(tmpDir)).toEqual(['data']);
  });
});
