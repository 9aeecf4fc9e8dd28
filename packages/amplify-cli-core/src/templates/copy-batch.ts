import * as fs from 'fs';
import * as path from 'path';
import type { Prompter } from '../prompts/prompter';
import { writeFileAtomic, writeJsonFile } from '../state/json-file';
import { renderTemplateFile } from './render-template';

/** One template to render: `<dir>/<template>` rendered to `target`, optionally recording the props in `paramsFile`. */
export interface CopyJob {
  dir: string;
  template: string;
  target: string;
  paramsFile?: string;
}

export interface CopyBatchOptions {
  /** Overwrite existing targets without asking. */
  force?: boolean;
  /** Asks before overwriting an existing target when not `force`. */
  prompter?: Prompter;
  /** Write the props as JSON to each job's `paramsFile`. */
  writeParams?: boolean;
}

/**
 * Renders EJS templates with `props` and writes each result atomically. An existing target is overwritten only with
 * `force` or after the user confirms (under `--yes` it is kept). Returns the targets written.
 */
export async function copyBatch(jobs: CopyJob[], props: object, options: CopyBatchOptions = {}): Promise<string[]> {
  const written: string[] = [];
  for (const job of jobs) {
    if (fs.existsSync(job.target) && !options.force) {
      const overwrite = options.prompter
        ? await options.prompter.confirm({ message: `Overwrite ${job.target}?`, default: false, flag: '--force' })
        : false;
      if (!overwrite) continue;
    }
    writeFileAtomic(job.target, renderTemplateFile(path.join(job.dir, job.template), props));
    if (options.writeParams && job.paramsFile) {
      writeJsonFile(job.paramsFile, props);
    }
    written.push(job.target);
  }
  return written;
}
