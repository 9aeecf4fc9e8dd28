/** Programmatic entry of the amplify CLI package (the binary is `bin/amplify`). */
export { runCli, main, EXIT_FAILURE, EXIT_SUCCESS } from './cli';
export type { CliEnvironment, InputStream } from './cli-environment';
export type { CliSession, CoreCommandContext } from './cli-session';
export type { CoreCommandModule } from './commands';
export { resolveGlobalPrefix, globalNodeModulesDir } from './platform/global-prefix';
