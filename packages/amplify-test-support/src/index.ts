/**
 * What the workspace's tests share (a private package, not a plugin: it has no manifest and is never published).
 * Tests import it by its name; unit and end-to-end tests both run its TypeScript sources (jest.config.js maps it).
 */
export { cleanupTempDirs, makeTempDir, removeDir } from './temp-dir';
export { rejectedAmplifyError, thrownAmplifyError } from './caught-errors';
export { createFixtureProject, createTempProject, readJson, readProjectFile, writeProjectFile, writeTableInputs } from './fixture-project';
export type { FixtureProjectOptions } from './fixture-project';
export { writePackage } from './package-folder';
export type { PackageSpec } from './package-folder';
export { AMPLIFY_BIN, AmplifySandbox, AppSandbox, DEMO_PLUGIN_DIR, GENERAL_PROVIDERS, LocalCloudProcess, runProcess, snapshotDir } from './amplify-sandbox';
export type { RunResult, SdkConfig } from './amplify-sandbox';
export { KEY, plain, runInTerminal } from './pseudo-terminal';
export {
  findOriginalCli,
  OriginalCli,
  originalCiLines,
  originalCliCacheDir,
  originalWalkthroughs,
  ORIGINAL_CLI_PACKAGE,
  ORIGINAL_CLI_VARIABLE,
  ORIGINAL_CLI_VERSION,
  projectProviders,
} from './original-cli';
export type { CloudTarget, OriginalCliLocation } from './original-cli';
export type { ScriptedAnswer } from './pseudo-terminal';
export { scriptedPrompter, testContext, writeProject } from './frontend/test-context';
export type { Printed, TestContextOptions } from './frontend/test-context';
export { pushedResources } from './frontend/pushed-resources';
export { metaOf } from './frontend/pushed-meta';
export { FRONTEND_CONTRACT_FUNCTIONS, inspectFrontendPluginPackage } from './frontend/frontend-plugin-package';
export type { FrontendPluginPackage } from './frontend/frontend-plugin-package';
