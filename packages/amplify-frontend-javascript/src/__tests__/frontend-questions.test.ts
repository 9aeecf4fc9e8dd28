import { createPrompter } from 'amplify-cli-core';
import { scriptedPrompter, testContext } from 'amplify-test-support';
import { askJavascriptBlock } from '../frontend-questions';

describe('askJavascriptBlock', () => {
  it('asks the framework then the four settings, defaulting to the guessed framework', async () => {
    const asked: string[] = [];
    const { context, printed } = testContext();
    const block = await askJavascriptBlock({
      prompter: scriptedPrompter({ 'Build Command: ': 'npm run build:prod' }, asked),
      print: context.print,
      yes: false,
      guessedFramework: 'vue',
    });
    expect(printed.info).toEqual(['Please tell us about your project']);
    expect(asked).toEqual([
      'What javascript framework are you using',
      'Source Directory Path: ',
      'Distribution Directory Path:',
      'Build Command: ',
      'Start Command:',
    ]);
    expect(block).toEqual({
      framework: 'vue',
      config: { SourceDir: 'src', DistributionDir: 'dist', BuildCommand: 'npm run build:prod', StartCommand: 'npm run-script serve' },
    });
  });

  it('resets the defaults when another framework is picked, keeps the current settings otherwise', async () => {
    const current = {
      framework: 'react' as const,
      config: { SourceDir: 'app', DistributionDir: 'out', BuildCommand: 'make', StartCommand: 'make run' },
    };
    const { context } = testContext();
    const same = await askJavascriptBlock({ prompter: scriptedPrompter({}), print: context.print, yes: false, guessedFramework: 'none', current });
    expect(same).toEqual(current);
    const switched = await askJavascriptBlock({
      prompter: scriptedPrompter({ 'What javascript framework are you using': 'angular' }),
      print: context.print,
      yes: false,
      guessedFramework: 'none',
      current,
    });
    expect(switched.config).toEqual({ SourceDir: 'src', DistributionDir: 'dist', BuildCommand: 'npm run-script build', StartCommand: 'ng serve' });
  });

  it('takes the guessed defaults silently under --yes', async () => {
    const { context, printed } = testContext();
    const block = await askJavascriptBlock({ prompter: createPrompter({ yes: true }), print: context.print, yes: true, guessedFramework: 'react' });
    expect(block).toEqual({
      framework: 'react',
      config: { SourceDir: 'src', DistributionDir: 'build', BuildCommand: 'npm run-script build', StartCommand: 'npm run-script start' },
    });
    expect(printed.info).toEqual([]);
  });

  it('fails at once without a terminal and without --yes, naming --frontend', async () => {
    const { context } = testContext();
    const asking = askJavascriptBlock({
      prompter: createPrompter({ yes: false, isInteractive: () => false }),
      print: context.print,
      yes: false,
      guessedFramework: 'react',
    });
    await expect(asking).rejects.toMatchObject({ code: 'NonInteractiveShell', resolution: expect.stringContaining('--frontend') });
  });

  it('uses the headless framework and config without asking', async () => {
    const { context } = testContext();
    const config = { SourceDir: 'web', DistributionDir: 'public', BuildCommand: 'yarn build', StartCommand: 'yarn dev' };
    const noQuestions = createPrompter({ yes: false, isInteractive: () => false });
    await expect(
      askJavascriptBlock({ prompter: noQuestions, print: context.print, yes: false, guessedFramework: 'none', headless: { framework: 'react', config } }),
    ).resolves.toEqual({ framework: 'react', config });
    await expect(
      askJavascriptBlock({ prompter: noQuestions, print: context.print, yes: false, guessedFramework: 'none', headless: { framework: 'angular' } }),
    ).resolves.toEqual({
      framework: 'angular',
      config: { SourceDir: 'src', DistributionDir: 'dist', BuildCommand: 'npm run-script build', StartCommand: 'ng serve' },
    });
  });

  it('refuses an unknown headless framework, naming it', async () => {
    const { context } = testContext();
    const asking = askJavascriptBlock({
      prompter: createPrompter({ yes: true }),
      print: context.print,
      yes: true,
      guessedFramework: 'react',
      headless: { framework: 'svelte' },
    });
    await expect(asking).rejects.toThrow('--frontend framework "svelte" is not a javascript framework this CLI knows');
  });

  it('rejects a headless config that lacks some of the four keys', async () => {
    const asking = askJavascriptBlock({
      prompter: createPrompter({ yes: true }),
      print: testContext().context.print,
      yes: true,
      guessedFramework: 'react',
      headless: { framework: 'react', config: { SourceDir: 'src', BuildCommand: 'x' } },
    });
    await expect(asking).rejects.toMatchObject({ code: 'InvalidHeadlessInput', message: '--frontend config lacks DistributionDir, StartCommand' });
  });

  it.each([
    ['SourceDir', '../x', 'leads outside the project'],
    ['DistributionDir', '/var/www', 'is an absolute path'],
  ])('rejects a headless %s of %j, naming the setting and the fix', async (key, value, problem) => {
    const config = { SourceDir: 'src', DistributionDir: 'build', BuildCommand: 'b', StartCommand: 's', [key]: value };
    const asking = askJavascriptBlock({ prompter: createPrompter({ yes: true }), print: testContext().context.print, yes: true, guessedFramework: 'react', headless: { framework: 'react', config } });
    await expect(asking).rejects.toMatchObject({
      code: 'InvalidHeadlessInput',
      message: `--frontend config.${key} ${JSON.stringify(value)} ${problem}`,
      resolution: expect.stringContaining('inside the project'),
    });
  });

  it('asks again for a folder outside the project', async () => {
    const validators: Record<string, ((answer: string) => unknown) | undefined> = {};
    const prompter = {
      ...scriptedPrompter({}),
      input: async ({ message, default: d, validate }: { message: string; default?: string; validate?: (answer: string) => unknown }) => {
        validators[message] = validate;
        return d ?? '';
      },
    } as unknown as Parameters<typeof askJavascriptBlock>[0]['prompter'];
    await askJavascriptBlock({ prompter, print: testContext().context.print, yes: false, guessedFramework: 'react' });
    for (const question of ['Source Directory Path: ', 'Distribution Directory Path:']) {
      expect(validators[question]?.('src')).toBe(true);
      expect(validators[question]?.('/')).toBe(true);
      expect(validators[question]?.('../x')).toBe('The folder must be inside the project, relative to its root: "../x" leads outside the project');
    }
  });
});
