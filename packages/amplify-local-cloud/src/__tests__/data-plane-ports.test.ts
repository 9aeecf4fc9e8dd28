import { appSyncPorts, functionInvoker } from '../data-plane-ports';
import { LambdaError, type InvokeResult, type LambdaService } from '../lambda';
import { LocalCredentialStore } from '../server/credential-store';
import type { UserPoolService } from '../cognito/user-pool-service';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:echo';

function lambdaAnswering(answer: (arn: string, payload: unknown) => InvokeResult): LambdaService {
  return { invoke: async (arn: string, payload: unknown) => answer(arn, payload) } as unknown as LambdaService;
}

describe('functionInvoker', () => {
  it("answers the function's parsed result", async () => {
    const invoker = functionInvoker(() => lambdaAnswering((_arn, payload) => ({ status: 200, payload: JSON.stringify({ echoed: payload }) })));
    await expect(invoker.invoke(ARN, { a: 1 })).resolves.toEqual({ echoed: { a: 1 } });
  });

  it('throws a function error with its message, named after its type', async () => {
    const invoker = functionInvoker(() => lambdaAnswering(() => ({ status: 200, functionError: 'Unhandled', payload: JSON.stringify({ errorType: 'TypeError', errorMessage: 'boom' }) })));
    await expect(invoker.invoke(ARN, {})).rejects.toMatchObject({ name: 'TypeError', message: 'boom' });
  });

  it("names a refusal of the service after Lambda's exception", async () => {
    const invoker = functionInvoker(() =>
      lambdaAnswering(() => {
        throw new LambdaError('ResourceNotFoundException', `Function not found: ${ARN}`, 404);
      }),
    );
    await expect(invoker.invoke(ARN, {})).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: `Function not found: ${ARN}` });
  });

  it('refuses while Lambda is not attached yet', async () => {
    await expect(functionInvoker(() => undefined).invoke(ARN, {})).rejects.toMatchObject({ name: 'ServiceException' });
  });
});

describe('appSyncPorts', () => {
  const instance = { accessKeyId: 'AKIAINSTANCE', secretAccessKey: 'secret' };
  const userPools = {
    verifyToken: (_pool: string, token: string) =>
      token === 'good' ? { type: 'valid', claims: { sub: 'u' } } : token === 'old' ? { type: 'expired', message: 'Token has expired.' } : { type: 'invalid', message: 'Valid authorization header not provided.' },
  } as unknown as UserPoolService;

  it('maps user pool token checks to the verifier AppSync expects', async () => {
    const ports = appSyncPorts({ dynamoDb: undefined, functions: () => undefined, userPools }, new LocalCredentialStore(instance));
    await expect(ports.userPools!.verify('pool', 'good')).resolves.toEqual({ type: 'valid', claims: { sub: 'u' } });
    await expect(ports.userPools!.verify('pool', 'old')).resolves.toEqual({ type: 'expired' });
    await expect(ports.userPools!.verify('pool', 'forged')).resolves.toEqual({ type: 'invalid', reason: 'Valid authorization header not provided.' });
  });

  it("looks callers up in the credential store's role sessions", () => {
    const store = new LocalCredentialStore(instance);
    const ports = appSyncPorts({ dynamoDb: undefined, functions: () => undefined, userPools }, store);
    const guest = store.issueTemporary(60, {
      roleArn: 'arn:aws:iam::123456789012:role/unauth',
      sessionName: 'CognitoIdentityCredentials',
      cognitoIdentity: { identityId: 'us-east-1:id', identityPoolId: 'us-east-1:pool', authenticationType: 'unauthenticated' },
    });
    const functionKey = store.issueTemporary(60, { roleArn: 'arn:aws:iam::123456789012:role/fn' });
    expect(ports.callers!.lookup(guest.accessKeyId)).toEqual({
      roleArn: 'arn:aws:iam::123456789012:role/unauth',
      sessionName: 'CognitoIdentityCredentials',
      identityId: 'us-east-1:id',
      identityPoolId: 'us-east-1:pool',
      authType: 'unauthenticated',
    });
    expect(ports.callers!.lookup(functionKey.accessKeyId)).toEqual({ roleArn: 'arn:aws:iam::123456789012:role/fn' });
    expect(ports.callers!.lookup(instance.accessKeyId)).toBeUndefined();
    store.revoke(guest.accessKeyId);
    expect(ports.callers!.lookup(guest.accessKeyId)).toBeUndefined();
  });
});
