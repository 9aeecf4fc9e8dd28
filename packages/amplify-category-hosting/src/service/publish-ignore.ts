import * as fs from 'fs';
import * as path from 'path';
import { AmplifyError, readJsonFile, writeJsonFile } from 'amplify-cli-core';

/** Glob patterns of files `amplify publish` leaves out, kept in the project root as the original keeps them. */
export const PUBLISH_IGNORE_FILE = 'amplifyPublishIgnore.json';

export function readPublishIgnore(projectRoot: string): string[] {
  const file = path.join(projectRoot, PUBLISH_IGNORE_FILE);
  if (!fs.existsSync(file)) return [];
  const patterns = readJsonFile<unknown>(file);
  if (!Array.isArray(patterns) || !patterns.every((pattern) => typeof pattern === 'string')) {
    throw new AmplifyError('InvalidPublishIgnore', `${PUBLISH_IGNORE_FILE} must hold a JSON array of glob patterns`, {
      resolution: `Fix ${file}, for example ["*.map", "drafts/**"]`,
    });
  }
  return patterns;
}

export function writePublishIgnore(projectRoot: string, patterns: string[]): void {
  writeJsonFile(path.join(projectRoot, PUBLISH_IGNORE_FILE), patterns);
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of folders, a trailing `**` anything below.
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether a site file (a path relative to the distribution folder, `/`-separated) is ignored: a pattern with a
 * slash matches from the folder's root, one without matches a file or folder name at any depth; a matched folder
 * takes everything below it.
 */
export function publishIgnoreMatcher(patterns: string[]): (relativePath: string) => boolean {
  const rules = patterns
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '' && !pattern.startsWith('#'))
    .map((pattern) => ({ anchored: pattern.replace(/\/$/, '').includes('/'), regExp: globToRegExp(pattern.replace(/^\//, '').replace(/\/$/, '')) }));
  return (relativePath) => {
    const parts = relativePath.split('/');
    return rules.some(({ anchored, regExp }) =>
      anchored ? parts.some((_, end) => regExp.test(parts.slice(0, end + 1).join('/'))) : parts.some((part) => regExp.test(part)),
    );
  };
}
