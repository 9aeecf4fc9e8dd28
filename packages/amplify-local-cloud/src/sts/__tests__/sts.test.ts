import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { LOCAL_ACCOUNT_ID } from '../../contracts';
import { signedRequest, useTestCloud } from '../../__tests__/test-cloud';

const t = useTestCloud();

describe('STS', () => {
  it('answers GetCallerIdentity with the local account and user, in any region', async () => {
    const sts = new STSClient({ ...t.config, region: 'eu-west-1' });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(LOCAL_ACCOUNT_ID);
    expect(identity.Arn).toBe(`arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local`);
    expect(identity.UserId).toMatch(/^AIDA[0-9A-Z]{17}$/);
    sts.destroy();
  });

  it('refuses actions it does not implement with InvalidAction', async () => {
    const response = await signedRequest(
      `${t.cloud.endpoint}/`,
      { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'Action=AssumeRole&Version=2011-06-15' },
      { credentials: t.cloud.credentials, service: 'sts' },
    );
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
