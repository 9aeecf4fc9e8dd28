import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import type { MetaFile, TeamProviderInfoFile } from './project-types';

/** The folders of one project that the provider works in (reference §2.1). */
export class ProjectPaths {
  constructor(readonly projectRoot: string) {}

  get amplifyDir(): string {
    return path.join(this.projectRoot, 'amplify');
  }
  get dotConfigDir(): string {
    return path.join(this.amplifyDir, '.config');
  }
  get backendDir(): string {
    return path.join(this.amplifyDir, 'backend');
  }
  get currentCloudBackendDir(): string {
    return path.join(this.amplifyDir, '#current-cloud-backend');
  }
  get metaFile(): string {
    return path.join(this.backendDir, 'amplify-meta.json');
  }
  get currentMetaFile(): string {
    return path.join(this.currentCloudBackendDir, 'amplify-meta.json');
  }
  get backendConfigFile(): string {
    return path.join(this.backendDir, 'backend-config.json');
  }
  get currentBackendConfigFile(): string {
    return path.join(this.currentCloudBackendDir, 'backend-config.json');
  }
  get teamProviderInfoFile(): string {
    return path.join(this.amplifyDir, 'team-provider-info.json');
  }
  get localAwsInfoFile(): string {
    return path.join(this.dotConfigDir, 'local-aws-info.json');
  }
  get localEnvInfoFile(): string {
    return path.join(this.dotConfigDir, 'local-env-info.json');
  }
  get rootTemplateFile(): string {
    return path.join(this.backendDir, 'awscloudformation', 'nested-cloudformation-stack.yml');
  }
  resourceDir(category: string, resourceName: string): string {
    return path.join(this.backendDir, category, resourceName);
  }
  /** A scratch folder under amplify/ for zips on their way in or out; removed after use. */
  tempDir(): string {
    return path.join(this.amplifyDir, '.temp');
  }
}

export function readJson<T>(file: string): T | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new AmplifyError('ProjectFileInvalid', `${file} is not valid JSON.`, {
      resolution: 'Fix the file (or restore it from version control) and run the command again.',
      cause,
    });
  }
}

/** Readers see the old or the new file, never half of one: write a temp file beside it, then rename. */
export function writeJson(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`);
  fs.renameSync(temp, file);
}

/**
 * Typed access to the project files the provider owns a part of. Every read is fresh from disk: the core and
 * the categories write the same files between the provider's calls.
 */
export class ProjectFiles {
  readonly paths: ProjectPaths;

  constructor(projectRoot: string) {
    this.paths = new ProjectPaths(projectRoot);
  }

  readMeta(): MetaFile {
    return readJson<MetaFile>(this.paths.metaFile) ?? {};
  }
  writeMeta(meta: MetaFile): void {
    writeJson(this.paths.metaFile, meta);
  }
  readCurrentMeta(): MetaFile {
    return readJson<MetaFile>(this.paths.currentMetaFile) ?? {};
  }
  writeCurrentMeta(meta: MetaFile): void {
    writeJson(this.paths.currentMetaFile, meta);
  }
  readTeamProviderInfo(): TeamProviderInfoFile {
    return readJson<TeamProviderInfoFile>(this.paths.teamProviderInfoFile) ?? {};
  }
  writeTeamProviderInfo(info: TeamProviderInfoFile): void {
    writeJson(this.paths.teamProviderInfoFile, info);
  }
  readLocalAwsInfo(): Record<string, unknown> {
    return readJson<Record<string, unknown>>(this.paths.localAwsInfoFile) ?? {};
  }
  writeLocalAwsInfo(info: Record<string, unknown>): void {
    writeJson(this.paths.localAwsInfoFile, info);
  }
  readResourceParameters(category: string, resourceName: string): Record<string, unknown> {
    const dir = this.paths.resourceDir(category, resourceName);
    // A category build step (e.g. the GraphQL transformer) may leave final parameters in build/.
    return readJson<Record<string, unknown>>(path.join(dir, 'build', 'parameters.json')) ?? readJson<Record<string, unknown>>(path.join(dir, 'parameters.json')) ?? {};
  }
  writeResourceParameters(category: string, resourceName: string, parameters: Record<string, unknown>): void {
    writeJson(path.join(this.paths.resourceDir(category, resourceName), 'parameters.json'), parameters);
  }
  currentEnvName(): string {
    const info = readJson<{ envName?: string }>(this.paths.localEnvInfoFile);
    if (!info?.envName) {
      throw new AmplifyError('EnvironmentNotInitialized', `No current env in ${this.paths.localEnvInfoFile}.`, {
        resolution: 'Run "amplify env checkout <name>" or "amplify init" to select an env.',
      });
    }
    return info.envName;
  }
}
