import * as fs from 'fs';
import * as path from 'path';

const packagesDir = path.join(__dirname, '..', '..', '..');

/** Which workspace packages each frontend's product code may import, through their public entries only. */
const ALLOWED: Record<string, string[]> = {
  'amplify-frontend-android': ['amplify-cli-core'],
  'amplify-frontend-ios': ['amplify-cli-core', 'amplify-frontend-android'],
  'amplify-frontend-javascript': ['amplify-cli-core', 'amplify-frontend-android'],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importedSpecifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|require\(|import\()\s*'([^']+)'/g)].map((match) => match[1]);
}

describe('dependencies between the frontends point one way', () => {
  it.each(Object.keys(ALLOWED))('%s imports only its allowed workspace packages, by their public entry', (name) => {
    const offending = sourceFiles(path.join(packagesDir, name, 'src')).flatMap((file) =>
      importedSpecifiers(file)
        .filter((spec) => spec.startsWith('amplify-'))
        .filter((spec) => !ALLOWED[name].includes(spec))
        .map((spec) => `${path.relative(packagesDir, file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
    const pkg = JSON.parse(fs.readFileSync(path.join(packagesDir, name, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).filter((dep) => dep.startsWith('amplify-')).sort()).toEqual(ALLOWED[name]);
  });
});
