import type { CommandFlagHelp, CommandHelp } from 'amplify-cli-core';

/*
 * Kept apart from the command registry (index.ts) so that the help view can read it without importing the
 * registry, whose lazy imports include the help command itself.
 */

const DOCS = 'https://docs.amplify.aws/cli';

const HEADLESS_PROJECT_FLAGS: CommandFlagHelp[] = [
  { name: 'amplify', short: 'a', value: '<json>', description: 'project settings: {"projectName","envName","defaultEditor"}' },
  { name: 'frontend', short: 'f', value: '<json>', description: 'frontend settings: {"frontend":"javascript","framework":"react",...}' },
  { name: 'providers', short: 'p', value: '<json>', description: 'provider settings: {"awscloudformation":{"configLevel":"project",...}}' },
];

/** Other spellings of flags that the original accepted too; accepted here, not shown in help. */
export const FLAG_SPELLINGS: Record<string, string> = {
  'amplify-config': 'amplify',
  amplifyConfig: 'amplify',
  provider: 'providers',
  'providers-config': 'providers',
  providersConfig: 'providers',
  'frontend-config': 'frontend',
  frontendConfig: 'frontend',
  invalidateCache: 'invalidateCloudFront',
  'max-depth': 'maxDepth',
  maxdepth: 'maxDepth',
  noDownload: 'nodownload',
  outputDir: 'output-dir',
  dataDir: 'data-dir',
};

/**
 * Flags of the original that change nothing here (no telemetry, no IAM permissions boundary, nothing to minify):
 * accepted with a warning so that scripts written for the original still run. Flags whose absence would change
 * the outcome (`init --app`, `pull --no-override`) are not listed: they are reported as unknown.
 */
export const ORIGINAL_ONLY_FLAGS: Record<string, string[]> = {
  init: ['usage-data-on', 'usage-data-off', 'permissions-boundary'],
  'env add': ['permissions-boundary'],
  push: ['minify', 'iterative-rollback'],
  publish: ['minify'],
};

