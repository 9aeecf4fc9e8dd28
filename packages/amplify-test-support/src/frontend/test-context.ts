import * as fs from 'fs';
import { createPrompter, pathManager, stateManager } from 'amplify-cli-core';
import type { AmplifyMeta, ExeInfo, ProjectConfig, Prompter } from 'amplify-cli-core';
import type { FrontendContext } from 'amplify-frontend-support';

export interface Printed {
  info: string[];
  warning: string[];
  success: string[];
}

/** Answers questions from a script keyed by message; unscripted questions take their default. */
export function scriptedPrompter(answers: Record<string, unknown>, asked: string[] = []): Prompter {
  const answer = <T>(message: string, fallback: T | undefined): T => {
    asked.push(message);
    const value = message in answers ? answers[message] : fallback;
    if (value === undefined) {
      throw new Error(`unscripted question without default: ${message}`);
    }
    return value as T;
  };
  return {
    confirm: async ({ message, default: d }) => answer(message, d),
    input: async ({ message, default: d }) => answer(message, d),
    password: async ({ message, default: d }) => answer(message, d),
    pick: (async ({ message, default: d }: { message: string; default?: unknown }) => answer(message, d)) as Prompter['pick'],
  };
}

/** Writes the files of an initialised project; returns its root. */
export function writeProject(root: string, projectConfig: ProjectConfig, meta: AmplifyMeta, currentMeta?: AmplifyMeta): string {
  fs.mkdirSync(pathManager.getDotConfigDirPath(root), { recursive: true });
  stateManager.setProjectConfig(root, projectConfig);
  stateManager.setMeta(root, meta);
  if (currentMeta) {
    fs.mkdirSync(pathManager.getCurrentCloudBackendDirPath(root), { recursive: true });
    stateManager.setCurrentMeta(root, currentMeta);
  }
  stateManager.setLocalEnvInfo(root, { projectPath: root, envName: 'dev' });
  return root;
}

export interface TestContextOptions {
  prompter?: Prompter;
  exeInfo?: ExeInfo;
  yes?: boolean;
}

/** A frontend context over the real core state modules, with printed lines collected. */
export function testContext(options: TestContextOptions = {}): { context: FrontendContext; printed: Printed } {
  const printed: Printed = { info: [], warning: [], success: [] };
  const context: FrontendContext = {
    amplify: { prompter: options.prompter ?? createPrompter({ yes: options.yes ?? false, isInteractive: () => false }), pathManager, stateManager },
    print: {
      info: (message: unknown) => printed.info.push(String(message)),
      warning: (message: unknown) => printed.warning.push(String(message)),
      success: (message: unknown) => printed.success.push(String(message)),
    },
    input: { options: options.yes ? { yes: true } : {} },
    exeInfo: options.exeInfo,
  };
  return { context, printed };
}
