import * as fs from 'fs';

/**
 * 100 when the folder holds an Xcode project (a top-level `*.xcodeproj`) or a CocoaPods `Podfile`, else 0. The
 * original only looked for the Xcode project; a Podfile at the root marks an iOS app just as surely.
 */
export function scanProject(projectPath: string): number {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(projectPath, { withFileTypes: true });
  } catch {
    return 0;
  }
  const isIos = entries.some(
    (entry) => (entry.isDirectory() && entry.name.endsWith('.xcodeproj')) || (entry.isFile() && entry.name === 'Podfile'),
  );
  return isIos ? 100 : 0;
}
