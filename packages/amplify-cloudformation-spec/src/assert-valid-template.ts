import { CloudFormationSpecError } from './errors';
import { validateTemplate, type ValidateTemplateOptions } from './validate-template';
import { formatValidationIssue } from './validation-issue';

const RESOURCE_TYPE_REFERENCE = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html';

/**
 * Throws a `CloudFormationSpecError` (code `TemplateValidationFailed`) listing every issue `validateTemplate` finds, one
 * per line as `<file>: resource <id>: <path>: <message>`; returns quietly for a valid template.
 */
export function assertValidTemplate(template: unknown, options: ValidateTemplateOptions = {}): void {
  const issues = validateTemplate(template, options);
  if (issues.length === 0) return;
  throw new CloudFormationSpecError('TemplateValidationFailed', issues.map(formatValidationIssue).join('\n'), {
    resolution: 'Correct the resources and properties named above to what the CloudFormation resource specification allows.',
    link: RESOURCE_TYPE_REFERENCE,
  });
}
