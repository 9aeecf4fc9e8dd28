import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanupTempDirs, createFixtureProject } from 'amplify-test-support';

// The PostPush handler runs on every push: for a project without a GraphQL API it must not load graphql or yaml.
const lib = path.join(__dirname, '..', 'lib', 'index.js');

afterAll(() => cleanupTempDirs());

it('a push of a project without a GraphQL API loads no third-party package for codegen', () => {
  const root = createFixtureProject({ meta: { providers: { awscloudformation: { Region: 'us-east-1' } } } });
  const script = path.join(root, 'probe.js');
  fs.writeFileSync(
    script,
    `const before = new Set(Object.keys(require.cache));
     const codegen = require(${JSON.stringify(lib)});
     const print = { info() {}, success() {}, warning(m) { throw new Error(m); } };
     codegen.handleAmplifyEvent({ print, input: {}, environment: { isInteractive: () => false } }, { event: 'PostPush' }).then(() => {
       const loaded = Object.keys(require.cache).filter((f) => !before.has(f) && f.includes('node_modules') && !f.includes('amplify-cli-core'));
       process.stdout.write(JSON.stringify(loaded));
     });`,
  );
  expect(JSON.parse(execFileSync(process.execPath, [script], { cwd: root }).toString())).toEqual([]);
});
