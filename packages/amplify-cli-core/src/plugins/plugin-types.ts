/**
 * The plugin contract shared by the `amplify` core and plugin authors: what a manifest declares and what the
 * platform records about each installed plugin (persisted in `~/.amplify/plugins.json`).
 */

/** Roles a plugin can play. `core` is reserved for the `amplify` binary itself. */
export const PLUGIN_TYPES = ['category', 'provider', 'frontend', 'util', 'core'] as const;
export type PluginType = (typeof PLUGIN_TYPES)[number];

/** Lifecycle events the core raises around init, push and pull. */
export const PLUGIN_EVENTS = ['PreInit', 'PostInit', 'PrePush', 'PostPush', 'PrePull', 'PostPull'] as const;
export type PluginEventName = (typeof PLUGIN_EVENTS)[number];

/** `amplify-plugin.json` (or the `amplify` block of a plugin's package.json). */
export interface PluginManifest {
  /** Short name; also the noun on the command line (`amplify <name> <command>`). */
  name: string;
  type: PluginType;
  displayName?: string;
  /** Other nouns that reach this plugin (`js` for `javascript`). */
  aliases?: string[];
  /** Verbs the plugin handles. */
  commands?: string[];
  /** `{ alias: command }`, e.g. `{ "configure": "update" }`. */
  commandAliases?: Record<string, string>;
  /** Services a category plugin manages; used to pick between plugins that share a category name. */
  services?: string[];
  eventHandlers?: PluginEventName[];
  /** What each command does, keyed by command: `amplify help` and `--help` render it without loading the plugin. */
  commandHelp?: Record<string, CommandHelp>;
}

/** A flag of a command: `--name <value>`, or a lone `--name` when it takes no value. */
export interface CommandFlagHelp {
  name: string;
  /** One-letter spelling, `-y` for `--yes`. */
  short?: string;
  /** Placeholder of the value, e.g. `<env-name>`; absent for a flag that takes none. */
  value?: string;
  description: string;
}

/**
 * The one description of a command, from which its help is generated. A declared `flags` list is the complete
 * list: any other flag is reported as unknown (the global ones, `--yes`, `--debug`, `--help`, always pass).
 */
export interface CommandHelp {
  /** The words after `amplify`, arguments included, e.g. `function invoke <name>`; defaults to the command. */
  usage?: string;
  description: string;
  /** Sub-commands (or categories) and what each does. */
  subcommands?: Record<string, string>;
  flags?: CommandFlagHelp[];
  examples?: string[];
  learnMore?: string;
}

/** One installed plugin package as the platform knows it. */
export interface PluginInfo {
  packageName: string;
  packageVersion: string;
  /** Absolute path of the package root. */
  packageLocation: string;
  manifest: PluginManifest;
}

/**
 * Where a plugin package was found. The order of this list is the precedence when one package is installed in
 * several places: a location the user added explicitly wins, then the copy shipped beside the CLI, then the
 * global install.
 */
export const PLUGIN_SOURCES = ['user-added', 'cli-local-node-modules', 'cli-parent-directory', 'global-node-modules'] as const;
export type PluginSource = (typeof PLUGIN_SOURCES)[number];

/** The active plugin set as commands see it (`context.pluginPlatform`). */
export interface PluginPlatform {
  /** Active plugins by manifest name; several packages may share a name (e.g. two hosting plugins). */
  plugins: Record<string, PluginInfo[]>;
  /** Plugins removed with `amplify plugin remove`; scans do not re-add them. */
  excluded: Record<string, PluginInfo[]>;
  /** Plugin package roots added with `amplify plugin add` outside the scanned directories. */
  userAddedLocations: string[];
  /** ISO time of the last full scan. */
  lastScanTime: string;
}
