import { createPrompter, inputValidation, validateHeadlessRequest, type Prompter } from 'amplify-cli-core';
import { fromAddS3Request, fromUpdateS3Request, type AddS3Request, type UpdateS3Request } from '../service/headless-mapping';
import { addStorageRequestSchema, updateStorageRequestSchema } from '../service/headless-schemas';
import { storagePermissionPolicies } from '../service/permission-policies';
import { runS3Walkthrough, s3Defaults, S3_RULES } from '../service/s3-walkthrough';

function answering(script: Record<string, unknown>): { prompter: Prompter; asked: string[] } {
  const asked: string[] = [];
  const answer = async (options: { message: string; default?: unknown }): Promise<never> => {
    asked.push(options.message);
    if (asked.length > 30) throw new Error('too many questions');
    const key = Object.keys(script).find((k) => options.message.startsWith(k));
    if (key !== undefined) return script[key] as never;
    if (options.default !== undefined) return options.default as never;
    throw new Error(`unexpected question: ${options.message}`);
  };
  return { prompter: { confirm: answer, input: answer, password: answer, pick: answer } as unknown as Prompter, asked };
}

/** For walkthroughs that must not create a function. */
const noNewFunction = (): Promise<string> => Promise.reject(new Error('no function should be created'));

describe('S3 walkthrough', () => {
  it('defaults: s3<id> resource, a bucket named after the project, full access for signed-in users, and question 7 answered No', async () => {
    const defaults = s3Defaults('My Shop');
    expect(defaults.resourceName).toMatch(/^s3[0-9a-f]{8}$/);
    expect(defaults.bucketName).toMatch(/^myshop[0-9a-f]{32}$/);
    expect(defaults.bucketName.length).toBeLessThanOrEqual(47);
    const config = await runS3Walkthrough(createPrompter({ yes: true }), { config: defaults, isUpdate: false, groups: [], functions: [], createTriggerFunction: noNewFunction });
    expect(config).toEqual({ ...defaults });
  });

  it('asks for guest permissions only with guest access, and about groups only when the project has some', async () => {
    const { prompter, asked } = answering({ 'Who should have access': 'authAndGuest', 'What kind of access do you want for Authenticated': ['READ'], 'What kind of access do you want for Guest': ['READ'] });
    const config = await runS3Walkthrough(prompter, { config: s3Defaults('shop'), isUpdate: false, groups: [], functions: [], createTriggerFunction: noNewFunction });
    expect(config).toMatchObject({ storageAccess: 'authAndGuest', authAccess: ['READ'], guestAccess: ['READ'] });
    expect(asked.some((m) => m.startsWith('Restrict access by'))).toBe(false);
    expect(asked.filter((m) => m.includes('Lambda Trigger'))).toEqual(['Do you want to add a Lambda Trigger for your S3 Bucket?']);
    expect(config.triggerFunction).toBe('NONE');
  });

  it('with groups: per-group permissions; with functions: the trigger question', async () => {
    const { prompter } = answering({
      'Restrict access by': 'groups',
      'Select groups': ['Admins'],
      'What kind of access do you want for Admins': ['READ'],
      'Do you want to add a Lambda Trigger': true,
      'Select from the following options': 'existing',
      'Select the function to trigger': 'resize',
    });
    const config = await runS3Walkthrough(prompter, { config: s3Defaults('shop'), isUpdate: false, groups: ['Admins', 'Staff'], functions: ['resize'], createTriggerFunction: noNewFunction });
    expect(config).toMatchObject({ authAccess: [], groupAccess: { Admins: ['READ'] }, triggerFunction: 'resize' });
  });

  it('question 7 without functions in the project creates a new one, asking nothing more', async () => {
    const { prompter, asked } = answering({ 'Do you want to add a Lambda Trigger': true });
    const create = jest.fn(async () => 'S3Trigger1a2b3c4d');
    const config = await runS3Walkthrough(prompter, { config: s3Defaults('shop'), isUpdate: false, groups: [], functions: [], createTriggerFunction: create });
    expect(config.triggerFunction).toBe('S3Trigger1a2b3c4d');
    expect(create).toHaveBeenCalledTimes(1);
    expect(asked[asked.length - 1]).toBe('Do you want to add a Lambda Trigger for your S3 Bucket?');
  });

  it('question 7 with functions: "Create a new function" calls the function category instead of listing them', async () => {
    const { prompter, asked } = answering({ 'Do you want to add a Lambda Trigger': true, 'Select from the following options': 'new' });
    const config = await runS3Walkthrough(prompter, { config: s3Defaults('shop'), isUpdate: false, groups: [], functions: ['resize'], createTriggerFunction: async () => 'S3Triggerfeedbeef' });
    expect(config.triggerFunction).toBe('S3Triggerfeedbeef');
    expect(asked.some((m) => m.startsWith('Select the function to trigger'))).toBe(false);
  });

  it.each([
    ['skip', 'resize'],
    ['remove', 'NONE'],
    ['update', 'S3Trigger00000000'],
  ])('update of a bucket with a trigger: %s leaves it %s', async (action, expected) => {
    const { prompter, asked } = answering({ 'Select from the following options for the Lambda Trigger': action, 'Select from the following options': 'new' });
    const config = await runS3Walkthrough(prompter, {
      config: { ...s3Defaults('shop'), triggerFunction: 'resize' },
      isUpdate: true,
      groups: [],
      functions: ['resize'],
      createTriggerFunction: async () => 'S3Trigger00000000',
    });
    expect(config.triggerFunction).toBe(expected);
    expect(asked.some((m) => m.startsWith('Do you want to add a Lambda Trigger'))).toBe(false);
  });

  it('guest access under --yes defaults to read', async () => {
    const config = await runS3Walkthrough(createPrompter({ yes: true }), { config: { ...s3Defaults('shop'), storageAccess: 'authAndGuest' }, isUpdate: false, groups: [], functions: [], createTriggerFunction: noNewFunction });
    expect(config.guestAccess).toEqual(['READ']);
  });

  it('update does not ask for names again', async () => {
    const previous = { ...s3Defaults('shop'), authAccess: ['READ' as const] };
    const { prompter, asked } = answering({});
    const config = await runS3Walkthrough(prompter, { config: previous, isUpdate: true, groups: [], functions: [], createTriggerFunction: noNewFunction });
    expect(config.resourceName).toBe(previous.resourceName);
    expect(asked.some((m) => m.startsWith('Provide'))).toBe(false);
  });

  it.each([
    ['resourceName', 's3files1', true],
    ['resourceName', 's3-files', false],
    ['bucketName', 'my-bucket-1', true],
    ['bucketName', 'My_Bucket', false],
    ['bucketName', 'ab', false],
    ['bucketName', 'a'.repeat(48), false],
  ] as const)('%s accepts %j: %s', (rule, value, ok) => {
    expect(inputValidation({ validation: S3_RULES[rule], required: true })(value) === true).toBe(ok);
  });
});

