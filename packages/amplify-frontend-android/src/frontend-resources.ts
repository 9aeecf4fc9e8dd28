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
