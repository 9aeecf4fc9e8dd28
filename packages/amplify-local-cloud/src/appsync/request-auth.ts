import * as crypto from 'crypto';
import { readSigV4 } from '../server/sigv4';
import { verifySigV4 } from '../server/sigv4-verifier';
import { LOCAL_USER_ARN, LOCAL_USER_ID } from '../sts/sts-api';
import { NOT_AUTHORIZED_MESSAGE, RequestRefusal } from './appsync-errors';
import type { ApiKeyRecord, AuthMode, AuthProvider, GraphQlApiRecord } from './appsync-registry';
import { decodeJwt } from './jwt';
import { OidcVerifier } from './oidc-verifier';
import type { AppSyncPorts } from './ports';

/** The caller of one request or subscription, as resolvers see it (`$ctx.identity`, `$util.authType()`). */
export interface Caller {
  mode: AuthMode;
  identity: Record<string, unknown> | null;
  /** Cognito groups, for `@aws_cognito_user_pools(cognito_groups: [...])`. */
  groups: string[];
  /** Fields a Lambda authorizer denied (`TypeName.fieldName`). */
  deniedFields: string[];
}

/** What a request carries for authorization: lower-case header names; the signed request for IAM. */
export interface AuthRequest {
  headers: Record<string, string>;
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
  /** For Lambda authorizers: the GraphQL request being authorized. */
  graphql?: { query?: string; operationName?: string | null; variables?: unknown };
}

const SOURCE_IP = ['127.0.0.1'];
/** Lambda authorizer answers kept for their TTL; beyond this many, expired ones (or all) are dropped. */
const MAX_CACHED_AUTHORIZATIONS = 1000;

interface CachedAuthorization {
  caller: Caller;
  expiresAt: number;
}

/** Decides who calls an API, by AppSync's rules: the API key header, a SigV4 signature, or a token. */
export class RequestAuthenticator {
  private readonly oidc = new OidcVerifier();
  private readonly lambdaResults = new Map<string, CachedAuthorization>();

  constructor(private readonly ports: AppSyncPorts) {}

  async authenticate(api: GraphQlApiRecord, apiKeys: readonly ApiKeyRecord[], request: AuthRequest, now: Date = new Date()): Promise<Caller> {
    const providerOf = (mode: AuthMode) => api.authProviders.find((provider) => provider.authenticationType === mode);
    const apiKey = request.headers['x-api-key'];
    const authorization = request.headers.authorization;
    if (apiKey !== undefined && providerOf('API_KEY') !== undefined && (authorization === undefined || authorization === '')) {
      const key = apiKeys.find((candidate) => candidate.key === apiKey);
      if (key === undefined || key.expires * 1000 <= now.getTime()) throw new RequestRefusal(401, 'UnauthorizedException', NOT_AUTHORIZED_MESSAGE);
      return { mode: 'API_KEY', identity: null, groups: [], deniedFields: [] };
    }
    if (authorization === undefined || authorization === '') {
      throw new RequestRefusal(401, 'UnauthorizedException', apiKey !== undefined ? NOT_AUTHORIZED_MESSAGE : 'Missing authorization header');
    }
    if (authorization.startsWith('AWS4-HMAC-SHA256 ')) {
      if (providerOf('AWS_IAM') === undefined) throw new RequestRefusal(401, 'UnauthorizedException', NOT_AUTHORIZED_MESSAGE);
      return this.iam(api, request, now);
    }
    const claims = decodeJwt(authorization)?.claims;
    const issuer = typeof claims?.iss === 'string' ? claims.iss.replace(/\/$/, '') : undefined;
    if (issuer !== undefined) {
      const userPool = api.authProviders.find(
        (provider) => provider.authenticationType === 'AMAZON_COGNITO_USER_POOLS' && issuer.endsWith(`/${provider.userPoolConfig?.userPoolId ?? ''}`),
      );
      if (userPool !== undefined) return this.userPool(userPool, authorization);
      const oidc = api.authProviders.find(
        (provider) => provider.authenticationType === 'OPENID_CONNECT' && provider.openIdConnectConfig?.issuer.replace(/\/$/, '') === issuer,
      );
      if (oidc !== undefined) return this.openIdConnect(oidc, authorization, now);
    }
    const lambda = providerOf('AWS_LAMBDA');
    if (lambda !== undefined) return this.lambdaAuthorizer(api, lambda, authorization, request, now);
    throw new RequestRefusal(401, 'UnauthorizedException', 'Valid authorization header not provided.');
  }

