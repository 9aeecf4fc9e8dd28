import * as fs from 'fs';
import * as path from 'path';

export interface PackageSpec {
  version?: string;
  /** Written as amplify-plugin.json: an object is serialised, a string is written as is (to test broken JSON). */
  manifest?: object | string;
  /** Extra package.json fields (e.g. an `amplify` manifest block or `main`). */
  packageJson?: Record<string, unknown>;
  files?: Record<string, string>;
}

/** Writes a package folder `<parent>/<name>` (a plugin when `spec` gives it a manifest) and returns its path. */
export function writePackage(parent: string, name: string, spec: PackageSpec = {}): string {
  const dir = path.join(parent, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: spec.version ?? '1.0.0', ...spec.packageJson }));
  if (spec.manifest !== undefined) {
    const text = typeof spec.manifest === 'string' ? spec.manifest : JSON.stringify(spec.manifest);
    fs.writeFileSync(path.join(dir, 'amplify-plugin.json'), text);
  }
  for (const [file, content] of Object.entries(spec.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}
