import { readTemplateUrl } from '../template-url';
import { isTemplateObject, TemplateValue } from '../template-value';
import type { HandlerEnvironment, ResourceHandler } from './resource-handler';

/** A nested stack's `Parameters` property as parameter texts: lists are comma-joined, as CloudFormation passes them. */
function childParameters(properties: Record<string, TemplateValue>): Record<string, string> {
  const given = properties.Parameters;
  if (given === undefined) return {};
  if (!isTemplateObject(given)) throw new Error('Properties validation failed: Parameters must be a map of strings');
  return Object.fromEntries(Object.entries(given).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)]));
}

/** `AWS::CloudFormation::Stack`: a child stack from the template at `TemplateURL` in this cloud's S3. */
export function nestedStackHandler(environment: HandlerEnvironment): ResourceHandler {
  const template = (properties: Record<string, TemplateValue>): string => {
    if (typeof properties.TemplateURL !== 'string') throw new Error('Properties validation failed: TemplateURL is required');
    return readTemplateUrl(properties.TemplateURL, environment.endpoint, environment.buckets);
  };
  const operations = environment.nestedStacks;
  return {
    create: (request) => operations.createChild(request.stack, request.logicalId, template(request.properties), childParameters(request.properties)),
    update: (request) => operations.updateChild(request.physicalId, template(request.properties), childParameters(request.properties)),
    delete: (request) => operations.deleteChild(request.physicalId),
    async changedBeyondProperties(request) {
      try {
        return await operations.childHasChanges(request.physicalId, template(request.properties), childParameters(request.properties));
      } catch {
        // The update itself reports an unreadable template or bad parameters; here it only has to happen.
        return true;
      }
    },
  };
}
