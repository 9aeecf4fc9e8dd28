import * as fs from 'fs';
import * as path from 'path';
import type { GluegunTemplate, GluegunTemplateGenerateOptions } from 'gluegun/build/types/toolbox/template-types';
import type { GluegunParameters } from 'gluegun';
import { renderTemplateFile } from 'amplify-cli-core';

/**
 * gluegun's `template.generate`, rendered with this project's ejs (gluegun bundles an older ejs of its own).
 * Templates are looked up in `options.directory`, else `<plugin>/templates`, then `<plugin>/build/templates`;
 * the target is relative to the working directory; the rendered text is returned either way.
 */
export function createTemplateTool(pluginDirectory: () => string | undefined, parameters: GluegunParameters, cwd: string): GluegunTemplate {
  return {
    async generate(options: GluegunTemplateGenerateOptions): Promise<string> {
      const base = pluginDirectory();
      const directories = options.directory
        ? [options.directory]
        : base
          ? [path.join(base, 'templates'), path.join(base, 'build', 'templates')]
          : [];
      const templatePath = directories.map((dir) => path.join(dir, options.template)).find((file) => fs.existsSync(file));
      if (templatePath === undefined) {
        throw new Error(`template not found: ${options.template} (looked in ${directories.join(', ') || 'no template folder'})`);
      }
      const data = { parameters, props: options.props ?? {}, filename: templatePath };
      const content = renderTemplateFile(templatePath, data);
      if (options.target) {
        const target = path.resolve(cwd, options.target);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
      }
      return content;
    },
  };
}
