import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, isRecord, type ProjectConfig } from 'amplify-cli-core';
import type { CodegenProject, CodegenTarget } from './graphql-config';

/** What codegen needs to know of the app: its frontend and where its sources are. */
export interface AppFrontend {
  frontend: 'javascript' | 'android' | 'ios' | 'flutter' | string;
  framework?: string;
  /** JS `SourceDir` (default `src`). */
  sourceDir: string;
  /** Android `ResDir` (default `app/src/main/res`). */
  resDir: string;
  /** A JS app written in TypeScript (a tsconfig.json at the root, or `.ts` files in its sources). */
  isTypeScript: boolean;
}

function frontendConfig(projectConfig: ProjectConfig, frontend: string): Record<string, unknown> {
  const block = projectConfig[frontend];
  return isRecord(block) && isRecord(block.config) ? block.config : {};
}

function hasTypeScriptSources(dir: string, depth = 3): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((entry) =>
    entry.isDirectory()
      ? depth > 0 && entry.name !== 'node_modules' && !entry.name.startsWith('.') && hasTypeScriptSources(path.join(dir, entry.name), depth - 1)
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'),
  );
}

export function describeAppFrontend(projectRoot: string, projectConfig: ProjectConfig): AppFrontend {
  const frontend = projectConfig.frontend;
  const config = frontendConfig(projectConfig, frontend);
  const block = projectConfig[frontend];
  const sourceDir = typeof config.SourceDir === 'string' && config.SourceDir !== '' ? config.SourceDir : 'src';
  return {
    frontend,
    framework: isRecord(block) && typeof block.framework === 'string' ? block.framework : undefined,
    sourceDir,
    resDir: typeof config.ResDir === 'string' && config.ResDir !== '' ? config.ResDir : path.join('app', 'src', 'main', 'res'),
    isTypeScript: frontend === 'javascript' && (fs.existsSync(path.join(projectRoot, 'tsconfig.json')) || hasTypeScriptSources(path.join(projectRoot, sourceDir))),
  };
}

export function assertCodegenSupported(app: AppFrontend): void {
  if (app.frontend === 'flutter') {
    throw new AmplifyError('CodegenNotSupported', 'Flutter only supports the command $amplify codegen models. All the other codegen commands are not supported.', {
      resolution: 'Run "amplify codegen models"',
    });
  }
}

/** The targets a frontend offers, the default first. */
export function targetChoices(app: AppFrontend): CodegenTarget[] {
  if (app.frontend === 'android') return ['android'];
  if (app.frontend === 'ios') return ['swift'];
  if (app.framework === 'angular' || app.framework === 'ionic') return ['angular', 'typescript'];
  return app.isTypeScript ? ['typescript', 'javascript', 'flow'] : ['javascript', 'typescript', 'flow'];
}

const posix = (...parts: string[]): string => path.posix.join(...parts.map((part) => part.split(path.sep).join('/')));

/** The Android app's GraphQL folder: a sibling of its res folder. */
function androidGraphqlDir(app: AppFrontend): string {
  return posix(path.posix.dirname(app.resDir.split(path.sep).join('/')), 'graphql');
}

export function defaultIncludePattern(app: AppFrontend, target: CodegenTarget): string {
  switch (target) {
    case 'javascript':
    case 'flow':
      return posix(app.sourceDir, 'graphql', '**', '*.js');
    case 'typescript':
      return posix(app.sourceDir, 'graphql', '**', '*.ts');
    case 'angular':
      return posix(app.sourceDir, 'graphql', '**', '*.graphql');
    case 'android':
    case '':
      return posix(androidGraphqlDir(app), '**', '*.graphql');
    case 'swift':
      return 'graphql/**/*.graphql';
  }
}

export function defaultGeneratedFileName(app: AppFrontend, target: CodegenTarget): string {
  switch (target) {
    case 'typescript':
      return posix(app.sourceDir, 'API.ts');
    case 'flow':
      return posix(app.sourceDir, 'API.js');
    case 'angular':
      return posix(app.sourceDir, 'app', 'API.service.ts');
    case 'swift':
      return 'API.swift';
    default:
      return '';
  }
}

/** Where the introspection `schema.json` goes. */
export function defaultSchemaPath(app: AppFrontend): string {
  if (app.frontend === 'android') return posix(androidGraphqlDir(app), 'schema.json');
  if (app.frontend === 'javascript') return posix(app.sourceDir, 'graphql', 'schema.json');
  return 'graphql/schema.json';
}

/** The folder of a glob's fixed part: `src/graphql/**\/*.js` -> `src/graphql`. */
export function globParent(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}!]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.length > 0 ? fixed.join('/') : '.';
}

export function defaultDocsFilePath(app: AppFrontend, target: CodegenTarget, includes: string[]): string {
  if (target === 'android' || target === '') return posix(androidGraphqlDir(app), 'com', 'amazonaws', 'amplify', 'generated', 'graphql');
  return globParent(includes[0] ?? defaultIncludePattern(app, target));
}

export interface ProjectChoices {
  target: CodegenTarget;
  includes: string[];
  generatedFileName: string;
  maxDepth?: number;
}

/** The `.graphqlconfig.yml` entry for an API from the answers (or defaults) of the add walkthrough. */
export function buildCodegenProject(apiName: string, app: AppFrontend, choices: ProjectChoices, extras: { region?: string; apiId?: string }): CodegenProject {
  return {
    projectName: apiName,
    schemaPath: defaultSchemaPath(app),
    includes: choices.includes,
    excludes: ['./amplify/**', ...(choices.generatedFileName ? [choices.generatedFileName] : [])],
    amplifyExtension: {
      codeGenTarget: choices.target,
      generatedFileName: choices.generatedFileName,
      docsFilePath: defaultDocsFilePath(app, choices.target, choices.includes),
      ...(extras.region !== undefined ? { region: extras.region } : {}),
      ...(extras.apiId !== undefined ? { apiId: extras.apiId } : {}),
      ...(choices.maxDepth !== undefined ? { maxDepth: choices.maxDepth } : {}),
    },
  };
}

/** The entry the push hook and the api category add without asking: every answer at its default. */
export function defaultCodegenProject(apiName: string, app: AppFrontend): CodegenProject {
  const target = targetChoices(app)[0];
  return buildCodegenProject(apiName, app, { target, includes: [defaultIncludePattern(app, target)], generatedFileName: defaultGeneratedFileName(app, target) }, {});
}