/** The one description of each core command (keys are the words that invoke it), from which its help is made. */
export const CORE_COMMAND_HELP: Record<string, CommandHelp> = {
  init: {
    description: 'Initializes a new project, sets up deployment resources in the cloud, and makes it ready for amplify.',
    flags: [
      ...HEADLESS_PROJECT_FLAGS,
      { name: 'categories', value: '<json>', description: 'category settings, e.g. {"auth":{...}}' },
      { name: 'codegen', value: '<json>', description: 'code generation settings for a GraphQL API' },
      { name: 'envName', value: '<name>', description: 'the environment to create (2-10 lowercase letters)' },
      { name: 'forcePush', description: 'pushes every resource of an existing env after init' },
      { name: 'restore', description: 'replaces backend/ with the env deployed in the cloud' },
    ],
    examples: [
      'amplify init',
      'amplify init --yes --amplify \'{"projectName":"myapp","envName":"dev"}\' --frontend \'{"frontend":"javascript","framework":"react"}\'',
    ],
    learnMore: `${DOCS}/commands/init/`,
  },
  configure: {
    description: 'Sets up an AWS user and a named profile on this machine for amplify to use (each provider\'s new-user walkthrough).',
    subcommands: { project: 'Changes the project\'s frontend, editor and provider settings' },
    examples: ['amplify configure', 'amplify configure project'],
    learnMore: `${DOCS}/commands/configure/`,
  },
  'configure project': {
    description: 'Changes the project\'s settings: its frontend and framework, default editor and provider credentials.',
    flags: HEADLESS_PROJECT_FLAGS,
    examples: ['amplify configure project', 'amplify configure project --yes --frontend \'{"frontend":"javascript","framework":"vue"}\''],
    learnMore: `${DOCS}/commands/configure/`,
  },
  push: {
    usage: 'push [category] [resource]',
    description: 'Provisions cloud resources with the latest local developments.',
    flags: [
      { name: 'force', description: 'pushes every resource, changed or not' },
      { name: 'sync', description: 'first fetches the backend the last push deployed, then compares' },
      { name: 'codegen', value: '<json>', description: 'code generation settings for a GraphQL API' },
      { name: 'allow-destructive-graphql-schema-updates', description: 'lets a schema change replace or remove tables' },
    ],
    examples: ['amplify push', 'amplify push --yes', 'amplify push function myfunction'],
    learnMore: `${DOCS}/commands/push/`,
  },
  pull: {
    description: 'Fetches the backend of an environment from the cloud: attaches a fresh clone, switches env, or replaces local changes.',
    flags: [
      { name: 'envName', value: '<name>', description: 'the environment to pull' },
      ...HEADLESS_PROJECT_FLAGS,
      { name: 'categories', value: '<json>', description: 'category settings, e.g. {"auth":{...}}' },
      { name: 'restore', description: 'also replaces backend/ with the pulled env' },
      { name: 'appId', value: '<id>', description: 'an Amplify Console app id (not used by this amplify: reported)' },
    ],
    examples: ['amplify pull --envName dev', 'amplify pull --yes'],
    learnMore: `${DOCS}/commands/pull/`,
  },
  publish: {
    description: 'Executes amplify push, and then builds and publishes the frontend to the hosting service.',
    flags: [
      { name: 'force', description: 'pushes every resource, changed or not' },
      { name: 'codegen', value: '<json>', description: 'code generation settings for a GraphQL API' },
      { name: 'invalidateCloudFront', short: 'c', description: 'invalidates the CloudFront cache after publishing' },
    ],
    examples: ['amplify publish', 'amplify publish --yes'],
    learnMore: `${DOCS}/commands/publish/`,
  },
  run: {
    description: 'Pushes what changed, then runs the frontend\'s start command.',
    examples: ['amplify run'],
  },
  status: {
    usage: 'status [category...]',
    description: 'Shows the state of local resources not yet pushed to the cloud (Create/Update/Delete).',
    flags: [{ name: 'json', description: 'prints the status as JSON' }],
    examples: ['amplify status', 'amplify status api auth', 'amplify status --json'],
    learnMore: `${DOCS}/commands/status/`,
  },
  delete: {
    description: 'Deletes all of the resources tied to the project from the cloud, and the project\'s local amplify files.',
    flags: [{ name: 'force', description: 'deletes without asking for confirmation' }],
    examples: ['amplify delete', 'amplify delete --force'],
    learnMore: `${DOCS}/commands/delete/`,
  },
  env: {
    usage: 'env <subcommand>',
    description: 'Manages the backend environments of the project.',
    subcommands: {
      add: 'Adds a new environment to the project',
      checkout: 'Switches to another environment',
      list: 'Lists the environments',
      get: 'Shows the details of one environment',
      pull: 'Pulls the current environment from the cloud',
      import: 'Imports an environment deployed elsewhere',
      remove: 'Removes an environment and deletes its cloud resources',
    },
    examples: ['amplify env add', 'amplify env checkout prod'],
    learnMore: `${DOCS}/teams/overview/`,
  },
  'env add': {
    description: 'Adds a new environment to the project and makes it the current one.',
    flags: [
      ...HEADLESS_PROJECT_FLAGS,
      { name: 'envName', value: '<name>', description: 'the environment to create' },
      { name: 'categories', value: '<json>', description: 'category settings for the new env, e.g. {"auth":{...}}' },
      { name: 'forcePush', description: 'pushes every resource to the new env right away' },
    ],
    examples: ['amplify env add', 'amplify env add --yes --envName prod'],
  },
  'env checkout': {
    usage: 'env checkout <env-name>',
    description: 'Makes another environment the current one and regenerates the backend files for it.',
    flags: [{ name: 'restore', description: 'also replaces backend/ with the env deployed in the cloud' }, ...HEADLESS_PROJECT_FLAGS],
    examples: ['amplify env checkout prod'],
  },
  'env list': {
    description: 'Lists the environments of the project, the current one marked with *.',
    flags: [
      { name: 'details', description: 'prints each env\'s provider settings' },
      { name: 'json', description: 'prints JSON' },
    ],
    examples: ['amplify env list', 'amplify env list --details --json'],
  },
  'env get': {
    description: 'Shows the provider settings of one environment.',
    flags: [
      { name: 'name', value: '<env-name>', description: 'the environment (required)' },
      { name: 'json', description: 'prints JSON' },
    ],
    examples: ['amplify env get --name dev'],
  },
  'env pull': {
    description: 'Pulls the current environment from the cloud.',
    flags: [{ name: 'restore', description: 'also replaces backend/ with the env deployed in the cloud' }],
    examples: ['amplify env pull --restore'],
  },
  'env import': {
    description: 'Imports an environment whose stack was deployed elsewhere, from its provider settings.',
    flags: [
      { name: 'name', value: '<env-name>', description: 'the environment to import (required)' },
      { name: 'config', value: '<json>', description: 'its provider settings, as in team-provider-info.json (required)' },
      { name: 'awsInfo', value: '<json>', description: 'how to get its credentials, as in local-aws-info.json' },
    ],
    examples: ['amplify env import --name prod --config \'{"awscloudformation":{...}}\' --yes'],
  },
  'env remove': {
    usage: 'env remove <env-name>',
    description: 'Removes an environment from the project and deletes its cloud resources.',
    flags: [],
    examples: ['amplify env remove test', 'amplify env remove test --yes'],
  },
  console: {
    usage: 'console [category]',
    description: 'Opens the web console of the project\'s cloud, or of a category\'s resource.',
    examples: ['amplify console', 'amplify console auth'],
    learnMore: `${DOCS}/commands/console/`,
  },
  plugin: {
    usage: 'plugin <subcommand>',
    description: 'Manages the plugins amplify finds and runs.',
    subcommands: {
      list: 'Lists the active plugins, then removed and broken ones',
      scan: 'Scans the plugin folders again',
      add: 'Adds a plugin folder, or re-enables a removed plugin by name',
      remove: 'Disables a plugin',
      verify: 'Checks that the current folder is a valid plugin package',
      new: 'Scaffolds a new plugin (alias: init)',
    },
    examples: ['amplify plugin list', 'amplify plugin new my-plugin'],
    learnMore: `${DOCS}/plugins/plugins/`,
  },
  'plugin list': { description: 'Lists the active plugins (name, type, package, version, location), then removed and broken ones.', flags: [{ name: 'json', description: 'prints JSON' }] },
  'plugin scan': { description: 'Scans the plugin folders again (a changed install is normally noticed by itself).', flags: [] },
  'plugin add': { usage: 'plugin add <path|name>', description: 'Verifies and adds a plugin folder, or re-enables a removed plugin by name.', flags: [] },
  'plugin remove': { usage: 'plugin remove <name>', description: 'Disables a plugin; scans do not re-add it until "amplify plugin add <name>".', flags: [] },
  'plugin verify': { description: 'Checks that the current folder is a valid plugin package.', flags: [] },
  'plugin new': {
    usage: 'plugin new [name]',
    description: 'Scaffolds a new plugin in ./<name> (alias: plugin init); --yes takes the defaults (a util plugin).',
    flags: [
      { name: 'type', value: '<category|provider|frontend|util>', description: 'the plugin type' },
      { name: 'events', value: '<names>', description: 'comma-separated events to handle, e.g. PostPush' },
      { name: 'force', description: 'overwrites the files of an existing folder' },
    ],
    examples: ['amplify plugin new my-plugin --yes'],
  },
  help: {
    usage: 'help [command]',
    description: 'Displays the commands, or the help of one command (the same as "amplify <command> --help").',
    flags: [],
    examples: ['amplify help', 'amplify help push', 'amplify help function invoke'],
  },
  version: { description: 'Prints the version of amplify (also -v, --version).', flags: [] },
};

CORE_COMMAND_HELP['plugin init'] = CORE_COMMAND_HELP['plugin new'];

/** The verbs of category commands: `amplify <verb> <category>` is `amplify <category> <verb>`. */
export const CATEGORY_VERBS: Record<string, string> = {
  add: 'Adds a resource of a category to the backend',
  update: 'Updates a resource of a category',
  remove: 'Removes a resource of a category from the backend',
  import: 'Imports an existing cloud resource into a category',
};

/** Options every command accepts. */
export const GLOBAL_FLAGS: CommandFlagHelp[] = [
  { name: 'yes', short: 'y', description: 'accepts the defaults and never asks' },
  { name: 'debug', description: 'shows stack traces of errors' },
  { name: 'help', short: 'h', description: 'shows the help of the command instead of running it' },
];
