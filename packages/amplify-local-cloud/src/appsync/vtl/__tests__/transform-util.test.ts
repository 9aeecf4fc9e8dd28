import { matchesSubscriptionFilter, toDynamoDBExpression, toSubscriptionFilter } from '../transform-util';

describe('toDynamoDBFilterExpression', () => {
  it('writes each condition once in parentheses, groups only where they hold several', () => {
    expect(JSON.parse(toDynamoDBExpression({ name: { eq: 'a' } })!)).toEqual({
      expression: '(#name = :name_eq)',
      expressionNames: { '#name': 'name' },
      expressionValues: { ':name_eq': { S: 'a' } },
    });
    const combined = JSON.parse(
      toDynamoDBExpression({ priority: { between: [1, 3] }, or: [{ name: { beginsWith: 'x' } }, { owner: { attributeExists: false } }], not: { done: { ne: true } } })!,
    );
    expect(combined.expression).toBe(
      '((#priority BETWEEN :priority_between AND :priority_between_2) AND ((begins_with(#name, :name_beginsWith_3)) OR (attribute_not_exists(#owner))) AND (NOT (#done <> :done_ne_4)))',
    );
    expect(combined.expressionValues).toEqual({
      ':priority_between': { N: '1' },
      ':priority_between_2': { N: '3' },
      ':name_beginsWith_3': { S: 'x' },
      ':done_ne_4': { BOOL: true },
    });
    expect(JSON.parse(toDynamoDBExpression({ and: [{ id: { attributeExists: false } }] })!).expression).toBe('(attribute_not_exists(#id))');
  });

  it('answers null for no filter and refuses unknown operators', () => {
    expect(toDynamoDBExpression(null)).toBeNull();
    expect(toDynamoDBExpression({})).toBeNull();
    expect(() => toDynamoDBExpression({ name: { like: 'a' } })).toThrow("Unrecognized Filter operator 'like' on 'name'.");
  });
});

describe('subscription filters', () => {
  it('turns a model filter into OR-ed groups of AND-ed conditions', () => {
    const filter = toSubscriptionFilter({ priority: { gt: 1 }, or: [{ name: { eq: 'a' } }, { name: { eq: 'b' } }] });
    expect(filter).toEqual({
      filterGroup: [
        { filters: [{ fieldName: 'priority', operator: 'gt', value: 1 }, { fieldName: 'name', operator: 'eq', value: 'a' }] },
        { filters: [{ fieldName: 'priority', operator: 'gt', value: 1 }, { fieldName: 'name', operator: 'eq', value: 'b' }] },
      ],
    });
    expect(matchesSubscriptionFilter(filter, { priority: 2, name: 'b' })).toBe(true);
    expect(matchesSubscriptionFilter(filter, { priority: 2, name: 'c' })).toBe(false);
    expect(matchesSubscriptionFilter(filter, { priority: 1, name: 'a' })).toBe(false);
  });

  it('leaves out ignored fields and adds the rules as a further condition', () => {
    const filter = toSubscriptionFilter({ name: { eq: 'a' }, owner: { eq: 'x' } }, ['owner'], { owner: { eq: 'alice' } });
    expect(filter.filterGroup).toEqual([{ filters: [{ fieldName: 'name', operator: 'eq', value: 'a' }, { fieldName: 'owner', operator: 'eq', value: 'alice' }] }]);
  });

  it('applies every operator', () => {
    const item = { tags: ['red', 'blue'], name: 'hello', n: 5 };
    const holds = (fieldName: string, operator: string, value: unknown) => matchesSubscriptionFilter({ filterGroup: [{ filters: [{ fieldName, operator, value }] }] }, item);
    expect([holds('tags', 'contains', 'red'), holds('name', 'contains', 'ell'), holds('tags', 'notContains', 'green'), holds('name', 'beginsWith', 'he')]).toEqual([true, true, true, true]);
    expect([holds('n', 'in', [1, 5]), holds('n', 'notIn', [5]), holds('n', 'between', [5, 9]), holds('tags', 'containsAny', ['x', 'blue'])]).toEqual([true, false, true, true]);
    expect([holds('n', 'ge', 5), holds('n', 'lt', 5), holds('missing', 'attributeExists', false), holds('name', 'ne', 'hello')]).toEqual([true, false, true, false]);
  });
});
