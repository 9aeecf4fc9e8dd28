import * as fs from 'fs';
import { writeFileAtomic } from 'amplify-cli-core';

const BEGIN = '#amplify-do-not-edit-begin';
const END = '#amplify-do-not-edit-end';

/** What a project must not commit: machine-local files, generated files, and the deployed copy of the backend. */
const IGNORED = [
  'amplify/\\#current-cloud-backend',
  'amplify/.config/local-*',
  'amplify/logs',
  'amplify/mock-data',
  'amplify/mock-api-resources',
  'amplify/backend/amplify-meta.json',
  'amplify/backend/.temp',
  'amplify/backend/awscloudformation',
  'amplify/.temp',
  'amplify/.config/.lock',
  'build/',
  'dist/',
  'node_modules/',
  'aws-exports.js',
  'awsconfiguration.json',
  'amplifyconfiguration.json',
  'amplifyconfiguration.dart',
  'amplify-build-config.json',
  'amplify-gradle-config.json',
  'amplifytools.xcconfig',
  '.secret-*',
  '**.sample',
];

/**
 * Removes an earlier amplify block: the current `#amplify-do-not-edit-begin` … `-end` form, or the E1 form (a line
 * starting with `#amplify` up to the next blank line).
 */
export function removeAmplifyBlock(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === BEGIN) {
      while (index < lines.length && lines[index].trim() !== END) index++;
      continue;
    }
    if (line.startsWith('#amplify')) {
      while (index < lines.length && lines[index].trim() !== '') index++;
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n').replace(/\n+$/, '');
}

export function amplifyBlock(): string {
  return [BEGIN, ...IGNORED, END].join('\n');
}

/** Writes the block into `<project>/.gitignore`, creating the file or replacing an older block. */
export function updateGitIgnore(gitIgnorePath: string): void {
  const existing = fs.existsSync(gitIgnorePath) ? removeAmplifyBlock(fs.readFileSync(gitIgnorePath, 'utf8')) : '';
  const text = existing.length > 0 ? `${existing}\n\n${amplifyBlock()}\n` : `${amplifyBlock()}\n`;
  writeFileAtomic(gitIgnorePath, text);
}
