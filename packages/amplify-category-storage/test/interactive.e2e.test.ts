import { AMPLIFY_BIN, AppSandbox, KEY, runInTerminal, type ScriptedAnswer } from 'amplify-test-support';

/**
 * The walkthroughs as a person answers them, in a pseudo-terminal: manual auth (with a rejected answer fixed),
 * S3 content with guest access, the auth update menu adding a group, the S3 update granting it access, a DynamoDB
 * table, then one push that deploys them all.
 */
jest.setTimeout(180_000);

type Meta = Record<string, Record<string, { service?: string; output?: Record<string, string> }>>;

describe('interactive walkthroughs (pseudo-terminal, built binary, local cloud)', () => {
  let sandbox: AppSandbox;
  const amplify = (args: string, answers: ScriptedAnswer[]) =>
    runInTerminal(`${process.execPath} ${AMPLIFY_BIN} ${args}`, answers, { cwd: sandbox.app, env: sandbox.env, timeoutMs: 30000 });

  beforeAll(async () => {
    sandbox = await AppSandbox.start('notes');
    expect((await sandbox.init()).exitCode).toBe(0);
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  test('manual auth configuration', async () => {
    const result = await amplify('add auth', [
      { question: /use the default authentication/, keys: KEY.down + KEY.down + KEY.enter },
      { question: /Select the authentication\/authorization services/, keys: KEY.enter },
      { question: /friendly name for your resource/, keys: 'notesauth' + KEY.enter },
      { question: /name for your identity pool/, keys: KEY.enter },
      { question: /Allow unauthenticated logins/, keys: KEY.up + KEY.enter },
      { question: /3rd party authentication providers/, keys: KEY.enter },
      { question: /name for your user pool/, keys: KEY.enter },
      { question: /How do you want users to be able to sign in/, keys: KEY.down + KEY.enter },
      { question: /add User Pool Groups/, keys: KEY.enter },
      { question: /Multifactor authentication/, keys: KEY.enter },
      { question: /Email based user registration/, keys: KEY.enter },
      { question: /email verification subject/, keys: KEY.enter },
      { question: /email verification message/, keys: 'Your code' + KEY.enter },
      { question: /must include \{####\}/, keys: ' {####}' + KEY.enter },
      { question: /override the default password policy/, keys: KEY.enter },
      { question: /required for signing up/, keys: KEY.enter },
      { question: /refresh token expiration period/, keys: KEY.enter },
      { question: /user attributes this app can read and write/, keys: KEY.enter },
      { question: /use an OAuth flow/, keys: KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    const config = sandbox.readJson<{ cognitoConfig: Record<string, unknown> }>('amplify/backend/auth/notesauth/cli-inputs.json').cognitoConfig;
    expect(config).toMatchObject({
      resourceName: 'notesauth',
      useDefault: 'manual',
      allowUnauthenticatedIdentities: true,
      usernameAttributes: ['email'],
      emailVerificationMessage: 'Your code {####}',
      requiredAttributes: ['email'],
      hostedUI: false,
    });
  });

  test('S3 content with guest access', async () => {
    const result = await amplify('add storage', [
      { question: /Select from one of the below mentioned services/, keys: KEY.enter },
      { question: /friendly name for your resource/, keys: 'notefiles' + KEY.enter },
      { question: /Provide bucket name/, keys: KEY.enter },
      { question: /Who should have access/, keys: KEY.down + KEY.enter },
      { question: /access do you want for Authenticated users/, keys: KEY.enter },
      { question: /access do you want for Guest users/, keys: KEY.enter },
      { question: /Lambda Trigger for your S3 Bucket/, keys: KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(sandbox.readJson('amplify/backend/storage/notefiles/cli-inputs.json')).toMatchObject({
      storageAccess: 'authAndGuest',
      triggerFunction: 'NONE',
      authAccess: ['CREATE_AND_UPDATE', 'READ', 'DELETE'],
      guestAccess: ['READ'],
    });
  });

  test('the auth update menu adds a user pool group', async () => {
    const result = await amplify('update auth', [
      { question: /What do you want to do\?/, keys: KEY.down + KEY.enter },
      { question: /Enter your User Pool Group name/, keys: 'Editors' + KEY.enter },
      { question: /add another User Pool Group name/, keys: KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(sandbox.readJson('amplify/backend/auth/userPoolGroups/user-pool-group-precedence.json')).toEqual([{ groupName: 'Editors', precedence: 1 }]);
  });

  test('the S3 update gives the group access alongside signed-in and guest users', async () => {
    const result = await amplify('update storage', [
      { question: /Restrict access by\?/, keys: KEY.down + KEY.down + KEY.enter },
      { question: /Who should have access/, keys: KEY.enter },
      { question: /access do you want for Authenticated users/, keys: KEY.enter },
      { question: /access do you want for Guest users/, keys: KEY.enter },
      { question: /Select groups/, keys: ' ' + KEY.enter },
      { question: /access do you want for Editors users/, keys: KEY.enter },
      { question: /Lambda Trigger for your S3 Bucket/, keys: KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    expect(sandbox.readJson('amplify/backend/storage/notefiles/cli-inputs.json')).toMatchObject({
      storageAccess: 'authAndGuest',
      guestAccess: ['READ'],
      groupAccess: { Editors: ['CREATE_AND_UPDATE', 'READ', 'DELETE'] },
    });
  });

  test('a DynamoDB table, then one push deploys everything', async () => {
    const result = await amplify('add storage', [
      { question: /Select from one of the below mentioned services/, keys: KEY.down + KEY.enter },
      { question: /Provide a friendly name/, keys: 'notes' + KEY.enter },
      { question: /Provide table name/, keys: KEY.enter },
      { question: /name this column/, keys: 'id' + KEY.enter },
      { question: /Choose the data type/, keys: KEY.enter },
      { question: /add another column/, keys: KEY.enter },
      { question: /name this column/, keys: 'createdAt' + KEY.enter },
      { question: /Choose the data type/, keys: KEY.down + KEY.enter },
      { question: /add another column/, keys: 'n' + KEY.enter },
      { question: /Choose partition key for the table/, keys: KEY.enter },
      { question: /add a sort key to your table/, keys: KEY.enter },
      { question: /Choose sort key for the table/, keys: KEY.enter },
      { question: /global secondary indexes to your table/, keys: 'n' + KEY.enter },
      // No function is on the table's stream yet, so Yes goes straight to a new <table>Trigger<id> function.
      { question: /Lambda Trigger for your Table/, keys: 'y' + KEY.enter },
    ]);
    expect(result.unanswered).toBe(0);
    expect(result.exitCode).toBe(0);
    const trigger = Object.keys(sandbox.readJson<Meta>('amplify/backend/amplify-meta.json').function ?? {}).find((name) => name.startsWith('notesTrigger'));
    expect(trigger).toMatch(/^notesTrigger[a-z0-9]{8}$/);
    expect(sandbox.readJson('amplify/backend/storage/notes/cli-inputs.json')).toEqual({
      resourceName: 'notes',
      tableName: 'notes',
      partitionKey: { fieldName: 'id', fieldType: 'string' },
      sortKey: { fieldName: 'createdAt', fieldType: 'number' },
      gsi: [],
      triggerFunctions: [trigger],
    });
    const push = await sandbox.run(['push', '--yes']);
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    const meta = sandbox.readJson<Meta>('amplify/backend/amplify-meta.json');
    expect(meta.storage.notes.output).toMatchObject({ Name: 'notes-dev', SortKeyName: 'createdAt' });
    expect(meta.function[trigger!].output).toMatchObject({ Name: `${trigger}-dev` });
    expect(sandbox.awsExports()).toMatchObject({ aws_user_files_s3_bucket: meta.storage.notefiles.output!.BucketName, aws_user_pools_id: meta.auth.notesauth.output!.UserPoolId });
  });
});
