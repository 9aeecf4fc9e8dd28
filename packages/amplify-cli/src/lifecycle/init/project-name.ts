import { makeId } from 'amplify-cli-core';

const PROJECT_NAME = /^[a-zA-Z0-9]{3,20}$/;

/**
 * The default project name from a folder name, by the original's rule: keep the alphanumerics, pad a name shorter
 * than 3 with random characters, cut one longer than 20, and use `amplify` + random characters when nothing is left.
 */
export function normalizeProjectName(folderName: string): string {
  let name = folderName.replace(/[^a-zA-Z0-9]/g, '');
  if (name.length === 0) return `amplify${makeId(5)}`;
  if (name.length < 3) name += makeId(5);
  return name.slice(0, 20);
}

export function isValidProjectName(name: string): boolean {
  return PROJECT_NAME.test(name);
}

export const PROJECT_NAME_RULE = 'The project name must be 3 to 20 letters or digits';
