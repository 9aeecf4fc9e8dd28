import { AmplifyError, listResources } from 'amplify-cli-core';
import type { AmplifyMeta, FrontendOutputs, ResourceMeta } from 'amplify-cli-core';
import { isJsonObject } from './json-value';

/**
 * What a frontend receives after a push: the awscloudformation provider's metadata and every pushed resource grouped
 * by service name (reference §6.1, the original's `outputsForFrontend`). Generators dispatch on the service name.
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
}

/** A string output, or undefined when the stack did not produce it. */
export function outputString(resource: FrontendResource, key: string): string | undefined {
  const value = resource.output[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The core hands frontends its `FrontendOutputs` (meta entries grouped by service). This narrows them to what the
 * generators read. `nameOf` supplies a resource's name when the entry does not carry one.
 */
export function toFrontendResources(outputs: FrontendOutputs, nameOf: (entry: ResourceMeta) => string): FrontendResources {
  const region = outputs.metadata?.Region;
  if (typeof region !== 'string' || region === '') {
    throw new AmplifyError('ProjectRegionUnknown', 'amplify-meta.json names no region for the awscloudformation provider', {
      resolution: 'Run "amplify init" (or "amplify pull" in a cloned project) so the backend is set up',
    });
  }
  const serviceResourceMapping: Record<string, FrontendResource[]> = {};
  for (const [service, entries] of Object.entries(outputs.serviceResourceMapping)) {
    serviceResourceMapping[service] = entries.map((entry) => ({
      service,
      resourceName: typeof entry.resourceName === 'string' ? entry.resourceName : nameOf(entry),
      output: entry.output ?? {},
      frontendAuthConfig: isJsonObject(entry.frontendAuthConfig) ? (entry.frontendAuthConfig as FrontendAuthConfig) : undefined,
      customAuth: entry.customAuth === true,
      authorizationType: typeof entry.authorizationType === 'string' ? entry.authorizationType : undefined,
      testMode: entry.testMode === true || outputs.testMode,
    }));
  }
  return { metadata: { Region: region }, serviceResourceMapping, testMode: outputs.testMode };
}

/**
 * Names meta entries that arrive without their name, by finding the same entry (same service and outputs) in the
 * project's meta; the service name stands in when the entry is not there.
 */
export function resourceNamesFrom(...metas: Array<AmplifyMeta | undefined>): (entry: ResourceMeta) => string {
  return (entry) => {
    const output = JSON.stringify(entry.output ?? {});
    for (const meta of metas) {
      for (const [, name, candidate] of meta ? listResources(meta) : []) {
        if (candidate === entry || (candidate.service === entry.service && JSON.stringify(candidate.output ?? {}) === output)) {
          return name;
        }
      }
    }
    return entry.service;
  };
}
