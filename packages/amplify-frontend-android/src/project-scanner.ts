import * as fs from 'fs';
import * as path from 'path';

function hasEither(projectPath: string, names: string[]): boolean {
  return names.some((name) => fs.existsSync(path.join(projectPath, name)));
}

/**
 * 100 for a gradle project root (a settings and a build script side by side, Groovy or Kotlin), else 0: the
 * original's rule, plus the `.kts` scripts new Android Studio projects use.
 */
export function scanProject(projectPath: string): number {
  const settings = hasEither(projectPath, ['settings.gradle', 'settings.gradle.kts']);
  const build = hasEither(projectPath, ['build.gradle', 'build.gradle.kts']);
  return settings && build ? 100 : 0;
}
