import { parseLocalAwsEnvInfo } from '../local-aws-env-info';

const EXAMPLE = '{"configLevel":"local"}';

describe('parseLocalAwsEnvInfo', () => {
  it('accepts the shapes local-aws-info.json stores', () => {
    expect(parseLocalAwsEnvInfo({ configLevel: 'local' }, '--awsInfo', EXAMPLE)).toEqual({ configLevel: 'local' });
    expect(parseLocalAwsEnvInfo({ configLevel: 'project', useProfile: true, profileName: 'dev' }, '--awsInfo', EXAMPLE)).toEqual({
      configLevel: 'project',
      useProfile: true,
      profileName: 'dev',
    });
    expect(parseLocalAwsEnvInfo({ configLevel: 'project', useProfile: false, awsConfigFilePath: '/k.json' }, '--awsInfo', EXAMPLE)).toEqual({
      configLevel: 'project',
      useProfile: false,
      awsConfigFilePath: '/k.json',
    });
  });

  it.each([
    [{ configLevel: 'bogus' }, '--awsInfo: configLevel must be "project", "general" or "local", not "bogus"'],
    [{ configLevel: 'project', useProfile: 'yes' }, '--awsInfo: useProfile must be true or false, not "yes"'],
    [{ configLevel: 'project', useProfile: true }, '--awsInfo: profileName must name a profile of ~/.aws/config, not undefined'],
    [{ configLevel: 'project', useProfile: false }, '--awsInfo: awsConfigFilePath must be the path of a keys file, not undefined'],
    [[], '--awsInfo: must be a JSON object, not []'],
  ])('names the field of %j', (value, message) => {
    expect(() => parseLocalAwsEnvInfo(value, '--awsInfo', EXAMPLE)).toThrow(message);
  });
});
