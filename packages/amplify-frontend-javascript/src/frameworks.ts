/** The four settings of a javascript project, stored under `javascript.config` in project-config.json. */
export interface JavascriptFrontendConfig {
  SourceDir: string;
  DistributionDir: string;
  BuildCommand: string;
  StartCommand: string;
}

export const FRAMEWORKS = ['angular', 'ember', 'ionic', 'react', 'react-native', 'vue', 'none'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export function isFramework(value: unknown): value is Framework {
  return typeof value === 'string' && (FRAMEWORKS as readonly string[]).includes(value);
}

/** npm is a batch file on Windows, which spawn only finds under its full name. */
function npm(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** The original's defaults per framework. */
export function frameworkDefaults(framework: Framework, platform: NodeJS.Platform = process.platform): JavascriptFrontendConfig {
  const run = `${npm(platform)} run-script`;
  switch (framework) {
    case 'react':
      return { SourceDir: 'src', DistributionDir: 'build', BuildCommand: `${run} build`, StartCommand: `${run} start` };
    case 'react-native':
      return { SourceDir: '/', DistributionDir: '/', BuildCommand: `${run} build`, StartCommand: `${run} start` };
    case 'angular':
      return { SourceDir: 'src', DistributionDir: 'dist', BuildCommand: `${run} build`, StartCommand: 'ng serve' };
    case 'ionic':
      return { SourceDir: 'src', DistributionDir: 'www', BuildCommand: `${run} build`, StartCommand: 'ionic serve' };
    case 'vue':
      return { SourceDir: 'src', DistributionDir: 'dist', BuildCommand: `${run} build`, StartCommand: `${run} serve` };
    case 'ember':
      return {
        SourceDir: '/',
        DistributionDir: 'dist',
        BuildCommand: `${run} build -- -e production`,
        StartCommand: `${run} start`,
      };
    case 'none':
      return { SourceDir: 'src', DistributionDir: 'dist', BuildCommand: `${run} build`, StartCommand: `${run} start` };
  }
}
