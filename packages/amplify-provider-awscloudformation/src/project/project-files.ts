import * as path from 'path';
import { type AmplifyMeta, type LocalAwsInfo, type TeamProviderInfo, pathManager, readJsonFile, stateManager, syncBackendConfigParameters, writeJsonFile } from 'amplify-cli-core';

/** The folders and generated files of one project that the provider works in. */
export class ProjectPaths {
  constructor(readonly projectRoot: string) {}

  get amplifyDir(): string {
    return pathManager.getAmplifyDirPath(this.projectRoot);
  }
  get backendDir(): string {
    return pathManager.getBackendDirPath(this.projectRoot);
  }
  get currentCloudBackendDir(): string {
    return pathManager.getCurrentCloudBackendDirPath(this.projectRoot);
  }
  /** The root template of the last push (JSON despite the name, as the original wrote it). */
  get rootTemplateFile(): string {
    return path.join(this.backendDir, 'awscloudformation', 'nested-cloudformation-stack.yml');
  }
  resourceDir(category: string, resourceName: string): string {
    return pathManager.getResourceDirectoryPath(this.projectRoot, category, resourceName);
  }
}

/**
 * The project files as the provider reads and writes them, through the core's state accessor (fresh reads,
 * atomic writes). Missing files read as empty: the provider runs during init, before all of them exist.
 */
export class ProjectFiles {
  readonly paths: ProjectPaths;

  constructor(readonly projectRoot: string) {
    this.paths = new ProjectPaths(projectRoot);
  }

  readMeta(): AmplifyMeta {
    return stateManager.getMeta(this.projectRoot, { default: {} });
  }
  writeMeta(meta: AmplifyMeta): void {
    stateManager.setMeta(this.projectRoot, meta);
  }
  readCurrentMeta(): AmplifyMeta {
    return stateManager.getCurrentMeta(this.projectRoot, { default: {} });
  }
  writeCurrentMeta(meta: AmplifyMeta): void {
    stateManager.setCurrentMeta(this.projectRoot, meta);
  }
  readTeamProviderInfo(): TeamProviderInfo {
    return stateManager.getTeamProviderInfo(this.projectRoot, { default: {} });
  }
  writeTeamProviderInfo(info: TeamProviderInfo): void {
    stateManager.setTeamProviderInfo(this.projectRoot, info);
    // Function code locations and other env values are listed in backend-config's parameters, as the original does.
    if (stateManager.localEnvInfoExists(this.projectRoot)) syncBackendConfigParameters(this.projectRoot, info, stateManager.getCurrentEnvName(this.projectRoot));
  }
  /** local-aws-info.json (per machine); entries are still checked by `parseAwsConfigInfo` before use: people edit it. */
  readLocalAwsInfo(): LocalAwsInfo {
    return stateManager.getLocalAWSInfo(this.projectRoot, { default: {} });
  }
  writeLocalAwsInfo(info: LocalAwsInfo): void {
    stateManager.setLocalAWSInfo(this.projectRoot, info);
  }
  readResourceParameters(category: string, resourceName: string): Record<string, unknown> {
    // A category build step (e.g. the GraphQL transformer) may leave final parameters in build/.
    const built = readJsonFile<Record<string, unknown>>(path.join(this.paths.resourceDir(category, resourceName), 'build', 'parameters.json'), {
      throwIfNotExist: false,
    });
    return built ?? stateManager.getResourceParametersJson(this.projectRoot, category, resourceName);
  }
  writeResourceParameters(category: string, resourceName: string, parameters: Record<string, unknown>): void {
    stateManager.setResourceParametersJson(this.projectRoot, category, resourceName, parameters);
  }
  writeRootTemplate(template: unknown): void {
    writeJsonFile(this.paths.rootTemplateFile, template);
  }
  /** `backend/tags.json`; none when absent (projects from before tags existed). */
  readProjectTags(): Array<{ Key: string; Value: string }> {
    return stateManager.getProjectTags(this.projectRoot, { default: [] });
  }
  projectName(): string {
    return stateManager.getProjectConfig(this.projectRoot).projectName;
  }
  currentEnvName(): string {
    return stateManager.getCurrentEnvName(this.projectRoot);
  }
  currentEnvNameIfAny(): string | undefined {
    return stateManager.getLocalEnvInfo(this.projectRoot, { throwIfNotExist: false })?.envName;
  }
}
