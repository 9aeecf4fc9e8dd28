import * as fs from 'fs';
import * as path from 'path';
import { Framework } from './frameworks';

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readPackageJson(projectPath: string): PackageJson | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(projectPath, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as PackageJson) : {};
  } catch {
    // A broken package.json still says "this is a javascript project"; it just names no framework.
    return {};
  }
}

/**
 * How sure we are that the folder holds a javascript app: 90 with a package.json, else 10, so javascript stays the
 * fallback when no frontend recognises the folder (the original's rule).
 */
export function scanProject(projectPath: string): number {
  return fs.existsSync(path.join(projectPath, 'package.json')) ? 90 : 10;
}

/**
 * The framework named by the app's dependencies (the original's order: react, then angular, then vue). Ember is
 * recognised too, which the original never did.
 */
export function guessFramework(projectPath: string): Framework {
  const pkg = readPackageJson(projectPath);
  const deps = pkg?.dependencies ?? {};
  const devDeps = pkg?.devDependencies ?? {};
  if ('react' in deps) {
    return 'react-native' in deps ? 'react-native' : 'react';
  }
  if ('@angular/core' in deps) {
    return 'ionic-angular' in deps ? 'ionic' : 'angular';
  }
  if ('vue' in deps) {
    return 'vue';
  }
  if ('ember-source' in deps || 'ember-source' in devDeps || 'ember-cli' in devDeps) {
    return 'ember';
  }
  return 'none';
}
