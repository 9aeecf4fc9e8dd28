import { AmplifyError, FileRollback, FrontendPlugin, pathManager, ProjectConfig, stateManager, withProjectLock } from 'amplify-cli-core';
import type { CoreCommandContext } from '../../cli-session';
import { projectExeInfo, writeLocalEnvInfo } from '../exe-info';
import type { HeadlessInput } from '../headless-input';
import { isValidProjectName, PROJECT_NAME_RULE } from '../init/project-name';
import { callPlugin, installedPlugins, loadPlugins, providerPlugin } from '../project-plugins';

const EDITORS = ['vscode', 'atom', 'sublime', 'intellij', 'vim', 'emacs', 'none'];

/**
 * `amplify configure project`: the init questions again, each defaulting to the current
 * answer, with the same headless flags. Choosing another frontend runs its init and drops the old block.
 */
export async function configureProject(context: CoreCommandContext, projectRoot: string, headless: HeadlessInput): Promise<void> {
  await withProjectLock(projectRoot, 'configure project', async () => {
    const exeInfo = projectExeInfo(context, projectRoot, headless);
    const projectConfig = exeInfo.projectConfig as ProjectConfig;
    const prompter = context.amplify.prompter;

    const projectName =
      headless.amplify.projectName ??
      (await prompter.input({
        message: 'Enter a name for the project',
        default: projectConfig.projectName,
        flag: '--amplify \'{"projectName":"<name>"}\'',
        validate: (value) => isValidProjectName(value) || PROJECT_NAME_RULE,
      }));
    if (!isValidProjectName(projectName)) {
      throw new AmplifyError('InvalidProjectName', `Project name "${projectName}" is invalid. ${PROJECT_NAME_RULE}`, {
        resolution: 'Pass a valid name in --amplify \'{"projectName":"myapp"}\'',
      });
    }
    projectConfig.projectName = projectName;
    const localEnvInfo = stateManager.getLocalEnvInfo(projectRoot);
    const currentEditor = localEnvInfo.defaultEditor ?? 'vscode';
    const defaultEditor =
      headless.amplify.defaultEditor ??
      (await prompter.pick<string>({
        message: 'Choose your default editor:',
        // An editor named through --amplify at init (e.g. the original's "code") stays selectable.
        choices: EDITORS.includes(currentEditor) ? EDITORS : [currentEditor, ...EDITORS],
        default: currentEditor,
        flag: '--amplify \'{"defaultEditor":"vscode"}\'',
      }));

    const frontends = loadPlugins<Partial<FrontendPlugin>>(context, installedPlugins(context, 'frontend'));
    const requested = headless.frontend ? String(headless.frontend.frontend ?? headless.frontend.type) : undefined;
    const frontendName =
      requested ??
      (await prompter.pick<string>({
        message: "Choose the type of app that you're building",
        choices: frontends.map((f) => ({ name: f.info.manifest.displayName ?? f.info.manifest.name, value: f.info.manifest.name })),
        default: projectConfig.frontend,
        flag: '--frontend',
      }));
    const frontend = frontends.find((f) => f.info.manifest.name === frontendName || (f.info.manifest.aliases ?? []).includes(frontendName));
    if (!frontend) {
      throw new AmplifyError('FrontendNotFound', `"${frontendName}" is not an installed frontend`, {
        resolution: `Use one of: ${frontends.map((f) => f.info.manifest.name).join(', ')}`,
      });
    }

    const rollback = new FileRollback()
      .keepFile(pathManager.getProjectConfigFilePath(projectRoot))
      .keepFile(pathManager.getLocalEnvFilePath(projectRoot))
      .keepFile(pathManager.getLocalAWSInfoFilePath(projectRoot));
    await rollback.guard(async () => {
      if (frontend.info.manifest.name === projectConfig.frontend) {
        await callPlugin(frontend, 'configure', context);
      } else {
        // The old frontend's generated files would otherwise be left behind, stale, beside the new ones.
        const previous = frontends.find((f) => f.info.manifest.name === projectConfig.frontend);
        if (previous) await callPlugin(previous, 'deleteConfig', context);
        delete projectConfig[projectConfig.frontend];
        projectConfig.frontend = frontend.info.manifest.name;
        await callPlugin(frontend, 'init', context);
      }
      for (const name of projectConfig.providers) {
        await callPlugin(providerPlugin(context, name), 'configure', context);
      }
      stateManager.setProjectConfig(projectRoot, projectConfig);
      writeLocalEnvInfo(projectRoot, { ...localEnvInfo, defaultEditor });
      await context.amplify.onCategoryOutputsChange(context);
    });
    context.session.printer.success('✔ Successfully made configuration changes to your project.');
  });
}
