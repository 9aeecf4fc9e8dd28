import { CloudFormationClient, DescribeStacksCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import * as fs from 'fs';
import * as path from 'path';
import { AppSandbox } from 'amplify-test-support';

/**
 * Auth end to end on the built binary against a local cloud: headless add with groups, push, the aws-exports keys
 * equal to the deployed outputs, an update that redeploys only the auth stack, remove and push. Steps run in order.
 */
jest.setTimeout(180_000);

type Meta = Record<string, Record<string, { service?: string; output?: Record<string, string>; frontendAuthConfig?: Record<string, unknown> }>>;

const addRequest = {
  version: 2,
  resourceName: 'shopauth',
  serviceConfiguration: {
    serviceName: 'Cognito',
    includeIdentityPool: true,
    userPoolConfiguration: { signinMethod: 'EMAIL', requiredSignupAttributes: ['EMAIL'], userPoolGroups: [{ groupName: 'Admins' }, { groupName: 'Staff' }] },
    identityPoolConfiguration: { unauthenticatedLogin: true },
  },
};

describe('auth (built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const meta = (): Meta => sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');
  const cfn = (): CloudFormationClient =>
    new CloudFormationClient({ endpoint: sandbox.cloud.endpoint, region: 'us-east-1', credentials: { accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID!, secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY! } });
  const nestedStacks = async (): Promise<Record<string, { id: string; updated?: Date }>> => {
    const rootName = sandbox.readJson<{ providers: { awscloudformation: { StackName: string } } }>('amplify/backend/amplify-meta.json').providers.awscloudformation.StackName;
    const listed = await cfn().send(new ListStacksCommand({}));
    const result: Record<string, { id: string; updated?: Date }> = {};
    for (const stack of listed.StackSummaries ?? []) {
      if (stack.StackStatus === 'DELETE_COMPLETE' || !stack.StackName?.startsWith(`${rootName}-`)) continue;
      const logicalId = stack.StackName.slice(rootName.length + 1).replace(/-[A-Z0-9]+$/, '');
      result[logicalId] = { id: stack.StackId!, updated: stack.LastUpdatedTime };
    }
    return result;
  };

  beforeAll(async () => {
    sandbox = await AppSandbox.start('shop');
    const init = await sandbox.init();
    expect(init.stderr).toBe('');
    expect(init.exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('a bad headless payload names the bad field and writes nothing', async () => {
    const bad = { ...addRequest, serviceConfiguration: { ...addRequest.serviceConfiguration, serviceName: 'Okta' } };
    const result = await sandbox.run(['add', 'auth', '--headless'], JSON.stringify(bad));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('serviceConfiguration.serviceName');
    expect(meta().auth).toBeUndefined();
  });

  test('headless add writes the resource, the groups resource and their meta', async () => {
    const result = await sandbox.run(['add', 'auth', '--headless'], JSON.stringify(addRequest));
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const dir = path.join(sandbox.app, 'amplify', 'backend', 'auth', 'shopauth');
    expect(fs.existsSync(path.join(dir, 'cli-inputs.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'build', 'shopauth-cloudformation-template.json'))).toBe(true);
    expect(meta().auth.shopauth).toMatchObject({ service: 'Cognito', frontendAuthConfig: { usernameAttributes: ['EMAIL'] } });
    expect(meta().auth.userPoolGroups).toMatchObject({ service: 'Cognito-UserPool-Groups' });
    const again = await sandbox.run(['add', 'auth', '--headless'], JSON.stringify(addRequest));
    expect(again.exitCode).not.toBe(0);
    expect(again.stderr).toContain('update auth');
  });

  test('push deploys user pool, clients, identity pool and groups; aws-exports carries the deployed outputs', async () => {
    const result = await sandbox.run(['push', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const output = meta().auth.shopauth.output!;
    for (const key of ['UserPoolId', 'UserPoolArn', 'UserPoolName', 'AppClientIDWeb', 'AppClientID', 'IdentityPoolId', 'IdentityPoolName']) {
      expect(output[key]).toEqual(expect.any(String));
    }
    expect(output.UserPoolName).toMatch(/^shop_userpool_[0-9a-f]{8}-dev$/);
    expect(meta().auth.userPoolGroups.output).toEqual({ AdminsGroupRole: expect.stringContaining(':role/'), StaffGroupRole: expect.stringContaining(':role/') });
    const exports = sandbox.awsExports();
    expect(exports).toMatchObject({
      aws_cognito_identity_pool_id: output.IdentityPoolId,
      aws_cognito_region: 'us-east-1',
      aws_user_pools_id: output.UserPoolId,
      aws_user_pools_web_client_id: output.AppClientIDWeb,
      aws_cognito_username_attributes: ['EMAIL'],
      aws_cognito_signup_attributes: ['EMAIL'],
      aws_cognito_verification_mechanisms: ['EMAIL'],
    });
  });

  test('console prints the pages of the deployed user pool and identity pool', async () => {
    const result = await sandbox.run(['auth', 'console', '--yes']);
    expect(result.exitCode).toBe(0);
    const output = meta().auth.shopauth.output!;
    expect(result.stdout).toContain(`https://us-east-1.console.aws.amazon.com/cognito/v2/idp/user-pools/${output.UserPoolId}/users?region=us-east-1`);
  });

  test('an update that accepts every default changes nothing', async () => {
    const cliInputs = fs.readFileSync(path.join(sandbox.app, 'amplify', 'backend', 'auth', 'shopauth', 'cli-inputs.json'), 'utf8');
    const result = await sandbox.run(['update', 'auth', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('No changes to auth resource shopauth.');
    expect(fs.readFileSync(path.join(sandbox.app, 'amplify', 'backend', 'auth', 'shopauth', 'cli-inputs.json'), 'utf8')).toBe(cliInputs);
    expect((await sandbox.run(['status'])).stdout).toMatch(/Auth\s+\|\s+shopauth\s+\|\s+No Change/);
  });

  test('an update redeploys only the auth stack', async () => {
    const before = await nestedStacks();
    const update = {
      version: 2,
      serviceModification: {
        serviceName: 'Cognito',
        includeIdentityPool: true,
        userPoolModification: {
          refreshTokenPeriod: 60,
          oAuth: {
            domainPrefix: 'shop-login',
            redirectSigninURIs: ['http://localhost:3000/'],
            redirectSignoutURIs: ['http://localhost:3000/'],
            oAuthGrantType: 'CODE',
            oAuthScopes: ['OPENID', 'EMAIL'],
            socialProviderConfigurations: [{ provider: 'GOOGLE', clientId: 'google-id', clientSecret: 'google-secret' }],
          },
        },
      },
    };
    const result = await sandbox.run(['update', 'auth', '--headless'], JSON.stringify(update));
    expect(result.exitCode).toBe(0);
    const status = await sandbox.run(['status']);
    expect(status.stdout).toMatch(/Auth\s+\|\s+shopauth\s+\|\s+Update/);
    expect(status.stdout).toMatch(/Auth\s+\|\s+userPoolGroups\s+\|\s+No Change/);
    const push = await sandbox.run(['push', '--yes']);
    expect(push.exitCode).toBe(0);
    const after = await nestedStacks();
    expect(after.authshopauth.updated?.getTime()).not.toEqual(before.authshopauth.updated?.getTime());
    expect(after.authuserPoolGroups.updated?.getTime()).toEqual(before.authuserPoolGroups.updated?.getTime());
    const output = meta().auth.shopauth.output!;
    expect(output.HostedUIDomain).toBe('shop-login-dev');
    expect(sandbox.awsExports()).toMatchObject({
      oauth: { domain: 'shop-login-dev.auth.us-east-1.amazoncognito.com', scope: ['openid', 'email'], redirectSignIn: 'http://localhost:3000/', redirectSignOut: 'http://localhost:3000/', responseType: 'code' },
      federationTarget: 'COGNITO_USER_POOLS',
      aws_cognito_social_providers: ['GOOGLE'],
    });
    // The provider's secret is env-specific: in team-provider-info, never in the committed resource files.
    expect(fs.readFileSync(path.join(sandbox.app, 'amplify', 'backend', 'auth', 'shopauth', 'cli-inputs.json'), 'utf8')).not.toContain('google-secret');
    expect(sandbox.readJson('amplify/team-provider-info.json')).toHaveProperty('dev.categories.auth.shopauth.googleAppSecretUserPool', 'google-secret');
  });

  test('auth cannot be removed while its groups depend on it; removing both and pushing deletes their stacks', async () => {
    const refused = await sandbox.run(['remove', 'auth', 'shopauth', '--yes']);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toContain('userPoolGroups');
    expect((await sandbox.run(['remove', 'auth', 'userPoolGroups', '--yes'])).exitCode).toBe(0);
    expect(sandbox.readJson<{ cognitoConfig: { userPoolGroupList: string[] } }>('amplify/backend/auth/shopauth/cli-inputs.json').cognitoConfig.userPoolGroupList).toEqual([]);
    expect((await sandbox.run(['remove', 'auth', 'shopauth', '--yes'])).exitCode).toBe(0);
    const push = await sandbox.run(['push', '--yes']);
    expect(push.exitCode).toBe(0);
    expect(meta().auth ?? {}).toEqual({});
    expect(Object.keys(await nestedStacks())).toEqual([]);
    expect(sandbox.awsExports()).not.toHaveProperty('aws_user_pools_id');
  });
});

describe('auth add --yes (built binary, local cloud)', () => {
  let sandbox: AppSandbox;

  beforeAll(async () => {
    sandbox = await AppSandbox.start('blog');
    expect((await sandbox.init()).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('without a terminal and without --yes, add fails naming the way to answer', async () => {
    const result = await sandbox.run(['add', 'auth']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/--headless|--yes/);
  });

  test('--yes adds the default configuration, which deploys', async () => {
    const add = await sandbox.run(['add', 'auth', '--yes']);
    expect(add.stderr).toBe('');
    expect(add.exitCode).toBe(0);
    const push = await sandbox.run(['push', '--yes']);
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    const [name, entry] = Object.entries(sandbox.readJson<Meta>('amplify/backend/amplify-meta.json').auth)[0];
    expect(name).toMatch(/^blog[0-9a-f]{8}$/);
    expect(sandbox.awsExports()).toMatchObject({ aws_user_pools_id: entry.output!.UserPoolId, aws_user_pools_web_client_id: entry.output!.AppClientIDWeb });
    const stacks = await new CloudFormationClient({ endpoint: sandbox.cloud.endpoint, region: 'us-east-1', credentials: { accessKeyId: sandbox.env.AWS_ACCESS_KEY_ID!, secretAccessKey: sandbox.env.AWS_SECRET_ACCESS_KEY! } }).send(new DescribeStacksCommand({}));
    expect(stacks.Stacks?.some((s) => s.StackName?.includes(`auth${name}`) && s.StackStatus === 'CREATE_COMPLETE')).toBe(true);
  });

  test('a second add is refused before any question is asked', async () => {
    const again = await sandbox.run(['add', 'auth']);
    expect(again.exitCode).not.toBe(0);
    expect(again.stderr).toContain('Auth has already been added');
  });
});
