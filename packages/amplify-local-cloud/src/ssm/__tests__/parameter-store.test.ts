import {
  DeleteParameterCommand,
  DeleteParametersCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  SSMClient,
  paginateGetParametersByPath,
} from '@aws-sdk/client-ssm';
import { startTestCloud, type TestCloud } from '../../__tests__/test-cloud';

let test: TestCloud;
let ssm: SSMClient;

beforeAll(async () => {
  test = await startTestCloud();
  ssm = new SSMClient(test.config);
});

afterAll(async () => {
  ssm.destroy();
  await test.dispose();
});

describe('SSM Parameter Store', () => {
  it('puts a parameter, refuses a second put without Overwrite and versions overwrites', async () => {
    const Name = '/amplify/app1/dev/AMPLIFY_function_fn_deploymentBucketName';
    expect(await ssm.send(new PutParameterCommand({ Name, Value: '"bucket-a"', Type: 'String', Tier: 'Standard' }))).toMatchObject({ Version: 1, Tier: 'Standard' });
    await expect(ssm.send(new PutParameterCommand({ Name, Value: '"bucket-b"', Type: 'String' }))).rejects.toBeInstanceOf(ParameterAlreadyExists);
    expect((await ssm.send(new PutParameterCommand({ Name, Value: '"bucket-b"', Type: 'String', Overwrite: true }))).Version).toBe(2);
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name }));
    expect(Parameter).toMatchObject({ Name, Value: '"bucket-b"', Type: 'String', Version: 2, ARN: `arn:aws:ssm:us-east-1:123456789012:parameter${Name}`, DataType: 'text' });
    expect(Parameter?.LastModifiedDate).toBeInstanceOf(Date);
  });

  it('answers several names at once, listing the unknown ones as invalid', async () => {
    await ssm.send(new PutParameterCommand({ Name: '/amplify/app1/dev/AMPLIFY_storage_files_bucketName', Value: '"files"', Type: 'String' }));
    const result = await ssm.send(new GetParametersCommand({ Names: ['/amplify/app1/dev/AMPLIFY_storage_files_bucketName', '/amplify/app1/dev/missing'] }));
    expect(result.Parameters?.map((p) => p.Value)).toEqual(['"files"']);
    expect(result.InvalidParameters).toEqual(['/amplify/app1/dev/missing']);
  });

  it('lists a path one level deep or recursively, in pages of at most ten', async () => {
    for (let i = 0; i < 12; i++) {
      await ssm.send(new PutParameterCommand({ Name: `/tree/p${String(i).padStart(2, '0')}`, Value: String(i), Type: 'String' }));
    }
    await ssm.send(new PutParameterCommand({ Name: '/tree/deeper/leaf', Value: 'leaf', Type: 'String' }));
    const names: string[] = [];
    for await (const page of paginateGetParametersByPath({ client: ssm }, { Path: '/tree' })) names.push(...(page.Parameters ?? []).map((p) => p.Name!));
    expect(names).toHaveLength(12);
    expect(names).not.toContain('/tree/deeper/leaf');
    const recursive = await ssm.send(new GetParametersByPathCommand({ Path: '/tree/', Recursive: true, MaxResults: 10 }));
    expect(recursive.Parameters).toHaveLength(10);
    expect(recursive.NextToken).toBeDefined();
    const rest = await ssm.send(new GetParametersByPathCommand({ Path: '/tree/', Recursive: true, NextToken: recursive.NextToken }));
    expect(recursive.Parameters?.[0].Name).toBe('/tree/deeper/leaf');
    expect(rest.Parameters?.map((p) => p.Name)).toEqual(['/tree/p09', '/tree/p10', '/tree/p11']);
  });

  it('keeps SecureString values opaque unless decryption is asked for', async () => {
    await ssm.send(new PutParameterCommand({ Name: '/secrets/token', Value: 's3cret', Type: 'SecureString' }));
    expect((await ssm.send(new GetParameterCommand({ Name: '/secrets/token', WithDecryption: true }))).Parameter?.Value).toBe('s3cret');
    expect((await ssm.send(new GetParameterCommand({ Name: '/secrets/token' }))).Parameter?.Value).not.toBe('s3cret');
  });

  it('deletes parameters one or several at a time', async () => {
    await ssm.send(new DeleteParameterCommand({ Name: '/secrets/token' }));
    await expect(ssm.send(new GetParameterCommand({ Name: '/secrets/token' }))).rejects.toBeInstanceOf(ParameterNotFound);
    await expect(ssm.send(new DeleteParameterCommand({ Name: '/secrets/token' }))).rejects.toBeInstanceOf(ParameterNotFound);
    const result = await ssm.send(new DeleteParametersCommand({ Names: ['/tree/p00', '/tree/none'] }));
    expect(result).toMatchObject({ DeletedParameters: ['/tree/p00'], InvalidParameters: ['/tree/none'] });
  });

  it('answers an empty or too long Names list with a ValidationException, as AWS does', async () => {
    const empty = (await ssm.send(new DeleteParametersCommand({ Names: [] })).catch((e: unknown) => e)) as Error;
    expect(empty.name).toBe('ValidationException');
    expect(empty.message).toContain("Value '[]' at 'names'");
    const tooMany = Array.from({ length: 11 }, (_, i) => `/tree/x${i}`);
    const long = (await ssm.send(new GetParametersCommand({ Names: tooMany })).catch((e: unknown) => e)) as Error;
    expect(long.name).toBe('ValidationException');
    expect(long.message).toContain('less than or equal to 10');
  });

  it('refuses a new parameter without a type', async () => {
    const error = (await ssm.send(new PutParameterCommand({ Name: '/untyped', Value: 'x' })).catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe('A parameter type is required when you create a parameter.');
  });
});
