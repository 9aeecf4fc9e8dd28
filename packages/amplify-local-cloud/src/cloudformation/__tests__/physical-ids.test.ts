import { generatedName, ids, nestedStackName, stackArn } from '../physical-ids';

test('generated names follow <stack>-<logicalId>-<RANDOM> and fit the limit', () => {
  expect(generatedName('app', 'Queue')).toMatch(/^app-Queue-[A-Z0-9]{13}$/);
  const bucket = generatedName('My-Stack', 'WebsiteBucket', { maxLength: 63, lowercase: true });
  expect(bucket).toMatch(/^my-stack-websitebucket-[a-z0-9]{12}$/);
  const long = generatedName('a'.repeat(100), 'B'.repeat(100), { maxLength: 64 });
  expect(long.length).toBeLessThanOrEqual(64);
  expect(long).toMatch(/^a+-B+-[A-Z0-9]{13}$/);
  expect(nestedStackName('amplify-app-dev-1234', 'apiapp')).toMatch(/^amplify-app-dev-1234-apiapp-[A-Z0-9]{13}$/);
});

test('ids have AWS formats', () => {
  expect(stackArn('us-east-1', '123456789012', 's')).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/s\/[0-9a-f-]{36}$/);
  expect(ids.cognitoUserPool('eu-west-1')).toMatch(/^eu-west-1_[A-Za-z0-9]{9}$/);
  expect(ids.cognitoClient()).toMatch(/^[a-z0-9]{26}$/);
  expect(ids.cognitoIdentityPool('us-east-1')).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
  expect(ids.iam('AROA')).toMatch(/^AROA[A-Z0-9]{17}$/);
});
