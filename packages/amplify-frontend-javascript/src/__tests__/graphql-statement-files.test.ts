import * as fs from 'fs';
import * as path from 'path';
import type { ProjectConfig } from 'amplify-cli-core';
import { makeTempDir, removeDir, testContext, writeProject } from 'amplify-test-support';
import { existingGraphqlStatementFiles } from '../graphql-statement-files';
import { deleteConfig } from '../index';

const GRAPHQL_CONFIG = `projects:
  myapi:
    schemaPath: src/graphql/schema.json
    includes:
      - src/graphql/**/*.ts
    extensions:
      amplify:
        codeGenTarget: typescript
        generatedFileName: src/API.ts
        docsFilePath: src/graphql
extensions:
  amplify:
    version: 3
`;

describe('GraphQL statements on amplify delete', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir('amplify-js-codegen-');
  });
  afterEach(() => removeDir(root));

  function touch(relative: string, text = ''): string {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  it('finds the statement files of each codegen project, with the target extension', () => {
    touch('.graphqlconfig.yml', GRAPHQL_CONFIG);
    const queries = touch('src/graphql/queries.ts');
    const mutations = touch('src/graphql/mutations.ts');
    touch('src/graphql/queries.graphql');
    expect(existingGraphqlStatementFiles(root)).toEqual([queries, mutations]);
  });

  it('finds nothing without a codegen config, and names a broken one', () => {
    expect(existingGraphqlStatementFiles(root)).toEqual([]);
    touch('.graphqlconfig.yml', 'projects: [unclosed');
    expect(() => existingGraphqlStatementFiles(root)).toThrow(expect.objectContaining({ code: 'InvalidGraphqlConfig' }));
  });

  it('deleteConfig removes the statements with the config files, and only warns about a broken codegen config', async () => {
    const projectConfig: ProjectConfig = {
      projectName: 'myapp',
      version: '3.0',
      frontend: 'javascript',
      providers: ['awscloudformation'],
      javascript: { framework: 'react', config: { SourceDir: 'src', DistributionDir: 'build', BuildCommand: 'b', StartCommand: 's' } },
    };
    writeProject(root, projectConfig, {});
    touch('.graphqlconfig.yml', GRAPHQL_CONFIG);
    touch('src/graphql/subscriptions.ts');
    touch('src/aws-exports.js');
    touch('src/App.tsx');
    const { context, printed } = testContext({ exeInfo: { inputParams: {}, localEnvInfo: { projectPath: root, envName: 'dev' } } });
    await deleteConfig(context);
    expect(fs.readdirSync(path.join(root, 'src')).sort()).toEqual(['App.tsx', 'graphql']);
    expect(fs.readdirSync(path.join(root, 'src', 'graphql'))).toEqual([]);

    touch('.graphqlconfig.yml', 'projects: [unclosed');
    await deleteConfig(context);
    expect(printed.warning[0]).toContain('the generated GraphQL statements were left in place');
  });
});
