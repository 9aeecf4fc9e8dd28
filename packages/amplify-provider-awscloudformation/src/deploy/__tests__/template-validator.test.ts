import { AmplifyError, isAmplifyError } from 'amplify-cli-core';
import { specTemplateValidator } from '../template-validator';

it("turns the spec package's own parse error into an AmplifyError with its code, resolution and cause", () => {
  let thrown: unknown;
  try {
    specTemplateValidator().parse('{ "Resources": ', 'storage.json');
  } catch (error) {
    thrown = error;
  }
  expect(isAmplifyError(thrown)).toBe(true);
  expect(thrown).toBeInstanceOf(AmplifyError);
  expect(thrown).toMatchObject({ code: 'TemplateParseError', message: expect.stringMatching(/^storage\.json/), resolution: expect.stringContaining('storage.json') });
  expect((thrown as Error).cause).toMatchObject({ name: 'CloudFormationSpecError' });
});

it('returns validation issues as data', () => {
  expect(specTemplateValidator().validate({ Resources: { B: { Type: 'AWS::S3::Buckett' } } }, 'storage.json')).toEqual([
    expect.objectContaining({ code: 'UnknownResourceType', resource: 'B', fileName: 'storage.json' }),
  ]);
});
