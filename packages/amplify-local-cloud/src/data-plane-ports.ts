import type { AppSyncPorts, LambdaInvoker } from './appsync/ports';
import type { UserPoolService } from './cognito/user-pool-service';
import type { LambdaService } from './lambda';
import { LambdaError } from './lambda';
import type { LocalCredentialStore } from './server/credential-store';

/**
 * Lambda `Invoke` (RequestResponse) by ARN through the Lambda data plane, as AppSync resolvers and Cognito triggers
 * call it: answers the function's result; a function error throws with its `errorMessage` (named after its
 * `errorType`), a refusal of the service throws an error named after Lambda's exception.
 */
export function functionInvoker(functions: () => LambdaService | undefined): LambdaInvoker {
  return {
    async invoke(functionArn, payload) {
      const lambda = functions();
      if (lambda === undefined) throw named('ServiceException', 'Lambda is not running in the local cloud yet.');
      let result;
      try {
        result = await lambda.invoke(functionArn, payload);
      } catch (error) {
        if (error instanceof LambdaError) throw named(error.code, error.message);
        throw error;
      }
      const answer: unknown = result.payload === '' ? null : JSON.parse(result.payload);
      if (result.functionError !== undefined) {
        const failure = (answer ?? {}) as { errorType?: unknown; errorMessage?: unknown };
        throw named(String(failure.errorType ?? 'Error'), String(failure.errorMessage ?? 'The function failed.'));
      }
      return answer;
    },
  };
}

/** The other data-plane services as the local AppSync reaches them. */
export function appSyncPorts(
  services: { dynamoDb: AppSyncPorts['dynamodb']; functions: () => LambdaService | undefined; userPools: UserPoolService },
  credentials: LocalCredentialStore,
): Omit<AppSyncPorts, 'signingKeys' | 'accountId'> {
  return {
    dynamodb: services.dynamoDb,
    lambda: functionInvoker(services.functions),
    userPools: {
      async verify(userPoolId, token) {
        const checked = services.userPools.verifyToken(userPoolId, token);
        if (checked.type === 'valid') return { type: 'valid', claims: checked.claims };
        if (checked.type === 'expired') return { type: 'expired' };
        return { type: 'invalid', reason: checked.message };
      },
    },
    callers: {
      lookup(accessKeyId) {
        const session = credentials.roleSessionOf(accessKeyId);
        if (session === undefined) return undefined;
        const identity = session.cognitoIdentity;
        return {
          roleArn: session.roleArn,
          ...(session.sessionName === undefined ? {} : { sessionName: session.sessionName }),
          ...(identity === undefined
            ? {}
            : {
                identityId: identity.identityId,
                identityPoolId: identity.identityPoolId,
                authType: identity.authenticationType,
                ...(identity.authenticationProvider === undefined ? {} : { authProvider: identity.authenticationProvider }),
              }),
        };
      },
    },
  };
}

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
