import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const repoNodeModules = path.resolve(__dirname, '..', '..', '..', '..', 'node_modules');

/**
 * Type-checks `files` (absolute paths) with `--strict`, as `tsc --strict --noEmit` would; returns the diagnostics as
 * `file:line: message`. `root` gets a node_modules link to the workspace's, so real package types resolve.
 */
export function strictDiagnostics(root: string, files: string[]): string[] {
  const link = path.join(root, 'node_modules');
  if (!fs.existsSync(link)) fs.symlinkSync(repoNodeModules, link, 'dir');
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(root, diagnostic.file.fileName)}:${line + 1}: ${message}`;
  });
}
