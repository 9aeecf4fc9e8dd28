#!/usr/bin/env node
// Prints jest's real totals from its --json results as the one line CI reads: "N passed, N failed".
const fs = require('fs');

const file = process.argv[2];
let results;
try {
  results = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (err) {
  console.error(`jest-totals: cannot read jest results from ${file}: ${err.message}`);
  process.exit(1);
}

// Suites that failed to run (syntax errors, failing hooks) count as failures even though they report no tests.
const brokenSuites = results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
const failed = results.numFailedTests + brokenSuites;
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
