import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import * as vm from 'vm';
import { AmplifyError, stateManager } from 'amplify-cli-core';

export const OVERRIDE_FILE = 'override.ts';
/** Where the compiled override is kept, relative to the resource folder (written with the rest of `build/`). */
export const COMPILED_OVERRIDE = 'override.js';

/** The second argument of `override()`, as the original passes it. */
export interface AmplifyProjectInfo {
  envName: string;
  projectName: string;
}

export function projectInfo(projectRoot: string): AmplifyProjectInfo {
  return { envName: stateManager.getCurrentEnvName(projectRoot), projectName: stateManager.getProjectConfig(projectRoot).projectName };
}

/**
 * `override.ts` as CommonJS. TypeScript's `transpileModule` is pure JavaScript (it works in any install, bundled
 * or not, with no platform binary) and strips types file by file; it reports syntax errors, not type errors, like
 * any single-file transpiler. Type-only imports of `@aws-amplify/cli-extensibility-helper` disappear, so the
 * helper package need not be installed to run an override.
 */
export function transpileOverride(source: string, fileName: string): string {
  // Loaded only when a resource has an override: the compiler is large.
  const ts = require('typescript') as typeof import('typescript');
  const output = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  });
  const [first] = output.diagnostics ?? [];
  if (first) {
    const where = first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start) : undefined;
    const location = where ? `${fileName}:${where.line + 1}:${where.character + 1}` : fileName;
    throw new AmplifyError('InvalidOverrideError', `${location}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`, {
      resolution: `Fix the error in ${OVERRIDE_FILE} and try again.`,
    });
  }
  return output.outputText;
}

function overrideFailed(cause: unknown): AmplifyError {
  return new AmplifyError('InvalidOverrideError', 'Executing overrides failed.', {
    resolution: 'There may be runtime errors in your overrides file. If so, fix the errors and try again.',
    cause,
  });
}

/**
 * Runs compiled override code on `resources`, in this process: the override edits the tree synchronously and the
 * templates are JSON held here, so a child process would only add a start-up and a serialisation of the whole tree.
 * The file is the project's own code, trusted like its hooks. It gets a fresh module each time (no require cache).
 */
export function executeOverride(code: string, compiledPath: string, resources: object, info: AmplifyProjectInfo): void {
  const module: { exports: Record<string, unknown> } = { exports: {} };
  try {
    const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: compiledPath }) as (...args: unknown[]) => void;
    wrapper(module.exports, createRequire(compiledPath), module, compiledPath, path.dirname(compiledPath));
  } catch (error) {
    throw overrideFailed(error);
  }
  const override = module.exports.override ?? (module.exports.default as Record<string, unknown> | undefined)?.override;
  if (typeof override !== 'function') {
    throw new AmplifyError('InvalidOverrideError', `${OVERRIDE_FILE} does not export a function named "override"`, {
      resolution: 'Export it: "export function override(resources, amplifyProjectInfo) { ... }"',
    });
  }
  let result: unknown;
  try {
    result = override(resources, info);
  } catch (error) {
    throw overrideFailed(error);
  }
  if (typeof (result as { then?: unknown } | undefined)?.then === 'function') {
    throw new AmplifyError('InvalidOverrideError', 'The override function returned a promise; overrides run synchronously', {
      resolution: 'Remove "async" from the override function and make its changes directly',
    });
  }
}

/**
 * Applies a resource's `override.ts`, if it has one, to the tree `resources` builds (whose leaves edit the templates in place);
 * returns the compiled JavaScript to be written as `build/override.js`, or undefined when there is no override.
 */
export function applyOverride(projectRoot: string, resourceDir: string, resources: () => object): string | undefined {
  const source = path.join(resourceDir, OVERRIDE_FILE);
  if (!fs.existsSync(source)) return undefined;
  const code = transpileOverride(fs.readFileSync(source, 'utf8'), source);
  executeOverride(code, path.join(resourceDir, 'build', COMPILED_OVERRIDE), resources(), projectInfo(projectRoot));
  return code;
}
