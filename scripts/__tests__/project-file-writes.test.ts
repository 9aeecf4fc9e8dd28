/**
 * Only the core library writes project files: `amplify/.config/*`, team-provider-info.json, `backend/**`,
 * `#current-cloud-backend/**`. Every other package goes through the core's accessor (stateManager,
 * writeJsonFile / writeFileAtomic, replaceCurrentCloudBackend, writeResource, ...).
 *
 * How the check works: in each package's sources except the core's (tests excluded) it finds the calls that write,
 * move or delete with `fs` (`fs.writeFileSync`, `fs.rmSync`, `fs.promises.rename`, a named `writeFileSync` imported
 * from 'fs', fs-extra's `outputFile`, ...), reads each call's path argument, and follows the identifiers in it to
 * their declarations in the same file (`const x = ...`, `for (const x of ...)`, destructuring), a few levels deep.
 * The write is a violation when that path is built from a project path: a `pathManager.get...Path` (other than the
 * home folder and .gitignore), the provider's `ProjectPaths` (`files.paths.*`), or a literal project file name.
 * It does not follow paths through function parameters: a helper that writes whatever path its caller passes is
 * not seen, so such helpers belong in the core too.
 */
import * as fs from 'fs';
import * as path from 'path';

const packagesDir = path.join(__dirname, '..', '..', 'packages');

/** Writes this check would flag that are not project state, each with why it may stay. Keyed `<package path>:<call>`. */
const allowed: Record<string, string> = {};

const FS_MODULES = /^(?:node:)?(?:fs|fs\/promises|fs-extra)$/;
const WRITE_FUNCTIONS = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync',
  'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'cp', 'cpSync', 'copyFile', 'copyFileSync', 'rename', 'renameSync',
  'symlink', 'symlinkSync', 'truncate', 'truncateSync', 'createWriteStream', 'outputFile', 'outputFileSync', 'outputJson',
  'outputJsonSync', 'writeJson', 'writeJsonSync', 'remove', 'removeSync', 'move', 'moveSync', 'copy', 'copySync',
  'emptyDir', 'emptyDirSync', 'ensureDir', 'ensureDirSync', 'ensureFile', 'ensureFileSync',
];

/** What makes a path a project path. */
const PROJECT_PATH = new RegExp(
  [
    String.raw`pathManager\.get(?!HomeDotAmplifyDirPath|GitIgnoreFilePath)\w*Path\b`,
    String.raw`\.paths\.\w+`,
    String.raw`['"\x60]#current-cloud-backend`,
    String.raw`(?:team-provider-info|amplify-meta|backend-config|project-config|local-env-info|local-aws-info|tags)\.json`,
  ].join('|'),
);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The expression starting at `start`, up to the first `,`, `;` or closing bracket at depth 0 (or a line end there). */
function readExpression(source: string, start: number): string {
  let depth = 0;
  let quote: string | undefined;
  let i = start;
  while (i < source.length && /\s/.test(source[i])) i++;
  const from = i;
  for (; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === ',' || c === ';' || c === '\n')) break;
  }
  return source.slice(from, i);
}

/** The expressions `name` is assigned from in `source`: declarations, destructurings and for-of loops. */
function definitionsOf(source: string, name: string): string[] {
  const found: string[] = [];
  const patterns = [
    new RegExp(String.raw`\b(?:const|let|var)\s+${name}\s*(?::[^=;]+)?=`, 'g'),
    new RegExp(String.raw`\b(?:const|let|var)\s+\{[^}]*\b${name}\b[^}]*\}\s*=`, 'g'),
    new RegExp(String.raw`\bfor\s*\(\s*(?:const|let)\s+${name}\s+of\s`, 'g'),
    new RegExp(String.raw`(?<![=!<>.\w])${name}\s*=(?!=)`, 'g'),
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) found.push(readExpression(source, match.index + match[0].length));
  }
  return found;
}

function isProjectPath(source: string, expression: string, seen = new Set<string>(), depth = 0): boolean {
  if (PROJECT_PATH.test(expression)) return true;
  if (depth >= 5) return false;
  const identifiers = new Set(expression.replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '').match(/(?<![.\w$])[A-Za-z_$][\w$]*/g) ?? []);
  for (const name of identifiers) {
    if (seen.has(name)) continue;
    seen.add(name);
    if (definitionsOf(source, name).some((definition) => isProjectPath(source, definition, seen, depth + 1))) return true;
  }
  return false;
}

/** The names under which `source` can call an fs write function: `fs.x(`-style receivers and named imports. */
function writeCallPattern(source: string): RegExp {
  const receivers = new Set(['fs', 'fsp', 'fse', 'promises']);
  const bare = new Set<string>();
  for (const match of source.matchAll(/import\s+(?:\*\s+as\s+(\w+)|(\w+)|\{([^}]*)\})\s+from\s+['"]([^'"]+)['"]/g)) {
    if (!FS_MODULES.test(match[4])) continue;
    if (match[1] ?? match[2]) receivers.add((match[1] ?? match[2])!);
    for (const part of (match[3] ?? '').split(',')) {
      const [imported, local] = part.trim().split(/\s+as\s+/);
      if (imported === 'promises') receivers.add(local ?? imported);
      else if (WRITE_FUNCTIONS.includes(imported)) bare.add(local ?? imported);
    }
  }
  for (const match of source.matchAll(/import\s+(\w+)\s*=\s*require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (FS_MODULES.test(match[2])) receivers.add(match[1]);
  }
  const methods = WRITE_FUNCTIONS.join('|');
  const viaReceiver = String.raw`\b(?:${[...receivers].join('|')})(?:\.promises)?\.(?:${methods})\s*\(`;
  const alternatives = bare.size > 0 ? `${viaReceiver}|(?<![.\\w$])(?:${[...bare].join('|')})\\s*\\(` : viaReceiver;
  return new RegExp(alternatives, 'g');
}

