#!/usr/bin/env node
// Runs every benchmark in scripts/bench/ (each `*.js` file but this one), one after another, with their output
// as is. Extra arguments are passed to each benchmark (for example the number of runs).
// Usage: node scripts/bench/run-all.js [args...]   (or: npm run bench)
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const benchmarks = fs
  .readdirSync(__dirname)
  .filter((file) => file.endsWith('.js') && file !== path.basename(__filename))
  .sort();
let failed = 0;
for (const file of benchmarks) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, [path.join(__dirname, file), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`${file} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
