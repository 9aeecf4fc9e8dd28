import { AmplifyError, AmplifyFault } from 'amplify-cli-core';
import type * as SpecModule from 'amplify-cloudformation-spec';

/** One problem in a template, located by file, resource and property path (the spec package's issue shape). */
export interface TemplateIssue {
  message: string;
  path: string;
  resource?: string;
  fileName?: string;
}

/**
 * Parses and checks templates against the CloudFormation resource specification. A seam so unit tests of the
 * push engine do not load the specification (300 ms) and the engine does not depend on its internals.
 */
export interface TemplateValidator {
  /** JSON or YAML (with short-form tags) to a plain object; throws an error naming the file on bad syntax. */
  parse(text: string, fileName: string): Record<string, unknown>;
  validate(template: Record<string, unknown>, fileName: string): TemplateIssue[];
}

/** The validator backed by `amplify-cloudformation-spec`, loaded on first use (only pushes pay for it). */
export function specTemplateValidator(): TemplateValidator {
  const spec = () => require('amplify-cloudformation-spec') as typeof SpecModule;
  /** The library has its own error type; here its errors reach users, so they join the CLI's family. */
  const surfaced = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (!spec().isCloudFormationSpecError(error)) throw error;
      const Type = error.fault ? AmplifyFault : AmplifyError;
      throw new Type(error.code, error.message, { resolution: error.resolution, link: error.link, cause: error });
    }
  };
  return {
    parse: (text, fileName) => surfaced(() => spec().parseTemplate(text, fileName)),
    validate: (template, fileName) => surfaced(() => spec().validateTemplate(template, { fileName })),
  };
}

/** `<file>: resource <id>: <path>: <message>`, leaving out what an issue does not have. */
export function formatTemplateIssue(issue: TemplateIssue, fileName: string): string {
  return [issue.fileName ?? fileName, issue.resource !== undefined ? `resource ${issue.resource}` : undefined, issue.path || undefined, issue.message]
    .filter((part): part is string => part !== undefined)
    .join(': ');
}
