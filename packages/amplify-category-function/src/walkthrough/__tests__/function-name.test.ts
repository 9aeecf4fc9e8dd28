import { inputValidation } from 'amplify-cli-core';
import { environmentVariableParameter, resourceEnvironmentVariable } from '../../function-definition';
import { FUNCTION_NAME_VALIDATION, defaultFunctionName, defaultRoleName, environmentVariableProblem } from '../function-name';

describe('function name rules', () => {
  const validate = inputValidation({ required: true, validation: FUNCTION_NAME_VALIDATION });

  test.each(['shopfn', 'Shop123', 'a'])('accepts %s', (name) => {
    expect(validate(name)).toBe(true);
  });

  test.each(['shop-fn', 'shop_fn', 'shop fn', 'fn!', 'été'])('refuses %s with the original message', (name) => {
    expect(validate(name)).toBe('You can use the following characters: a-z A-Z 0-9');
  });

  test('an empty name is refused', () => {
    expect(validate('')).not.toBe(true);
  });

  test('defaults: project name reduced to lower-case letters and digits, then the id', () => {
    expect(defaultFunctionName('My-Shop_2', 'ab12cd34')).toBe('myshop2ab12cd34');
    expect(defaultRoleName('My-Shop_2', 'ab12cd34')).toBe('MyShop2LambdaRoleab12cd34');
  });
});

describe('environment variable rules', () => {
  test('accepts a new valid name', () => {
    expect(environmentVariableProblem('API_URL', ['OTHER'])).toBeUndefined();
  });

  test.each([
    ['1ABC', 'You can use the following characters'],
    ['MY-VAR', 'You can use the following characters'],
    ['ENV', 'reserved'],
    ['REGION', 'reserved'],
    ['AWS_REGION', 'reserved'],
  ])('refuses %s', (name, why) => {
    expect(environmentVariableProblem(name, [])).toContain(why);
  });

  test('refuses a name already set', () => {
    expect(environmentVariableProblem('API_URL', ['API_URL'])).toBe('API_URL is already set for this function');
  });

  test('names of parameters and variables follow the original', () => {
    expect(environmentVariableParameter('API_URL')).toBe('apiUrl');
    expect(environmentVariableParameter('GREETING')).toBe('greeting');
    expect(environmentVariableParameter('my__long_NAME')).toBe('myLongName');
    expect(resourceEnvironmentVariable('storage', 'myBucket', 'BucketName')).toBe('STORAGE_MYBUCKET_BUCKETNAME');
    expect(resourceEnvironmentVariable('api', 'myapi', 'GraphQLAPIIdOutput')).toBe('API_MYAPI_GRAPHQLAPIIDOUTPUT');
  });
});
