import type {
  GluegunFilesystem,
  GluegunHttp,
  GluegunMeta,
  GluegunPackageManager,
  GluegunPatching,
  GluegunPrint,
  GluegunPrompt,
  GluegunSemver,
  GluegunStrings,
  GluegunSystem,
} from 'gluegun';
import { defineLazyProperty } from './lazy-property';
import type * as PlainPrintModule from './plain-print';

/**
 * gluegun's toolbox members, each required from its own module on first use. gluegun's main entry is avoided
 * on purpose: it loads every tool eagerly and installs a process-wide `unhandledRejection` handler.
 */
export interface GluegunPieces {
  print: GluegunPrint;
  filesystem: GluegunFilesystem;
  strings: GluegunStrings;
  system: GluegunSystem;
  semver: GluegunSemver;
  http: GluegunHttp;
  patching: GluegunPatching;
  prompt: GluegunPrompt;
  packageManager: GluegunPackageManager;
  meta: GluegunMeta;
}

export interface GluegunPiecesOptions {
  /** Colours in gluegun's print (off when stdout is not a terminal or `NO_COLOR` is set). */
  colors: boolean;
  cliPackageDir: string;
  cliPackageJson: () => Record<string, unknown> & { version: string };
}

export function attachGluegunPieces(target: object, options: GluegunPiecesOptions): void {
  const gluegunPrint = (): GluegunPrint => {
    const { print } = require('gluegun/build/toolbox/print-tools') as { print: GluegunPrint };
    // colors/safe keeps one global switch; it otherwise guesses from the environment and leaks codes into pipes.
    if (options.colors) {
      print.colors.enable();
    } else {
      print.colors.disable();
    }
    return print;
  };
  defineLazyProperty(target, 'print', () =>
    options.colors ? gluegunPrint() : (require('./plain-print') as typeof PlainPrintModule).createPlainPrint(gluegunPrint),
  );
  defineLazyProperty(target, 'filesystem', () => (require('gluegun/build/toolbox/filesystem-tools') as { filesystem: GluegunFilesystem }).filesystem);
  defineLazyProperty(target, 'strings', () => (require('gluegun/build/toolbox/string-tools') as { strings: GluegunStrings }).strings);
  defineLazyProperty(target, 'system', () => (require('gluegun/build/toolbox/system-tools') as { system: GluegunSystem }).system);
  defineLazyProperty(target, 'semver', () => (require('gluegun/build/toolbox/semver-tools') as { semver: GluegunSemver }).semver);
  defineLazyProperty(target, 'http', () => (require('gluegun/build/toolbox/http-tools') as { http: GluegunHttp }).http);
  defineLazyProperty(target, 'patching', () => (require('gluegun/build/toolbox/patching-tools') as { patching: GluegunPatching }).patching);
  defineLazyProperty(target, 'prompt', () => (require('gluegun/build/toolbox/prompt-tools') as { prompt: GluegunPrompt }).prompt);
  defineLazyProperty(
    target,
    'packageManager',
    () => (require('gluegun/build/toolbox/package-manager-tools') as { packageManager: GluegunPackageManager }).packageManager,
  );
  defineLazyProperty(target, 'meta', (): GluegunMeta => {
    const { onAbort } = require('gluegun/build/toolbox/meta-tools') as { onAbort: GluegunMeta['onAbort'] };
    return {
      src: options.cliPackageDir,
      version: () => options.cliPackageJson().version,
      packageJSON: () => options.cliPackageJson(),
      commandInfo: () => [],
      checkForUpdate: async () => false,
      onAbort,
    };
  });
}
