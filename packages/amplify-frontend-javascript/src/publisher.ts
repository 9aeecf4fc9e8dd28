import * as path from 'path';
import { AmplifyError, getCategoryResources } from 'amplify-cli-core';
import type { AmplifyMeta } from 'amplify-cli-core';
import { describeFailure, runCommandLine } from './command-runner';
import { JavascriptFrontendConfig } from './frameworks';

/** Hosting services a javascript app can be published to, in the order they are published. */
export const PUBLISHABLE_HOSTING_SERVICES = ['S3AndCloudFront', 'amplifyhosting'] as const;

/** What the hosting category plugin offers for publishing. */
export interface HostingPublisher<C> {
  publish(context: C, args: { service: string; distributionDirPath: string }): Promise<unknown>;
}

function isHostingPublisher<C>(plugin: unknown): plugin is HostingPublisher<C> {
  return typeof plugin === 'object' && plugin !== null && typeof (plugin as { publish?: unknown }).publish === 'function';
}

/** The hosting services of the project that can take a build, or an error telling how to add one. */
export function hostingServicesOf(meta: AmplifyMeta): string[] {
  const present = new Set(Object.values(getCategoryResources(meta, 'hosting')).map((resource) => resource.service));
  const services = PUBLISHABLE_HOSTING_SERVICES.filter((service) => present.has(service));
  if (services.length === 0) {
    throw new AmplifyError('HostingNotEnabled', 'No hosting services are enabled for this javascript project', {
      resolution: 'Run "amplify add hosting" and "amplify push", then "amplify publish" again',
    });
  }
  return services;
}

/** Runs the BuildCommand; a failed build stops the publish so a broken app never goes out (and the exit code says so). */
export async function buildApp(projectPath: string, config: JavascriptFrontendConfig): Promise<void> {
  const result = await runCommandLine(config.BuildCommand, projectPath);
  if (result.exitCode !== 0) {
    throw new AmplifyError('FrontendBuildFailed', `The build command "${config.BuildCommand}" ${describeFailure(result)}`, {
      resolution: 'Fix the build errors above, or change the build command with "amplify configure project"',
    });
  }
}

export interface PublishOptions<C> {
  /** Handed on to the hosting plugin, which needs the whole command context. */
  context: C;
  /** The hosting category plugin's main module, if one is installed. */
  hostingPlugin: unknown;
  projectPath: string;
  config: JavascriptFrontendConfig;
  meta: AmplifyMeta;
}

/** `amplify publish`, frontend part: build once, then hand the distribution folder to each hosting service. */
export async function publishApp<C>({ context, hostingPlugin, projectPath, config, meta }: PublishOptions<C>): Promise<void> {
  const services = hostingServicesOf(meta);
  await buildApp(projectPath, config);
  const hosting = hostingPlugin;
  if (!isHostingPublisher<C>(hosting)) {
    throw new AmplifyError('HostingPluginMissing', 'No installed hosting plugin can publish the app', {
      resolution: 'Install the hosting category plugin (amplify-category-hosting) and run "amplify plugin scan"',
    });
  }
  const distributionDirPath = path.join(projectPath, config.DistributionDir);
  for (const service of services) {
    await hosting.publish(context, { service, distributionDirPath });
  }
}
