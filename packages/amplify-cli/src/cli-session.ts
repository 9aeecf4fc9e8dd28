import type { AmplifyContext } from 'amplify-cli-core';
import type { CliEnvironment } from './cli-environment';
import type { Printer } from './output/printer';
import type { PluginRegistry } from './platform/plugin-registry';

/** The binary's own services for one run: where it runs, which plugins exist, how it prints. */
export interface CliSession {
  environment: CliEnvironment;
  registry: PluginRegistry;
  printer: Printer;
  /** The running CLI's package.json (name and version). */
  cliPackage: { name: string; version: string };
}

/** What core commands receive: the plugin context plus the session, which is not part of the plugin contract. */
export interface CoreCommandContext extends AmplifyContext {
  session: CliSession;
}
