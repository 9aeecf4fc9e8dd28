import * as fs from 'fs';
import * as path from 'path';

export interface ResourceTemplateFile {
  /** Absolute path on disk. */
  filePath: string;
  /** The file name, which is also the last part of its S3 key. */
  fileName: string;
}

const TEMPLATE_FILE = /template.*\.(json|ya?ml)$/i;

function templatesIn(dir: string): ResourceTemplateFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && TEMPLATE_FILE.test(entry.name) && entry.name !== 'parameters.json')
    .map((entry) => ({ filePath: path.join(dir, entry.name), fileName: entry.name }))
    .sort((a, b) => a.fileName.localeCompare(b.fileName));
}

/**
 * The CloudFormation templates of one resource: files whose name contains "template" (JSON or YAML), taken
 * from `build/` when a category build step put its final templates there.
 */
export function findResourceTemplates(resourceDir: string): ResourceTemplateFile[] {
  const built = templatesIn(path.join(resourceDir, 'build'));
  return built.length > 0 ? built : templatesIn(resourceDir);
}
