import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, isRecord, projectRelativePathProblem, writeFileAtomic } from 'amplify-cli-core';

/** The codegen configuration at the project root, as the original writes it (the JS frontend reads it too). */
export const GRAPHQL_CONFIG_FILENAME = '.graphqlconfig.yml';

export const CODEGEN_TARGETS = ['javascript', 'typescript', 'flow', 'angular', 'swift', 'android', ''] as const;
export type CodegenTarget = (typeof CODEGEN_TARGETS)[number];

/** `extensions.amplify` of one project. */
export interface AmplifyCodegenExtension {
  codeGenTarget: CodegenTarget;
  /** The types file (`src/API.ts`); '' for targets without one (javascript, android). */
  generatedFileName: string;
  /** Folder of the statement files. */
  docsFilePath: string;
  region?: string;
  apiId?: string | null;
  maxDepth?: number;
  /** `__typename` in every selection set (default true). */
  typenameIntrospection?: boolean;
  amplifyJsLibraryVersion?: number;
  frontend?: string;
  framework?: string;
}

/** One entry of `projects`, named after the API resource. */
export interface CodegenProject {
  projectName: string;
  /** The schema codegen reads: an introspection `schema.json` or SDL, relative to the project root. */
  schemaPath: string;
  includes: string[];
  excludes: string[];
  amplifyExtension: AmplifyCodegenExtension;
}

export const DEFAULT_MAX_DEPTH = 2;

/** Keys of a project entry this module owns; any other key a user added is kept as it is. */
const EXTENSION_KEYS: ReadonlyArray<keyof AmplifyCodegenExtension> = [
  'codeGenTarget',
  'generatedFileName',
  'docsFilePath',
  'region',
  'apiId',
  'maxDepth',
  'typenameIntrospection',
  'amplifyJsLibraryVersion',
  'frontend',
  'framework',
];

export function maxDepthProblem(value: unknown): string | undefined {
  const depth = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof depth === 'number' && Number.isInteger(depth) && depth > 0 ? undefined : 'Depth should be a integer greater than 0';
}

function configError(configPath: string, problem: string, cause?: unknown): AmplifyError {
  return new AmplifyError('InvalidGraphqlConfig', `${configPath}: ${problem}`, {
    resolution: `Fix ${GRAPHQL_CONFIG_FILENAME}, or run "amplify codegen configure" to write it again`,
    cause,
  });
}

function stringList(value: unknown, where: string, configPath: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw configError(configPath, `${where} must be a list of glob patterns`);
}

function projectPath(value: unknown, where: string, configPath: string, allowEmpty = false): string {
  if (typeof value !== 'string' || (!allowEmpty && value.trim() === '')) {
    throw configError(configPath, `${where} must be a path relative to the project root`);
  }
  const problem = value === '' ? undefined : projectRelativePathProblem(value);
  if (problem) throw configError(configPath, `${where} ${problem}`);
  return value;
}

function parseProject(projectName: string, raw: unknown, configPath: string): CodegenProject {
  const where = `projects.${projectName}`;
  if (!isRecord(raw)) throw configError(configPath, `${where} must be a mapping`);
  const extensions = isRecord(raw.extensions) ? raw.extensions : {};
  const amplify = isRecord(extensions.amplify) ? extensions.amplify : {};
  const target = amplify.codeGenTarget ?? '';
  if (typeof target !== 'string' || !(CODEGEN_TARGETS as readonly string[]).includes(target)) {
    throw configError(configPath, `${where}.extensions.amplify.codeGenTarget "${String(target)}" is not one of ${CODEGEN_TARGETS.filter(Boolean).join(', ')}`);
  }
  const extension: AmplifyCodegenExtension = {
    codeGenTarget: target as CodegenTarget,
    generatedFileName: projectPath(amplify.generatedFileName ?? '', `${where}.extensions.amplify.generatedFileName`, configPath, true),
    docsFilePath: projectPath(amplify.docsFilePath, `${where}.extensions.amplify.docsFilePath`, configPath),
  };
  if (amplify.maxDepth !== undefined && amplify.maxDepth !== null) {
    const problem = maxDepthProblem(amplify.maxDepth);
    if (problem) throw configError(configPath, `${where}.extensions.amplify.maxDepth: ${problem}`);
    extension.maxDepth = Number(amplify.maxDepth);
  }
  if (amplify.typenameIntrospection !== undefined) {
    if (typeof amplify.typenameIntrospection !== 'boolean') throw configError(configPath, `${where}.extensions.amplify.typenameIntrospection must be true or false`);
    extension.typenameIntrospection = amplify.typenameIntrospection;
  }
  for (const key of ['region', 'frontend', 'framework'] as const) {
    if (typeof amplify[key] === 'string') extension[key] = amplify[key];
  }
  if (typeof amplify.apiId === 'string' || amplify.apiId === null) extension.apiId = amplify.apiId;
  if (typeof amplify.amplifyJsLibraryVersion === 'number') extension.amplifyJsLibraryVersion = amplify.amplifyJsLibraryVersion;
  return {
    projectName,
    schemaPath: projectPath(raw.schemaPath, `${where}.schemaPath`, configPath),
    includes: stringList(raw.includes, `${where}.includes`, configPath),
    excludes: stringList(raw.excludes, `${where}.excludes`, configPath),
    amplifyExtension: extension,
  };
}

