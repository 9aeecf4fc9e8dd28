import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from 'amplify-cli-core';
import { OVERRIDE_FILE } from './run-override';

export type OverrideKind = 'graphql' | 'rest';

const TEMPLATE_TYPE: Record<OverrideKind, string> = {
  graphql: 'AmplifyApiGraphQlResourceStackTemplate',
  rest: 'AmplifyApigwResourceStackTemplate',
};

function overrideSource(kind: OverrideKind): string {
  const example =
    kind === 'graphql'
      ? "  // e.g. resources.models['Todo'].modelDDBTable.pointInTimeRecoverySpecification = { pointInTimeRecoveryEnabled: true };"
      : "  // e.g. resources.restApi.description = 'My REST API';";
  return [
    `import { ${TEMPLATE_TYPE[kind]}, AmplifyProjectInfo } from '@aws-amplify/cli-extensibility-helper';`,
    '',
    `export function override(resources: ${TEMPLATE_TYPE[kind]}, amplifyProjectInfo: AmplifyProjectInfo) {`,
    example,
    '}',
    '',
  ].join('\n');
}

/** The files of an override folder; `package.json` and the tsconfigs let an editor type-check against the helper's types. */
function scaffoldFiles(kind: OverrideKind): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    [OVERRIDE_FILE]: overrideSource(kind),
    'package.json': json({
      name: 'overrides',
      version: '1.0.0',
      description: 'Overrides of the resources Amplify generates for this API',
      scripts: { build: 'tsc', watch: 'tsc -w' },
      dependencies: { '@aws-amplify/cli-extensibility-helper': '^3.0.0' },
      devDependencies: { typescript: '^5.9.3' },
    }),
    'tsconfig.json': json({ extends: './tsconfig.resource.json', include: [OVERRIDE_FILE] }),
    'tsconfig.resource.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'commonjs',
        lib: ['ES2022'],
        strict: false,
        esModuleInterop: true,
        skipLibCheck: true,
        outDir: 'build',
        rootDir: '.',
      },
    }),
  };
}

/**
 * Writes `override.ts` and its project files into the resource folder. Files already there are kept (the user's
 * edits); returns the path of `override.ts` and whether it was created now.
 */
export function scaffoldOverride(resourceDir: string, kind: OverrideKind): { overridePath: string; created: boolean } {
  const overridePath = path.join(resourceDir, OVERRIDE_FILE);
  const created = !fs.existsSync(overridePath);
  for (const [name, text] of Object.entries(scaffoldFiles(kind))) {
    const file = path.join(resourceDir, name);
    if (!fs.existsSync(file)) writeFileAtomic(file, text);
  }
  return { overridePath, created };
}
