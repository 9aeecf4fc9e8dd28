#!/usr/bin/env node
// Runs every benchmark in scripts/bench/ (each `*.js` file but this one), one after another, with their output
// as is. Extra arguments are passed to each benchmark (for example the number of runs); `--only a,b` runs just the
// benchmarks whose file name contains one of the comma-separated parts.
// Usage: node scripts/bench/run-all.js [--only <parts>] [args...]   (or: npm run bench)
//
// The local cloud's data plane as an app meets it (issue 10; targets: each <= 20 ms median on the 2-core machine),
// `node scripts/bench/run-all.js --only signin,appsync`:
//   local-cloud-signin.js   aws-amplify 6 signIn (USER_SRP_AUTH): InitiateAuth + RespondToAuthChallenge round trips
//   local-cloud-appsync.js  GraphQL query round trip, mutation round trip, subscription delivery over the WebSocket
// The other benchmarks' targets are in README.md, next to each one's description.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args.splice(onlyIndex, 2)[1] ?? '').split(',').filter(Boolean) : undefined;
if (only !== undefined && only.length === 0) {
  console.error('--only needs parts of benchmark file names, e.g. --only signin,appsync');
  process.exit(1);
}

const benchmarks = fs
  .readdirSync(__dirname)
  .filter((file) => file.endsWith('.js') && file !== path.basename(__filename) && (only === undefined || only.some((part) => file.includes(part))))
  .sort();
if (benchmarks.length === 0) {
  console.error(`No benchmark file name contains ${only.join(' or ')}; the files are in ${__dirname}`);
  process.exit(1);
}
let failed = 0;
for (const file of benchmarks) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, [path.join(__dirname, file), ...args], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`${file} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