/** The file's parsed content, or undefined when there is none. */
function readRawConfig(projectRoot: string): Record<string, unknown> | undefined {
  const configPath = path.join(projectRoot, GRAPHQL_CONFIG_FILENAME);
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const YAML = require('yaml') as typeof import('yaml');
  let parsed: unknown;
  try {
    parsed = YAML.parse(text);
  } catch (cause) {
    throw configError(configPath, `not valid YAML (${(cause as Error).message.split('\n')[0]})`, cause);
  }
  if (parsed === null || parsed === undefined) return {};
  if (!isRecord(parsed)) throw configError(configPath, 'the top level must be a mapping with "projects"');
  return parsed;
}

/** The codegen projects of `.graphqlconfig.yml` (none when the file does not exist), validated. */
export function readCodegenProjects(projectRoot: string): CodegenProject[] {
  const raw = readRawConfig(projectRoot);
  if (!raw || raw.projects === undefined || raw.projects === null) return [];
  const configPath = path.join(projectRoot, GRAPHQL_CONFIG_FILENAME);
  if (!isRecord(raw.projects)) throw configError(configPath, '"projects" must be a mapping of project names');
  return Object.entries(raw.projects).map(([name, project]) => parseProject(name, project, configPath));
}

function toRawProject(project: CodegenProject, previous: unknown): Record<string, unknown> {
  const base = isRecord(previous) ? previous : {};
  const previousExtensions = isRecord(base.extensions) ? base.extensions : {};
  const previousAmplify = isRecord(previousExtensions.amplify) ? previousExtensions.amplify : {};
  const amplify: Record<string, unknown> = Object.fromEntries(Object.entries(previousAmplify).filter(([key]) => !(EXTENSION_KEYS as readonly string[]).includes(key)));
  for (const key of EXTENSION_KEYS) {
    if (project.amplifyExtension[key] !== undefined) amplify[key] = project.amplifyExtension[key];
  }
  const toPosix = (value: string): string => value.split(path.sep).join('/');
  return {
    ...base,
    schemaPath: toPosix(project.schemaPath),
    includes: project.includes.map(toPosix),
    excludes: project.excludes.map(toPosix),
    extensions: { ...previousExtensions, amplify: { ...amplify, docsFilePath: toPosix(project.amplifyExtension.docsFilePath), generatedFileName: toPosix(project.amplifyExtension.generatedFileName) } },
  };
}

/**
 * Writes `projects` (replacing the file's project list) in the original's layout; keys a user added to a project or
 * to the file are kept.
 */
export function writeCodegenProjects(projectRoot: string, projects: CodegenProject[]): void {
  const raw = readRawConfig(projectRoot) ?? {};
  const previousProjects = isRecord(raw.projects) ? raw.projects : {};
  const rawProjects = Object.fromEntries(projects.map((project) => [project.projectName, toRawProject(project, previousProjects[project.projectName])]));
  const extensions = isRecord(raw.extensions) ? raw.extensions : {};
  const document = { ...raw, projects: rawProjects, extensions: { ...extensions, amplify: { version: 3, ...(isRecord(extensions.amplify) ? extensions.amplify : {}) } } };
  const YAML = require('yaml') as typeof import('yaml');
  // Single quotes where quoting is needed, as the original writes `generatedFileName: ''`.
  writeFileAtomic(path.join(projectRoot, GRAPHQL_CONFIG_FILENAME), YAML.stringify(document, { singleQuote: true }));
}

/** Adds `project`, or replaces the entry of the same name. */
export function saveCodegenProject(projectRoot: string, project: CodegenProject): void {
  const others = readCodegenProjects(projectRoot).filter((existing) => existing.projectName !== project.projectName);
  writeCodegenProjects(projectRoot, [...others, project]);
}
