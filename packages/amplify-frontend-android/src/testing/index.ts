/**
 * Test support shared by the frontend packages (`amplify-frontend-android/testing`): a context over the real core
 * state, a scripted prompter, the files of an initialised project, the outputs of a pushed project, and the check of
 * a frontend package as the platform discovers it. Not part of the main entry, so the plugin never loads it.
 */
export { makeTempDir, removeDir, scriptedPrompter, testContext, writeProject } from './test-project';
export type { Printed, TestContextOptions } from './test-project';
export { pushedResources } from './pushed-resources';
export { metaOf } from './pushed-meta';
export { FRONTEND_CONTRACT_FUNCTIONS, inspectFrontendPluginPackage } from './frontend-plugin-package';
export type { FrontendPluginPackage } from './frontend-plugin-package';
