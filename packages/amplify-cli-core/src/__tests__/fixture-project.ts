import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A temp folder; removed by `cleanupTempDirs()` (call it in afterEach). */
const created: string[] = [];

export function makeTempDir(prefix = 'amplify-core-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface FixtureProjectOptions {
  projectConfig?: object;
  meta?: object;
  currentMeta?: object;
  backendConfig?: object;
  teamProviderInfo?: object;
  localEnvInfo?: object;
  /** Files relative to `amplify/`, e.g. `backend/auth/a1/template.json`. */
  files?: Record<string, string>;
}

function writeJson(file: string, data: object): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

/** Writes a project on disk as `amplify init` and later commands would leave it. */
export function createFixtureProject(options: FixtureProjectOptions = {}): string {
  const root = makeTempDir('amplify-project-');
  const amplify = path.join(root, 'amplify');
  writeJson(
    path.join(amplify, '.config', 'project-config.json'),
    options.projectConfig ?? { projectName: 'fixture', version: '3.0', frontend: 'javascript', providers: ['awscloudformation'] },
  );
  if (options.localEnvInfo !== undefined) writeJson(path.join(amplify, '.config', 'local-env-info.json'), options.localEnvInfo);
  if (options.teamProviderInfo !== undefined) writeJson(path.join(amplify, 'team-provider-info.json'), options.teamProviderInfo);
  if (options.meta !== undefined) writeJson(path.join(amplify, 'backend', 'amplify-meta.json'), options.meta);
  if (options.backendConfig !== undefined) writeJson(path.join(amplify, 'backend', 'backend-config.json'), options.backendConfig);
  if (options.currentMeta !== undefined) {
    writeJson(path.join(amplify, '#current-cloud-backend', 'amplify-meta.json'), options.currentMeta);
  }
  for (const [rel, content] of Object.entries(options.files ?? {})) {
    const file = path.join(amplify, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

export function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
