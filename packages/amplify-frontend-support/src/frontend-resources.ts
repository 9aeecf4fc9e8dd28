import { AmplifyError, listResources } from 'amplify-cli-core';
import type { AmplifyMeta, BackendConfig, FrontendOutputs, ResourceMeta } from 'amplify-cli-core';
import { isJsonObject } from './json-value';

/**
 * What a frontend receives after a push: the awscloudformation provider's metadata and every pushed resource grouped
 * by service name (the original's `outputsForFrontend`). Generators dispatch on the service name.
 */
export interface FrontendAuthConfig {
  socialProviders?: string[];
  usernameAttributes?: string[];
  signupAttributes?: string[];
  passwordProtectionSettings?: { passwordPolicyMinLength?: number; passwordPolicyCharacters?: string[] };
  mfaConfiguration?: string;
  mfaTypes?: string[];
  verificationMechanisms?: string[];
}

export interface FrontendResource {
  service: string;
  resourceName: string;
  /** The nested stack's outputs; mostly strings, but AppSync keeps its `authConfig` object here. */
  output: Record<string, unknown>;
  /** Auth only: how the user pool is set up, for the client libraries' sign-up and sign-in screens. */
  frontendAuthConfig?: FrontendAuthConfig;
  /** Auth only: a custom authentication flow replaces SRP. */
  customAuth?: boolean;
  /** REST only: how requests are authorised, when not IAM. */
  authorizationType?: string;
  /** Set by local mocking: the client may talk plain HTTP to a local endpoint. */
  testMode?: boolean;
}

export interface FrontendResources {
  metadata: { Region: string };
  serviceResourceMapping: Record<string, FrontendResource[]>;
  testMode?: boolean;
  /** The https origin of the local cloud the env is deployed to; absent for envs on AWS. */
  localCloudEndpoint?: string;
}

/** A string output, or undefined when the stack did not produce it. */
export function outputString(resource: FrontendResource, key: string): string | undefined {
  const value = resource.output[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What the project's files say about the resources behind the outputs. */
export interface ProjectResources {
  /** The resource's name, for meta entries that arrive without one. */
  nameOf(entry: ResourceMeta): string;
  /** Outputs the category recorded when the resource was added (e.g. AppSync's `authConfig`). */
  addTimeOutputOf(service: string, resourceName: string): Record<string, unknown>;
}

/**
 * The core hands frontends its `FrontendOutputs` (meta entries grouped by service). This narrows them to what the
 * generators read. A resource's output is its add-time output overlaid with the deployed one, which is what the
 * original's meta holds after a push (its meta update merges objects): so AppSync's `authConfig` survives even
 * when a push replaced the meta entry's output with the stack outputs alone.
 */
export function toFrontendResources(outputs: FrontendOutputs, project: ProjectResources): FrontendResources {
  const region = outputs.metadata?.Region;
  if (typeof region !== 'string' || region === '') {
    throw new AmplifyError('ProjectRegionUnknown', 'amplify-meta.json names no region for the awscloudformation provider', {
      resolution: 'Run "amplify init" (or "amplify pull" in a cloned project) so the backend is set up',
    });
  }
  const serviceResourceMapping: Record<string, FrontendResource[]> = {};
  for (const [service, entries] of Object.entries(outputs.serviceResourceMapping)) {
    serviceResourceMapping[service] = entries.map((entry) => {
      const resourceName = typeof entry.resourceName === 'string' ? entry.resourceName : project.nameOf(entry);
      return {
        service,
        resourceName,
        output: { ...project.addTimeOutputOf(service, resourceName), ...entry.output },
        frontendAuthConfig: isJsonObject(entry.frontendAuthConfig) ? (entry.frontendAuthConfig as FrontendAuthConfig) : undefined,
        customAuth: entry.customAuth === true,
        authorizationType: typeof entry.authorizationType === 'string' ? entry.authorizationType : undefined,
        testMode: entry.testMode === true || outputs.testMode,
      };
    });
  }
  return { metadata: { Region: region }, serviceResourceMapping, testMode: outputs.testMode };
}

/**
 * Reads resource names and add-time outputs from the project's metas (local first, then the last deployed one) and
 * backend-config.json. An entry is recognised by identity, else by service and outputs; an unknown entry is named
 * after its service.
 */
export function projectResourcesFrom(metas: Array<AmplifyMeta | undefined>, backendConfig: BackendConfig | undefined): ProjectResources {
  return {
    nameOf(entry) {
      const output = JSON.stringify(entry.output ?? {});
      for (const meta of metas) {
        for (const [, name, candidate] of meta ? listResources(meta) : []) {
          if (candidate === entry || (candidate.service === entry.service && JSON.stringify(candidate.output ?? {}) === output)) {
            return name;
          }
        }
      }
      return entry.service;
    },
    addTimeOutputOf(service, resourceName) {
      for (const resources of Object.values(backendConfig ?? {})) {
        const desired = resources[resourceName];
        if (desired?.service === service && isJsonObject(desired.output)) {
          return desired.output;
        }
      }
      return {};
    },
  };
}
