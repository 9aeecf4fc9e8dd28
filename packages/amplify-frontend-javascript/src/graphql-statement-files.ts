import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError } from 'amplify-cli-core';
import { isJsonObject } from 'amplify-frontend-support';

/** The codegen configuration at the project root (`.graphqlconfig.yml`, as the original's codegen writes it). */
export const GRAPHQL_CONFIG_FILENAME = '.graphqlconfig.yml';

const STATEMENT_FILES = ['queries', 'mutations', 'subscriptions'];

/** File extension of generated statements per codegen target; unknown targets write `.graphql`. */
const EXTENSION_BY_TARGET: Record<string, string> = {
  javascript: 'js',
  graphql: 'graphql',
  flow: 'js',
  typescript: 'ts',
  angular: 'graphql',
};

/**
 * The GraphQL statement files codegen generated for the app (`<docsFilePath>/{queries,mutations,subscriptions}.<ext>`
 * of every project in `.graphqlconfig.yml`) that exist. They are generated from the API, so `amplify delete` takes
 * them away with the other generated config.
 */
export function existingGraphqlStatementFiles(projectPath: string): string[] {
  const configPath = path.join(projectPath, GRAPHQL_CONFIG_FILENAME);
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
  // Loaded here only: most projects have no codegen, and no other command needs YAML.
  const YAML = require('yaml') as typeof import('yaml');
  let config: unknown;
  try {
    config = YAML.parse(text);
  } catch (cause) {
    throw new AmplifyError('InvalidGraphqlConfig', `${configPath} is not valid YAML`, {
      resolution: 'Fix the file, or run "amplify codegen configure" to write it again',
      cause,
    });
  }
  const projects = isJsonObject(config) && isJsonObject(config.projects) ? Object.values(config.projects) : [];
  const files: string[] = [];
  for (const project of projects) {
    const extensions = isJsonObject(project) ? project.extensions : undefined;
    const amplify = isJsonObject(extensions) ? extensions.amplify : undefined;
    if (!isJsonObject(amplify) || typeof amplify.docsFilePath !== 'string') {
      continue;
    }
    const target = typeof amplify.codeGenTarget === 'string' ? amplify.codeGenTarget : '';
    const extension = EXTENSION_BY_TARGET[target] ?? 'graphql';
    for (const name of STATEMENT_FILES) {
      const file = path.join(projectPath, amplify.docsFilePath, `${name}.${extension}`);
      if (fs.existsSync(file)) {
        files.push(file);
      }
    }
  }
  return files;
}