describe('S3 headless', () => {
  it('maps the original add payload', () => {
    const request = validateHeadlessRequest<AddS3Request>(
      addStorageRequestSchema,
      { version: 1, serviceConfiguration: { serviceName: 'S3', resourceName: 'files', bucketName: 'shop-files', permissions: { auth: ['CREATE_AND_UPDATE', 'READ'], guest: ['READ'] } } },
      'AddStorageRequest',
    );
    expect(fromAddS3Request(request, s3Defaults('shop'))).toMatchObject({
      resourceName: 'files',
      bucketName: 'shop-files',
      storageAccess: 'authAndGuest',
      authAccess: ['CREATE_AND_UPDATE', 'READ'],
      guestAccess: ['READ'],
      triggerFunction: 'NONE',
    });
  });

  it('names the bad field', () => {
    expect(() => validateHeadlessRequest(addStorageRequestSchema, { version: 1, serviceConfiguration: { serviceName: 'S3', permissions: { auth: ['WRITE'] } } }, 'AddStorageRequest')).toThrow(
      'serviceConfiguration.permissions.auth[0] must be one of "CREATE_AND_UPDATE", "READ", "DELETE"',
    );
    expect(() => validateHeadlessRequest(addStorageRequestSchema, { version: 1, serviceConfiguration: { serviceName: 'S3' } }, 'AddStorageRequest')).toThrow('serviceConfiguration.permissions is required');
    expect(() => validateHeadlessRequest(updateStorageRequestSchema, { version: 1, serviceModification: { serviceName: 'S3' } }, 'UpdateStorageRequest')).toThrow(
      'serviceModification.resourceName is required',
    );
  });

  it('lambdaTrigger: existing names the function; new leaves the trigger to the function category; existing without a name is refused', () => {
    const add = (lambdaTrigger: unknown) =>
      validateHeadlessRequest<AddS3Request>(addStorageRequestSchema, { version: 1, serviceConfiguration: { serviceName: 'S3', permissions: { auth: ['READ'] }, lambdaTrigger } }, 'AddStorageRequest');
    const defaults = s3Defaults('shop');
    expect(fromAddS3Request(add({ mode: 'existing', name: 'resize' }), defaults).triggerFunction).toBe('resize');
    expect(fromAddS3Request(add({ mode: 'new' }), defaults).triggerFunction).toBe('NONE');
    expect(fromAddS3Request(add({ mode: 'new', name: 'onUpload' }), defaults).triggerFunction).toBe('NONE');
    expect(() => add({ mode: 'existing' })).toThrow('serviceConfiguration.lambdaTrigger.name is required');
    expect(() => add({ mode: 'new', name: 'bad-name' })).toThrow('serviceConfiguration.lambdaTrigger.name');
    expect(() => add({ mode: 'later' })).toThrow('serviceConfiguration.lambdaTrigger.mode');
  });

  it('update changes the permissions it names and keeps the names', () => {
    const previous = s3Defaults('shop');
    const request = validateHeadlessRequest<UpdateS3Request>(updateStorageRequestSchema, { version: 1, serviceModification: { serviceName: 'S3', resourceName: previous.resourceName, permissions: { auth: ['READ'] } } }, 'UpdateStorageRequest');
    expect(fromUpdateS3Request(request, previous)).toEqual({ ...previous, authAccess: ['READ'], guestAccess: [], storageAccess: 'auth' });
  });
});

describe('getPermissionPolicies', () => {
  it('scopes object actions to the bucket objects, listing to the bucket, and table actions to the table and its indexes', () => {
    const { permissionPolicies, resourceAttributes } = storagePermissionPolicies({ files: ['read', 'create'], orders: ['read'] }, { files: 'S3', orders: 'DynamoDB' });
    expect(permissionPolicies).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: [{ 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'storagefilesBucketName' }, '/*']] }] },
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [{ 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'storagefilesBucketName' }]] }] },
      expect.objectContaining({ Action: expect.arrayContaining(['dynamodb:Query', 'dynamodb:Scan']), Resource: [{ Ref: 'storageordersArn' }, { 'Fn::Join': ['/', [{ Ref: 'storageordersArn' }, 'index/*']] }] }),
    ]);
    expect(resourceAttributes).toEqual([
      { resourceName: 'files', attributes: ['BucketName'], category: 'storage' },
      { resourceName: 'orders', attributes: ['Name', 'Arn', 'StreamArn'], category: 'storage' },
    ]);
  });
});
