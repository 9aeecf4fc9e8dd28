import * as fs from 'fs';

/**
 * Renders the EJS template file `templatePath` with `data`. The one place the CLI's template renderers (the
 * core's copy batch, the toolbox's `template.generate`, plugin scaffolding) call ejs: `filename` lets a template
 * include its neighbours, and ejs is loaded only by commands that generate files.
 */
export function renderTemplateFile(templatePath: string, data: object): string {
  const ejs = require('ejs') as typeof import('ejs');
  return ejs.render(fs.readFileSync(templatePath, 'utf8'), data as Record<string, unknown>, { filename: templatePath });
}
