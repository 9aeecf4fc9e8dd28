import { inputValidation, type Prompter } from 'amplify-cli-core';
import { DYNAMODB_RULES } from '../service/dynamodb-config';
import { askDynamoDBTrigger, runDynamoDBAddWalkthrough, runDynamoDBUpdateWalkthrough } from '../service/dynamodb-walkthrough';

type Options = { message: string; default?: unknown; choices?: unknown[]; validate?: (value: never) => unknown };

/** Answers from a queue in asking order; each input answer goes through the prompt's validation first. */
function scripted(answers: unknown[]): { prompter: Prompter; asked: Options[]; rejected: string[] } {
  const asked: Options[] = [];
  const rejected: string[] = [];
  const answer = async (options: Options): Promise<never> => {
    asked.push(options);
    for (;;) {
      if (answers.length === 0) throw new Error(`no answer left for: ${options.message}`);
      const value = answers.shift();
      const verdict = options.validate ? await options.validate(value as never) : true;
      if (verdict === true) return value as never;
      rejected.push(String(verdict));
    }
  };
  return { prompter: { confirm: answer, input: answer, password: answer, pick: answer } as unknown as Prompter, asked, rejected };
}

describe('DynamoDB add walkthrough', () => {
  it('asks columns until done, rejects a duplicate, offers only key-type columns as keys and the rest as sort keys', async () => {
    const { prompter, asked, rejected } = scripted([
      'orders', 'orders',
      'id', 'string', true,
      'id', 'total', 'number', true,
      'tags', 'list', false,
      'id', true, 'total',
      true, 'byTotal', 'total', false, false,
    ]);
    const config = await runDynamoDBAddWalkthrough(prompter);
    expect(rejected).toEqual(['Column name already exists']);
    expect(config).toEqual({
      resourceName: 'orders',
      tableName: 'orders',
      partitionKey: { fieldName: 'id', fieldType: 'string' },
      sortKey: { fieldName: 'total', fieldType: 'number' },
      gsi: [{ name: 'byTotal', partitionKey: { fieldName: 'total', fieldType: 'number' } }],
    });
    const partitionQuestion = asked.find((q) => q.message.startsWith('Choose partition key for the table'))!;
    expect(partitionQuestion.choices).toEqual(['id', 'total']);
    expect(asked.find((q) => q.message.startsWith('Choose sort key for the table'))!.choices).toEqual(['total']);
  });

  it('with one key column there is no sort key question', async () => {
    const { prompter, asked } = scripted(['t', 't', 'pk', 'string', false, 'pk', false]);
    const config = await runDynamoDBAddWalkthrough(prompter);
    expect(config).toEqual({ resourceName: 't', tableName: 't', partitionKey: { fieldName: 'pk', fieldType: 'string' } });
    expect(asked.some((q) => q.message.includes('sort key'))).toBe(false);
  });
});

describe('DynamoDB update walkthrough', () => {
  it('keeps or drops the existing indexes and never touches the keys', async () => {
    const previous = {
      resourceName: 'orders',
      tableName: 'orders',
      partitionKey: { fieldName: 'id', fieldType: 'string' as const },
      gsi: [{ name: 'old', partitionKey: { fieldName: 'id', fieldType: 'string' as const } }],
    };
    const { prompter } = scripted([false, false, false]);
    expect(await runDynamoDBUpdateWalkthrough(prompter, previous)).toEqual({ resourceName: 'orders', tableName: 'orders', partitionKey: previous.partitionKey });
  });
});

describe('DynamoDB validation rules', () => {
  it.each([
    ['resourceName', 'orders1', true],
    ['resourceName', 'orders-1', false],
    ['tableName', 'orders.v1_x-y', true],
    ['tableName', 'orders v1', false],
    ['columnName', 'created_at-1', true],
    ['columnName', 'created at', false],
    ['indexName', 'byDate', true],
    ['indexName', 'by/date', false],
  ] as const)('%s accepts %j: %s', (rule, value, ok) => {
    expect(inputValidation({ validation: DYNAMODB_RULES[rule], required: true })(value) === true).toBe(ok);
  });
});

describe('DynamoDB trigger question (7)', () => {
  it('No is the default and loads nothing', async () => {
    const candidates = jest.fn(async () => ['ordersTrigger']);
    const { prompter, asked } = scripted([false]);
    expect(await askDynamoDBTrigger(prompter, candidates)).toEqual({ mode: 'none' });
    expect(asked.map((q) => [q.message, q.default])).toEqual([['Do you want to add a Lambda Trigger for your Table?', false]]);
    expect(candidates).not.toHaveBeenCalled();
  });

  it('without functions on the stream, Yes means a new function', async () => {
    const { prompter, asked } = scripted([true]);
    expect(await askDynamoDBTrigger(prompter, async () => [])).toEqual({ mode: 'new' });
    expect(asked).toHaveLength(1);
  });

  it('with functions on the stream: existing, then which one; or new', async () => {
    const existing = scripted([true, 'existing', 'ordersTrigger']);
    expect(await askDynamoDBTrigger(existing.prompter, async () => ['ordersTrigger'])).toEqual({ mode: 'existing', name: 'ordersTrigger' });
    expect(existing.asked[2].choices).toEqual(['ordersTrigger']);
    const fresh = scripted([true, 'new']);
    expect(await askDynamoDBTrigger(fresh.prompter, async () => ['ordersTrigger'])).toEqual({ mode: 'new' });
  });
});
