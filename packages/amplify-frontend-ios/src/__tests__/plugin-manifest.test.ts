import * as fs from 'fs';
import * as path from 'path';
import { describeTypeMismatch, validatePluginManifest } from 'amplify-cli-core';
import * as plugin from '../index';

const packageRoot = path.join(__dirname, '..', '..');
const readJson = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(packageRoot, name), 'utf8'));

describe('the ios plugin as the platform discovers it', () => {
  it('declares a valid frontend manifest that matches its package name and is shipped', () => {
    const validation = validatePluginManifest(readJson('amplify-plugin.json'));
    if (!validation.valid) {
      throw new Error(validation.errors.join('\n'));
    }
    const pkg = readJson('package.json') as { name: string; files: string[] };
    expect(validation.manifest.name).toBe(plugin.constants.Label);
    expect(validation.manifest.type).toBe('frontend');
    expect(describeTypeMismatch(pkg.name, validation.manifest.type)).toBeUndefined();
    expect(pkg.files).toContain('amplify-plugin.json');
  });

  it('exports every function of the frontend contract', () => {
    for (const name of ['scanProject', 'init', 'onInitSuccessful', 'configure', 'createFrontendConfigs', 'run', 'publish', 'deleteConfig']) {
      expect(typeof (plugin as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
