import * as fs from 'fs';
import * as path from 'path';
import { makeTempDir, removeDir } from 'amplify-test-support';
import { frameworkDefaults, FRAMEWORKS } from '../frameworks';
import { guessFramework, scanProject } from '../project-scanner';

const fixture = (name: string) => path.join(__dirname, 'fixtures', 'projects', name);

describe('scanProject', () => {
  it('scores 90 with a package.json and 10 without, so javascript is the fallback frontend', () => {
    const empty = makeTempDir('amplify-js-scan-');
    try {
      expect(scanProject(fixture('react'))).toBe(90);
      expect(scanProject(empty)).toBe(10);
    } finally {
      removeDir(empty);
    }
  });

  it('still scores (and guesses none) when package.json is not valid JSON', () => {
    // Written at run time: jest's module map refuses an invalid package.json among the sources.
    const broken = makeTempDir('amplify-js-scan-');
    try {
      fs.writeFileSync(path.join(broken, 'package.json'), '{ "name": "oops",');
      expect(scanProject(broken)).toBe(90);
      expect(guessFramework(broken)).toBe('none');
    } finally {
      removeDir(broken);
    }
  });
});

describe('guessFramework', () => {
  it.each([
    ['react', 'react'],
    ['react-native', 'react-native'],
    ['angular', 'angular'],
    ['ionic', 'ionic'],
    ['vue', 'vue'],
    ['ember', 'ember'],
    ['none', 'none'],
  ])('recognises the %s fixture as %s', (folder, framework) => {
    expect(guessFramework(fixture(folder))).toBe(framework);
  });

  it('guesses none without a package.json', () => {
    const empty = makeTempDir('amplify-js-scan-');
    try {
      expect(guessFramework(empty)).toBe('none');
    } finally {
      removeDir(empty);
    }
  });
});

describe('frameworkDefaults', () => {
  it.each([
    ['react', 'src', 'build', 'npm run-script build', 'npm run-script start'],
    ['react-native', '/', '/', 'npm run-script build', 'npm run-script start'],
    ['angular', 'src', 'dist', 'npm run-script build', 'ng serve'],
    ['ionic', 'src', 'www', 'npm run-script build', 'ionic serve'],
    ['vue', 'src', 'dist', 'npm run-script build', 'npm run-script serve'],
    ['ember', '/', 'dist', 'npm run-script build -- -e production', 'npm run-script start'],
    ['none', 'src', 'dist', 'npm run-script build', 'npm run-script start'],
  ] as const)('%s: %s, %s, %s, %s', (framework, SourceDir, DistributionDir, BuildCommand, StartCommand) => {
    expect(frameworkDefaults(framework, 'linux')).toEqual({ SourceDir, DistributionDir, BuildCommand, StartCommand });
  });

  it('covers every framework and uses npm.cmd on Windows', () => {
    expect(FRAMEWORKS).toHaveLength(7);
    expect(frameworkDefaults('react', 'win32').BuildCommand).toBe('npm.cmd run-script build');
  });
});
