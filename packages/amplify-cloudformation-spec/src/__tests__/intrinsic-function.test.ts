import { getAttArguments, intrinsicCallOf, parseSubString } from '..';

describe('parseSubString', () => {
  it('splits literals from references, trimming names and keeping ${!Literal} literal', () => {
    expect(parseSubString('a${ X }b')).toEqual([{ literal: 'a' }, { reference: 'X' }, { literal: 'b' }]);
    expect(parseSubString('arn:${Bucket.Arn}/${!Literal}')).toEqual([{ literal: 'arn:' }, { reference: 'Bucket.Arn' }, { literal: '/${Literal}' }]);
  });

  it('reads a ${ without its } as literal text', () => {
    expect(parseSubString('x${A}y${open')).toEqual([{ literal: 'x' }, { reference: 'A' }, { literal: 'y${open' }]);
  });
});

describe('getAttArguments', () => {
  it('reads both forms, splitting the string form at the first dot', () => {
    expect(getAttArguments(['Bucket', 'Arn'])).toEqual({ logicalId: 'Bucket', attribute: 'Arn' });
    expect(getAttArguments('Child.Outputs.Url')).toEqual({ logicalId: 'Child', attribute: 'Outputs.Url' });
    expect(getAttArguments(['Bucket', { Ref: 'Name' }])).toEqual({ logicalId: 'Bucket', attribute: { Ref: 'Name' } });
  });

  it('refuses what names no resource and attribute', () => {
    for (const argument of ['Bucket', '.Arn', 'Bucket.', ['Bucket'], ['', 'Arn'], ['Bucket', ''], 3]) expect(getAttArguments(argument)).toBeUndefined();
  });
});

it('recognises Ref and Fn:: calls only as single-key objects', () => {
  expect(intrinsicCallOf({ Ref: 'X' })).toEqual({ name: 'Ref', argument: 'X' });
  expect(intrinsicCallOf({ 'Fn::Length': [1] })).toEqual({ name: 'Fn::Length', argument: [1] });
  expect(intrinsicCallOf({ Ref: 'X', Other: 1 })).toBeUndefined();
  expect(intrinsicCallOf({ Condition: 'C' })).toBeUndefined();
});
