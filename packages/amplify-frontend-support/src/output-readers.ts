import { FrontendResource, outputString } from './frontend-resources';
import { isJsonObject } from './json-value';

/** The hosted UI domain as the client libraries want it: a bare host name. */
export function hostedUiDomain(cognito: FrontendResource, region: string): string | undefined {
  const prefix = outputString(cognito, 'HostedUIDomain');
  return prefix === undefined ? undefined : `${prefix}.auth.${region}.amazoncognito.com`;
}

/** Cognito's OAuth settings, which the auth stack outputs as a JSON string. */
export interface OAuthMetadata {
  AllowedOAuthFlows?: string[];
  AllowedOAuthScopes?: string[];
  CallbackURLs?: string[];
  LogoutURLs?: string[];
}

export function oauthMetadata(cognito: FrontendResource): OAuthMetadata | undefined {
  const raw = cognito.output.OAuthMetadata;
  const parsed: unknown = typeof raw === 'string' && raw !== '' ? JSON.parse(raw) : raw;
  return isJsonObject(parsed) ? (parsed as OAuthMetadata) : undefined;
}

/** The default authorization mode of an AppSync API: legacy projects store `securityType`, newer ones `authConfig`. */
export function appSyncDefaultAuthMode(api: FrontendResource): string | undefined {
  const securityType = outputString(api, 'securityType');
  if (securityType !== undefined) {
    return securityType;
  }
  const authConfig = api.output.authConfig;
  if (isJsonObject(authConfig) && isJsonObject(authConfig.defaultAuthentication)) {
    const mode = authConfig.defaultAuthentication.authenticationType;
    return typeof mode === 'string' ? mode : undefined;
  }
  return undefined;
}

/** The additional authorization modes of an AppSync API, in the order they were configured. */
export function appSyncAdditionalAuthModes(api: FrontendResource): string[] {
  const authConfig = api.output.authConfig;
  const providers = isJsonObject(authConfig) ? authConfig.additionalAuthenticationProviders : undefined;
  if (!Array.isArray(providers)) {
    return [];
  }
  return providers.flatMap((p) => (isJsonObject(p) && typeof p.authenticationType === 'string' ? [p.authenticationType] : []));
}

/** Settings of a Pinpoint channel (`APNS`, `FCM`, `Email`, `SMS`, `InAppMessaging`) when it is enabled. */
export function enabledChannel(pinpoint: FrontendResource, channel: string): Record<string, unknown> | undefined {
  const settings = pinpoint.output[channel];
  return isJsonObject(settings) && settings.Enabled === true ? settings : undefined;
}

/**
 * The Pinpoint app that analytics and notifications resources share, as the legacy config files name it: the first
 * app id any resource outputs, and the first region (else the project's).
 */
export function sharedPinpointApp(pinpoint: FrontendResource[], region: string): { appId?: string; region: string } {
  return {
    appId: pinpoint.map((resource) => outputString(resource, 'Id')).find((id) => id !== undefined),
    region: pinpoint.map((resource) => outputString(resource, 'Region')).find((r) => r !== undefined) ?? region,
  };
}
