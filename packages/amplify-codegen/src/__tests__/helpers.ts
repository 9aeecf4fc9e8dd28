import * as fs from 'fs';
import * as path from 'path';
import { createPrompter, type AmplifyContext, type Prompter } from 'amplify-cli-core';
import { createFixtureProject, writeProjectFile } from 'amplify-test-support';
import { buildAppSyncSchema } from '../service/appsync-schema';

export type FixtureName = 'todo' | 'blog';

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

export function fixtureSchema(name: FixtureName) {
  return buildAppSyncSchema(fixtureText(`${name}.compiled.graphql`));
}

export interface CodegenFixtureOptions {
  fixture?: FixtureName;
  frontend?: 'javascript' | 'android' | 'ios' | 'flutter';
  framework?: string;
  apiName?: string;
  /** Leave the API out of amplify-meta.json. */
  noApi?: boolean;
  /** Write no build/schema.graphql. */
  notCompiled?: boolean;
  dataStore?: boolean;
  files?: Record<string, string>;
}

/** A project with an AppSync API whose compiled schema (and annotated source) are the named fixture. */
export function createCodegenProject(options: CodegenFixtureOptions = {}): string {
  const fixture = options.fixture ?? 'blog';
  const apiName = options.apiName ?? `${fixture}api`;
  const frontend = options.frontend ?? 'javascript';
  const frontendBlock =
    frontend === 'javascript'
      ? { javascript: { framework: options.framework ?? 'react', config: { SourceDir: 'src', DistributionDir: 'build', BuildCommand: 'npm run build', StartCommand: 'npm start' } } }
      : frontend === 'android'
        ? { android: { config: { ResDir: 'app/src/main/res' } } }
        : { [frontend]: { config: {} } };
  const providers = { awscloudformation: { Region: 'us-east-1', StackName: 'amplify-shop-dev-1', DeploymentBucketName: 'amplify-shop-dev-1-deployment' } };
  const api = { service: 'AppSync', providerPlugin: 'awscloudformation', output: { GraphQLAPIIdOutput: 'abc123', GraphQLAPIEndpointOutput: 'https://localhost/graphql' } };
  const files: Record<string, string> = {};
  if (!options.noApi) {
    files[`backend/api/${apiName}/schema.graphql`] = fixtureText(`${fixture}.source.graphql`);
    if (!options.notCompiled) files[`backend/api/${apiName}/build/schema.graphql`] = fixtureText(`${fixture}.compiled.graphql`);
    files[`backend/api/${apiName}/transform.conf.json`] = JSON.stringify(options.dataStore ? { Version: 5, ResolverConfig: { project: { ConflictHandler: 'AUTOMERGE', ConflictDetection: 'VERSION' } } } : { Version: 5 });
  }
  const root = createFixtureProject({
    projectConfig: { projectName: 'shop', version: '3.0', frontend, providers: ['awscloudformation'], ...frontendBlock },
    meta: { providers, ...(options.noApi ? {} : { api: { [apiName]: api } }) },
    localEnvInfo: { envName: 'dev' },
    files,
  });
  for (const [relative, content] of Object.entries(options.files ?? {})) writeProjectFile(root, relative, content);
  return root;
}

export interface Printed {
  info: string[];
  success: string[];
  warning: string[];
}

/** The context members the codegen commands use, over the real prompter (non-interactive unless `prompter` given). */
export function commandContext(options: { command: string; subCommands?: string[]; options?: Record<string, string | boolean>; prompter?: Prompter; interactive?: boolean }): { context: AmplifyContext; printed: Printed } {
  const printed: Printed = { info: [], success: [], warning: [] };
  const yes = options.options?.yes === true;
  const context = {
    input: { argv: [], plugin: 'codegen', command: options.command, subCommands: options.subCommands, options: options.options },
    print: {
      info: (message: string) => printed.info.push(message),
      success: (message: string) => printed.success.push(message),
      warning: (message: string) => printed.warning.push(message),
      table: (rows: string[][]) => printed.info.push(rows.map((row) => row.join(' | ')).join('\n')),
    },
    amplify: { prompter: options.prompter ?? createPrompter({ yes, isInteractive: () => options.interactive ?? false }) },
    environment: { env: {}, isInteractive: () => options.interactive ?? false, stdoutIsTTY: false },
  };
  return { context: context as unknown as AmplifyContext, printed };
}

/** Runs `fn` with the process in `dir` (the commands find the project from the working directory, as the CLI does). */
export async function inDirectory<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await fn();
  } finally {
    process.chdir(previous);
  }
}
