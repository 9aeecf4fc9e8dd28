import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { LOCAL_ACCOUNT_ID } from '../../contracts';
import { authorizationHeader, rawRequest, useTestCloud } from '../../__tests__/test-cloud';

const t = useTestCloud();

describe('STS', () => {
  it('answers GetCallerIdentity with the local account and user, for any key pair', async () => {
    for (const accessKeyId of ['AKIAIOSFODNN7EXAMPLE', 'anything']) {
      const sts = new STSClient({ ...t.config, region: 'eu-west-1', credentials: { accessKeyId, secretAccessKey: 'x' } });
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe(LOCAL_ACCOUNT_ID);
      expect(identity.Arn).toBe(`arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local`);
      expect(identity.UserId).toMatch(/^AIDA[0-9A-Z]{17}$/);
      sts.destroy();
    }
  });

  it('refuses actions it does not implement with InvalidAction', async () => {
    const response = await rawRequest(`${t.cloud.endpoint}/`, {
      method: 'POST',
      headers: { ...authorizationHeader('sts'), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Action=AssumeRole&Version=2011-06-15',
    });
    expect(response.status).toBe(400);
    expect(response.body).toContain('<Code>InvalidAction</Code>');
  });

  it('is refused through the SDK when the request carries no signature', async () => {
    const sts = new STSClient({ ...t.config });
    sts.middlewareStack.add((next) => async (args) => {
      const request = args.request as { headers: Record<string, string> };
      delete request.headers.authorization;
      return next(args);
    }, { step: 'finalizeRequest', priority: 'low', name: 'dropAuthorization' });
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'MissingAuthenticationToken' });
    sts.destroy();
  });
});
