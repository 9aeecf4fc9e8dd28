/**
 * Dependencies between the workspace packages point one way: cli -> core library; plugins -> core
 * library (and the spec library, which depends on nothing of the CLI); frontends -> the frontend support library
 * -> core; nothing imports a plugin (a category, a frontend, a provider, the local cloud) or the CLI itself.
 * Plugins find each other at run time through the platform (the provider starts the local cloud through
 * `getPluginInstance`).
 */
import * as fs from 'fs';
import * as path from 'path';

const packagesDir = path.join(__dirname, '..', '..', 'packages');

/** Which workspace packages each package (by name prefix or exact name) may import from its sources. */
const allowed: Array<[RegExp, string[]]> = [
  [/^amplify-cli-core$/, []],
  [/^amplify-cloudformation-spec$/, []],
  // The GraphQL transformer is a library of its own: a schema in, templates and resolvers out.
  [/^amplify-graphql-transformer$/, []],
  // The spec library depends on nothing of the CLI, so the CLI may use its helpers (the one didYouMean).
  [/^amplify-cli$/, ['amplify-cli-core', 'amplify-cloudformation-spec']],
  [/^amplify-local-cloud$/, ['amplify-cli-core', 'amplify-cloudformation-spec']],
  [/^amplify-provider-awscloudformation$/, ['amplify-cli-core', 'amplify-cloudformation-spec']],
  [/^amplify-frontend-support$/, ['amplify-cli-core']],
  [/^amplify-frontend-/, ['amplify-cli-core', 'amplify-frontend-support']],
  [/^amplify-category-/, ['amplify-cli-core', 'amplify-cloudformation-spec', 'amplify-graphql-transformer']],
  // General-purpose plugin; reaches the api category only through the project files and the plugin platform.
  [/^amplify-codegen$/, ['amplify-cli-core']],
  // Tests only (no product code imports it): it drives the built CLI binary and starts local clouds.
  [/^amplify-test-support$/, ['amplify-cli-core', 'amplify-frontend-support', 'amplify-local-cloud', 'amplify-cli']],
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const importPattern = /(?:from\s+|require\(\s*|import\(\s*)['"](amplify-[a-z0-9-]+)(\/[^'"]*)?['"]/g;

const workspacePackages = fs
  .readdirSync(packagesDir)
  .filter((name) => fs.existsSync(path.join(packagesDir, name, 'package.json')) && fs.existsSync(path.join(packagesDir, name, 'src')));

describe.each(workspacePackages)('%s', (name) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(packagesDir, name, 'package.json'), 'utf8'));
  const declared = new Set(Object.keys(manifest.dependencies ?? {}));
  const imports = sourceFiles(path.join(packagesDir, name, 'src')).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(importPattern)].map((match) => ({
      file: path.relative(packagesDir, file),
      target: match[1],
      subpath: match[2],
    })),
  );
  const workspaceImports = imports.filter(({ target }) => workspacePackages.includes(target) && target !== name);

  it('has a layering rule', () => {
    expect(allowed.some(([pattern]) => pattern.test(name))).toBe(true);
  });

  it('imports only the packages below it', () => {
    const permitted = allowed.find(([pattern]) => pattern.test(name))?.[1] ?? [];
    const violations = workspaceImports.filter(({ target }) => !permitted.includes(target));
    expect(violations).toEqual([]);
  });

  it('imports other packages through their public entry only', () => {
    expect(workspaceImports.filter(({ subpath }) => subpath !== undefined)).toEqual([]);
  });

  it('declares every workspace package it imports as a dependency', () => {
    expect(workspaceImports.filter(({ target }) => !declared.has(target))).toEqual([]);
  });

  it('depends at run time on no workspace package its rule does not allow', () => {
    const permitted = allowed.find(([pattern]) => pattern.test(name))?.[1] ?? [];
    expect([...declared].filter((dep) => workspacePackages.includes(dep) && !permitted.includes(dep))).toEqual([]);
  });
});
