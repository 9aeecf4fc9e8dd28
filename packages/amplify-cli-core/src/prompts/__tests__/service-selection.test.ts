import { AmplifyError } from '../../errors/amplify-error';
import { createPrompter, type Prompter } from '../prompter';
import { selectService } from '../service-selection';

const services = {
  S3AndCloudFront: { alias: 'Amazon CloudFront and S3', provider: 'awscloudformation' },
  amplifyhosting: { alias: 'Hosting with Amplify Console', provider: 'awscloudformation' },
  Other: { alias: 'Elsewhere', provider: 'otherprovider' },
};

describe('selectService', () => {
  it('takes the only service of an enabled provider without asking', async () => {
    const neverAsks: Prompter = { ...createPrompter({ isInteractive: () => false }) };
    await expect(
      selectService({ category: 'hosting', supportedServices: { Other: services.Other, S3AndCloudFront: services.S3AndCloudFront }, enabledProviders: ['awscloudformation'], prompter: neverAsks }),
    ).resolves.toEqual({ service: 'S3AndCloudFront', providerName: 'awscloudformation', autoSelected: true });
  });

  it('lists the services of enabled providers by alias; --yes takes the first', async () => {
    let listed: unknown;
    const recording: Prompter = {
      ...createPrompter({ yes: true }),
      pick: (async (options: { choices: unknown }) => {
        listed = options.choices;
        return 'amplifyhosting';
      }) as unknown as Prompter['pick'],
    };
    await expect(selectService({ category: 'hosting', supportedServices: services, enabledProviders: ['awscloudformation'], prompter: recording })).resolves.toEqual({
      service: 'amplifyhosting',
      providerName: 'awscloudformation',
      autoSelected: false,
    });
    expect(listed).toEqual([
      { name: 'Amazon CloudFront and S3', value: 'S3AndCloudFront' },
      { name: 'Hosting with Amplify Console', value: 'amplifyhosting' },
    ]);
    await expect(
      selectService({ category: 'hosting', supportedServices: services, enabledProviders: ['awscloudformation'], prompter: createPrompter({ yes: true }) }),
    ).resolves.toMatchObject({ service: 'S3AndCloudFront' });
  });

  it('fails when no enabled provider offers the category', async () => {
    const error = await selectService({ category: 'hosting', supportedServices: services, enabledProviders: [], prompter: createPrompter({ yes: true }) }).catch((e: AmplifyError) => e);
    expect(error).toBeInstanceOf(AmplifyError);
    expect((error as AmplifyError).code).toBe('NoServiceAvailable');
    expect((error as AmplifyError).message).toBe("No hosting service is provided by this project's providers (none)");
  });
});
