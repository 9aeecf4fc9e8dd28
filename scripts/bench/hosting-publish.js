#!/usr/bin/env node
// `amplify publish` through the built binary against a local cloud started in this process: the first publish of a
// 200-file site (push of the hosting stack, build, 200 uploads) and re-publishes that change one file. Target: a
// re-publish uploads exactly 1 file and takes ≤ 1 s. The app's build command is `node build.js` (a copy of site/
// into build/), so the time is the CLI's and not npm's start-up.
// Needs the build: `npm run build`.
// Usage: node scripts/bench/hosting-publish.js [runs=5]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createApp, cloudEnv, createHarness, requireBuild } = require('./support/cli-harness');

const runs = Number(process.argv[2] || 5);
const FILES = 200;
const { startLocalCloud } = requireBuild();
const { tmp, amplify } = createHarness('hosting');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const uploads = (stdout) => Number((/Uploaded (\d+) file\(s\)/.exec(stdout) ?? [])[1]);

function writeSite(app) {
  const site = path.join(app, 'site');
  fs.mkdirSync(path.join(site, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>bench</title><script src="assets/chunk-0.js"></script>');
  for (let index = 1; index < FILES; index++) {
    const name = index % 4 === 0 ? `assets/style-${index}.css` : index % 4 === 1 ? `assets/image-${index}.svg` : `assets/chunk-${index}.js`;
    fs.writeFileSync(path.join(site, name), `/* file ${index} */ ${'x'.repeat(2000 + index * 37)}`);
  }
  fs.writeFileSync(path.join(app, 'build.js'), "require('fs').rmSync('build', { recursive: true, force: true }); require('fs').cpSync('site', 'build', { recursive: true });\n");
}

async function main() {
  const cloud = await startLocalCloud({ port: 0, dataDir: path.join(tmp, 'cloud-data') });
  const env = cloudEnv(tmp, cloud);
  const loadBefore = os.loadavg()[0];
  try {
    const app = path.join(tmp, 'benchsite');
    const init = createApp(app, 'benchsite');
    const frontend = init.indexOf('--frontend') + 1;
    init[frontend] = JSON.stringify({ frontend: 'javascript', framework: 'react', config: { SourceDir: 'src', DistributionDir: 'build', BuildCommand: 'node build.js', StartCommand: 'node build.js' } });
    await amplify(app, env, init);
    writeSite(app);
    await amplify(app, env, ['add', 'hosting', '--yes']);
    const first = await amplify(app, env, ['publish', '--yes']);
    if (uploads(first.stdout) !== FILES) throw new Error(`The first publish uploaded ${uploads(first.stdout)} files, not ${FILES}:\n${first.stdout}`);
    const again = [];
    for (let round = 1; round <= runs; round++) {
      fs.writeFileSync(path.join(app, 'site', 'assets', 'chunk-2.js'), `/* round ${round} */`);
      const result = await amplify(app, env, ['publish', '--yes']);
      again.push({ ...result, uploaded: uploads(result.stdout) });
    }
    const wall = median(again.map((r) => r.wall));
    const cpu = median(again.map((r) => r.cpu));
    const oneFile = again.every((r) => r.uploaded === 1);
    console.log(`amplify publish against an in-process local cloud, ${FILES}-file site, ${runs} re-publishes (${os.cpus().length} CPUs, load ${loadBefore.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)}, node ${process.version})\n`);
    const table = [
      ['Case', 'Uploads', 'Wall', 'CPU', 'Cloud CPU', 'Target', 'Met (wall/CPU)'],
      ['first publish (push + 200 files)', String(uploads(first.stdout)), `${first.wall.toFixed(0)} ms`, `${first.cpu.toFixed(0)} ms`, `${first.cloudCpu.toFixed(0)} ms`, '', ''],
      [
        're-publish, one file changed (median)',
        again.map((r) => r.uploaded).join(','),
        `${wall.toFixed(0)} ms`,
        `${cpu.toFixed(0)} ms`,
        `${median(again.map((r) => r.cloudCpu)).toFixed(0)} ms`,
        '1 upload, ≤ 1000 ms',
        `${oneFile && wall <= 1000 ? 'yes' : 'NO'}/${oneFile && cpu <= 1000 ? 'yes' : 'NO'}`,
      ],
    ];
    const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
    for (const [index, row] of table.entries()) {
      console.log(`| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`);
      if (index === 0) console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
    }
  } finally {
    await cloud.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
