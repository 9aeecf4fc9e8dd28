import { graphql } from 'graphql';
import { buildAppSyncSchema, preludeFor } from '../appsync-schema';

const schema = buildAppSyncSchema(`
type Query {
  echo(when: AWSDateTime, day: AWSDate, at: AWSTime, email: AWSEmail, url: AWSURL, phone: AWSPhone, ip: AWSIPAddress, stamp: AWSTimestamp, json: AWSJSON): AWSJSON
  blob: AWSJSON
}
`);

async function run(source: string, variableValues?: Record<string, unknown>) {
  return graphql({
    schema,
    source,
    variableValues,
    rootValue: { echo: (args: Record<string, unknown>) => args, blob: { nested: [1, 'two'] } },
  });
}

it('checks the string scalars on input and hands AWSJSON to resolvers parsed', async () => {
  const ok = await run('query Q($json: AWSJSON) { echo(when: "2026-12-06T08:00:00.000Z", day: "2026-12-06", at: "08:00:00", email: "a@b.co", url: "https://x.test/a", phone: "+1 555 0100", ip: "10.0.0.1/8", stamp: 1700000000, json: $json) }', {
    json: '{"a":[1,2]}',
  });
  expect(ok.errors).toBeUndefined();
  expect(JSON.parse(ok.data!.echo as string)).toEqual({
    when: '2026-12-06T08:00:00.000Z',
    day: '2026-12-06',
    at: '08:00:00',
    email: 'a@b.co',
    url: 'https://x.test/a',
    phone: '+1 555 0100',
    ip: '10.0.0.1/8',
    stamp: 1700000000,
    json: { a: [1, 2] },
  });
  expect((await run('{ blob }')).data).toEqual({ blob: '{"nested":[1,"two"]}' });
});

it('refuses values that are not of the scalar', async () => {
  const refusals = await Promise.all([
    run('query Q($v: AWSDateTime) { echo(when: $v) }', { v: '2026-12-06' }),
    run('{ echo(email: "not-an-email") }'),
    run('query Q($v: AWSTimestamp) { echo(stamp: $v) }', { v: 1.5 }),
    run('query Q($v: AWSJSON) { echo(json: $v) }', { v: '{nope' }),
    run('{ echo(day: 20261206) }'),
  ]);
  for (const result of refusals) expect(result.errors?.length).toBeGreaterThan(0);
  expect(refusals[0].errors![0].message).toContain('not a valid AWSDateTime');
});

it('adds only what the schema does not define itself', () => {
  const prelude = preludeFor('scalar AWSDateTime\ndirective @aws_api_key on FIELD_DEFINITION | OBJECT\ntype Query { a: AWSDateTime }');
  expect(prelude).not.toContain('scalar AWSDateTime');
  expect(prelude).not.toContain('@aws_api_key');
  expect(prelude).toContain('scalar AWSJSON');
  expect(() => buildAppSyncSchema('scalar AWSDateTime\ntype Query { a: AWSDateTime }')).not.toThrow();
});