  private iam(api: GraphQlApiRecord, request: AuthRequest, now: Date): Caller {
    const auth = readSigV4(request.headers, request.query, now);
    if (auth.type !== 'signed') {
      throw new RequestRefusal(403, auth.type === 'expired' ? 'InvalidSignatureException' : 'IncompleteSignatureException', auth.type === 'missing' ? 'Missing authorization header' : auth.message);
    }
    if (auth.scope.service !== 'appsync') {
      throw new RequestRefusal(403, 'InvalidSignatureException', "Credential should be scoped to correct service: 'appsync'.");
    }
    const verified = verifySigV4({ method: request.method, path: request.path, query: request.query, headers: request.headers, body: request.body }, auth, this.ports.signingKeys, now);
    switch (verified.type) {
      case 'unknown-key':
        throw new RequestRefusal(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
      case 'skewed':
        throw new RequestRefusal(403, 'InvalidSignatureException', verified.message);
      case 'mismatch':
        throw new RequestRefusal(
          403,
          'InvalidSignatureException',
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
        );
      case 'verified':
        break;
    }
    const accessKeyId = auth.scope.accessKeyId;
    const session = this.ports.callers?.lookup(accessKeyId);
    const base = { accountId: api.accountId, sourceIp: SOURCE_IP, cognitoIdentityPoolId: null, cognitoIdentityId: null, cognitoIdentityAuthType: null, cognitoIdentityAuthProvider: null };
    if (session === undefined) {
      // A key of no role session (the instance's own): the local IAM user STS reports for it.
      return { mode: 'AWS_IAM', identity: { ...base, userArn: LOCAL_USER_ARN, username: LOCAL_USER_ID }, groups: [], deniedFields: [] };
    }
    const roleName = session.roleArn.split('/').pop() ?? session.roleArn;
    const sessionName = session.sessionName ?? 'CognitoIdentityCredentials';
    return {
      mode: 'AWS_IAM',
      identity: {
        ...base,
        cognitoIdentityPoolId: session.identityPoolId ?? null,
        cognitoIdentityId: session.identityId ?? null,
        cognitoIdentityAuthType: session.authType ?? null,
        cognitoIdentityAuthProvider: session.authProvider ?? null,
        userArn: `arn:aws:sts::${api.accountId}:assumed-role/${roleName}/${sessionName}`,
        username: `${roleName}:${sessionName}`,
      },
      groups: [],
      deniedFields: [],
    };
  }

  private async userPool(provider: AuthProvider, token: string): Promise<Caller> {
    const config = provider.userPoolConfig!;
    if (this.ports.userPools === undefined) {
      throw new RequestRefusal(401, 'UnauthorizedException', 'Valid authorization header not provided. (The local cloud has no user pool service to verify the token with.)');
    }
    const result = await this.ports.userPools.verify(config.userPoolId, token);
    if (result.type === 'expired') throw new RequestRefusal(401, 'UnauthorizedException', 'Token has expired.');
    if (result.type === 'invalid') throw new RequestRefusal(401, 'UnauthorizedException', 'Valid authorization header not provided.');
    const claims = result.claims;
    if (config.appIdClientRegex) {
      const clientId = String(claims.aud ?? claims.client_id ?? '');
      if (!new RegExp(`^(?:${config.appIdClientRegex})$`).test(clientId)) throw new RequestRefusal(401, 'UnauthorizedException', NOT_AUTHORIZED_MESSAGE);
    }
    const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]).map(String) : [];
    return {
      mode: 'AMAZON_COGNITO_USER_POOLS',
      identity: {
        sub: claims.sub ?? null,
        issuer: claims.iss ?? null,
        username: claims['cognito:username'] ?? claims.username ?? null,
        claims,
        sourceIp: SOURCE_IP,
        defaultAuthStrategy: 'ALLOW',
        groups: groups.length > 0 ? groups : null,
      },
      groups,
      deniedFields: [],
    };
  }

  private async openIdConnect(provider: AuthProvider, token: string, now: Date): Promise<Caller> {
    const result = await this.oidc.verify(provider.openIdConnectConfig!, token, now);
    if (result.type === 'expired') throw new RequestRefusal(401, 'UnauthorizedException', 'Token has expired.');
    if (result.type === 'invalid') throw new RequestRefusal(401, 'UnauthorizedException', `Valid authorization header not provided. (${result.reason})`);
    return { mode: 'OPENID_CONNECT', identity: { sub: result.claims.sub ?? null, issuer: result.claims.iss ?? null, claims: result.claims }, groups: [], deniedFields: [] };
  }

  private async lambdaAuthorizer(api: GraphQlApiRecord, provider: AuthProvider, token: string, request: AuthRequest, now: Date): Promise<Caller> {
    const config = provider.lambdaAuthorizerConfig!;
    if (config.identityValidationExpression && !new RegExp(`^(?:${config.identityValidationExpression})$`).test(token)) {
      throw new RequestRefusal(401, 'UnauthorizedException', NOT_AUTHORIZED_MESSAGE);
    }
    const cacheKey = `${api.apiId}\n${token}`;
    const cached = this.lambdaResults.get(cacheKey);
    if (cached !== undefined && cached.expiresAt > now.getTime()) return cached.caller;
    if (this.ports.lambda === undefined) {
      throw new RequestRefusal(401, 'UnauthorizedException', 'The local cloud has no Lambda service to run the API\'s authorizer with.');
    }
    let answer: unknown;
    try {
      answer = await this.ports.lambda.invoke(config.authorizerUri, {
        authorizationToken: token,
        requestContext: {
          apiId: api.apiId,
          accountId: api.accountId,
          requestId: crypto.randomUUID(),
          queryString: request.graphql?.query ?? '',
          operationName: request.graphql?.operationName ?? null,
          variables: request.graphql?.variables ?? {},
        },
        requestHeaders: request.headers,
      });
    } catch {
      throw new RequestRefusal(401, 'UnauthorizedException', NOT_AUTHORIZED_MESSAGE);
    }
    const result = (typeof answer === 'object' && answer !== null ? answer : {}) as {
      isAuthorized?: boolean;
      resolverContext?: Record<string, unknown>;
      deniedFields?: string[];
      ttlOverride?: number;
    };
    if (result.isAuthorized !== true) throw new RequestRefusal(401, 'UnauthorizedException', NOT_AUTHORIZED_MESSAGE);
    const caller: Caller = {
      mode: 'AWS_LAMBDA',
      identity: { resolverContext: result.resolverContext ?? {} },
      groups: [],
      deniedFields: (result.deniedFields ?? []).map((field) => field.replace(/^arn:aws:appsync:[^:]*:[^:]*:apis\/[^/]+\/types\/([^/]+)\/fields\/(.+)$/, '$1.$2')),
    };
    const ttl = result.ttlOverride ?? config.authorizerResultTtlInSeconds ?? 300;
    if (ttl > 0) {
      if (this.lambdaResults.size >= MAX_CACHED_AUTHORIZATIONS) {
        for (const [key, entry] of this.lambdaResults) if (entry.expiresAt <= now.getTime()) this.lambdaResults.delete(key);
        if (this.lambdaResults.size >= MAX_CACHED_AUTHORIZATIONS) this.lambdaResults.clear();
      }
      this.lambdaResults.set(cacheKey, { caller, expiresAt: now.getTime() + ttl * 1000 });
    }
    return caller;
  }
}
