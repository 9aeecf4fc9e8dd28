import * as fs from 'fs';
import type { GluegunParameters } from 'gluegun';
import type { GluegunTemplate } from 'gluegun/build/types/toolbox/template-types';
import {
  AmplifyToolkit,
  CommandEnvironment,
  CommandInput,
  createCoreToolkit,
  createPrompter,
  pathManager,
  PluginInfo,
  projectNotInitializedError,
} from 'amplify-cli-core';
import type { CliSession, CoreCommandContext } from '../cli-session';
import { useColors } from '../output/printer';
import { attachGluegunPieces } from './gluegun-toolbox';
import { defineLazyProperty } from './lazy-property';
import type * as PlatformToolkitModule from './platform-toolkit';
import type * as TemplateToolModule from './template-tool';

/** gluegun's parameters, derived from the parsed input the way the original's E3 platform did. */
export function createParameters(input: CommandInput): GluegunParameters {
  const array = [...(input.subCommands ?? [])];
  return {
    argv: input.argv,
    raw: input.argv,
    plugin: input.plugin,
    command: input.command,
    options: { ...(input.options ?? {}) },
    array,
    first: array[0],
    second: array[1],
    third: array[2],
    string: array.join(' '),
  };
}

/**
 * Builds the context handed to a command or plugin: gluegun's toolbox members (each loaded on first use),
 * `input`/`parameters`, `pluginPlatform`, and `context.amplify` = the core's toolkit + the platform functions.
 * `plugin` is the plugin about to run, whose folder is the default for `template.generate`.
 */
export function createAmplifyContext(session: CliSession, input: CommandInput, plugin?: PluginInfo): CoreCommandContext {
  const { environment, registry, printer } = session;
  const projectRoot = (): string | undefined => pathManager.searchProjectRootPath(environment.cwd);
  const requireProjectRoot = (): string => {
    const root = projectRoot();
    if (root === undefined) {
      throw projectNotInitializedError();
    }
    return root;
  };
  const parameters = createParameters(input);
  const commandEnvironment: CommandEnvironment = {
    env: environment.env,
    isInteractive: () => environment.stdin.isTTY === true,
    stdoutIsTTY: environment.stdout.isTTY === true,
  };
  const context = {
    input,
    parameters,
    config: {},
    pluginPlatform: registry.platform,
    pluginName: plugin?.manifest.name,
    commandName: input.command,
    environment: commandEnvironment,
    session,
  } as Partial<CoreCommandContext> & { session: CliSession };

  attachGluegunPieces(context, {
    colors: useColors(environment.stdout, environment.env),
    cliPackageDir: environment.cliPackageDir,
    cliPackageJson: () =>
      JSON.parse(fs.readFileSync(`${environment.cliPackageDir}/package.json`, 'utf8')) as Record<string, unknown> & {
        version: string;
      },
  });
  // The template tool and the platform functions are required on first use: `help` and `status` use neither.
  let templateTool: GluegunTemplate | undefined;
  const loadTemplateTool = (): GluegunTemplate =>
    (templateTool ??= (require('./template-tool') as typeof TemplateToolModule).createTemplateTool(() => plugin?.packageLocation, parameters, environment.cwd));
  defineLazyProperty(context, 'template', loadTemplateTool);
  defineLazyProperty(context, 'generate', () => loadTemplateTool().generate);

  defineLazyProperty(context, 'amplify', (): AmplifyToolkit => {
    const prompter = createPrompter({
      yes: input.options?.yes === true,
      isInteractive: commandEnvironment.isInteractive,
      input: environment.stdin,
      output: environment.stdout as NodeJS.WritableStream,
    });
    return {
      ...createCoreToolkit({ prompter, searchProjectRoot: projectRoot }),
      ...(require('./platform-toolkit') as typeof PlatformToolkitModule).createPlatformToolkit({ registry, printer, projectRoot, requireProjectRoot }),
    };
  });
  return context as CoreCommandContext;
}
