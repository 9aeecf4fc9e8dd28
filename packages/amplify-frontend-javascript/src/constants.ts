/** Names the core and other plugins use to talk about this frontend. */
export const constants = {
  /** The frontend's key in project-config.json and in headless input. */
  Label: 'javascript',
  ProjectConfigKeys: ['SourceDir', 'DistributionDir', 'BuildCommand', 'StartCommand'],
  exportsFilename: 'aws-exports.js',
  amplifyConfigurationFilename: 'amplifyconfiguration.json',
} as const;