/** The call's arguments (as source text), from just after its opening parenthesis. */
function readArguments(source: string, start: number): string[] {
  const args: string[] = [];
  let i = start;
  for (;;) {
    const argument = readExpression(source, i);
    i = source.indexOf(argument, i) + argument.length;
    if (argument !== '') args.push(argument);
    while (i < source.length && /\s/.test(source[i])) i++;
    if (source[i] !== ',' || args.length >= 3) return args;
    i++;
  }
}

/** Which arguments name what a call changes: a copy changes its target, a rename both its source and target. */
function writtenArguments(callee: string): number[] {
  const name = callee.slice(callee.lastIndexOf('.') + 1);
  if (/^(?:rename|move)/.test(name)) return [0, 1];
  if (/^(?:cp|copy|copyFile|symlink)(?:Sync)?$/.test(name)) return [1];
  return [0];
}

interface ProjectFileWrite {
  at: string;
  call: string;
}

function projectFileWrites(file: string): ProjectFileWrite[] {
  const source = fs.readFileSync(file, 'utf8');
  const writes: ProjectFileWrite[] = [];
  for (const match of source.matchAll(writeCallPattern(source))) {
    const callee = match[0].replace(/\s*\($/, '');
    const args = readArguments(source, match.index + match[0].length);
    if (!writtenArguments(callee).some((index) => args[index] !== undefined && isProjectPath(source, args[index]))) continue;
    const line = source.slice(0, match.index).split('\n').length;
    writes.push({ at: `${path.relative(packagesDir, file)}:${line}`, call: `${callee}(${args.join(', ')})` });
  }
  return writes;
}

/** Packages the rule does not cover, with why. */
const exempt: Record<string, string> = {
  'amplify-cli-core': 'it is the accessor',
  'amplify-test-support': 'tests only: it lays out fixture projects on disk, as a user editing files would',
};

const packages = fs.readdirSync(packagesDir).filter((name) => !(name in exempt) && fs.existsSync(path.join(packagesDir, name, 'src')));

describe('project files are written by the core only', () => {
  it.each(packages)('%s writes no project file with fs', (name) => {
    const writes = sourceFiles(path.join(packagesDir, name, 'src'))
      .flatMap(projectFileWrites)
      .filter(({ at, call }) => !(`${at.replace(/:\d+$/, '')}:${call}` in allowed));
    // Each entry names the file, line and call; move the write into amplify-cli-core's state modules.
    expect(writes).toEqual([]);
  });

  it('finds the writes it is meant to find', () => {
    const probe = (source: string): boolean => {
      const file = path.join(packagesDir, '..', 'scripts', '__tests__', `probe-${process.pid}.ts`);
      fs.writeFileSync(file, source);
      try {
        return projectFileWrites(file).length > 0;
      } finally {
        fs.rmSync(file, { force: true });
      }
    };
    const header = "import * as fs from 'fs';\nimport * as path from 'path';\n";
    expect(probe(`${header}fs.writeFileSync(pathManager.getAmplifyMetaFilePath(root), text);`)).toBe(true);
    expect(probe(`${header}const dir = pathManager.getBackendDirPath(root);\nconst file = path.join(dir, 'x');\nfs.rmSync(file);`)).toBe(true);
    expect(probe(`${header}for (const dir of [\n  pathManager.getDotConfigDirPath(root),\n]) {\n  fs.mkdirSync(dir);\n}`)).toBe(true);
    expect(probe(`${header}fs.cpSync(staging, files.paths.currentCloudBackendDir, { recursive: true });`)).toBe(true);
    // Copying a project folder out to a temp folder reads it only.
    expect(probe(`${header}fs.cpSync(pathManager.getBackendDirPath(root), path.join(os.tmpdir(), 'copy'));`)).toBe(false);
    expect(probe(`${header}fs.rmSync(files.paths.backendDir, { recursive: true });`)).toBe(true);
    expect(probe("import { writeFileSync as w } from 'fs';\nw(path.join(root, 'amplify', 'team-provider-info.json'), '');")).toBe(true);
    // Not project state: the home folder, a temp folder, a frontend's own config file.
    expect(probe(`${header}fs.writeFileSync(path.join(pathManager.getHomeDotAmplifyDirPath(), 'cache.json'), '');`)).toBe(false);
    expect(probe(`${header}fs.mkdirSync(path.join(os.tmpdir(), 'x'));`)).toBe(false);
    expect(probe(`${header}fs.rmSync(path.join(srcDir, 'aws-exports.js'));`)).toBe(false);
  });

  it('allows only writes that still exist', () => {
    const present = new Set(
      packages.flatMap((name) => sourceFiles(path.join(packagesDir, name, 'src')).flatMap(projectFileWrites)).map(({ at, call }) => `${at.replace(/:\d+$/, '')}:${call}`),
    );
    expect(Object.keys(allowed).filter((key) => !present.has(key))).toEqual([]);
  });
});
