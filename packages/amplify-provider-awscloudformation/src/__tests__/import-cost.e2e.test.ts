import { execFileSync } from 'child_process';
import * as path from 'path';

/**
 * Every `amplify` command loads the provider's main module to find its functions; the AWS SDK, fflate, the
 * CloudFormation specification and the local cloud must load only inside the functions that use them.
 */
it('importing the built provider loads none of its heavy dependencies', () => {
  const lib = path.join(__dirname, '..', '..', 'lib');
  const script = `require(${JSON.stringify(lib)}); console.log(JSON.stringify(Object.keys(require.cache)));`;
  const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
  const heavy = loaded.filter((file) => /[\\/](@aws-sdk|@smithy|fflate|yaml|better-sqlite3|@inquirer|@aws-cdk)[\\/]|amplify-local-cloud|amplify-cloudformation-spec/.test(file));
  expect(heavy).toEqual([]);
  expect(loaded.some((file) => file.endsWith(path.join('lib', 'provider-plugin.js')))).toBe(true);
});
