/**
 * The official CloudFormation resource specification, compacted per resource type, and a template validator
 * built on it. Importing this module is cheap: specification data and the YAML parser load on first use.
 */
export type { PrimitiveType, PropertySpec, PropertyTypeSpec, ResourceTypeSpec, UpdateType, ValueType } from './resource-type-spec';
export { attributeNames, getResourceTypeSpec, hasResourceType, isCustomResourceType, isTypeOutsideSpecification, listResourceTypes } from './resource-types';
export { validateResourceProperties, type ValidateResourcePropertiesOptions } from './validate-resource-properties';
export { validateTemplate, type ValidateTemplateOptions } from './validate-template';
export { assertValidTemplate } from './assert-valid-template';
export { formatValidationIssue, type ValidationIssue, type ValidationIssueCode } from './validation-issue';
export { parseTemplate } from './parse-template';
export { publicBucketGrants, type PublicBucketGrant } from './public-buckets';
export { didYouMean, editDistance } from './did-you-mean';
export { CloudFormationSpecError, isCloudFormationSpecError, type CloudFormationSpecErrorCode } from './errors';
export {
  INTRINSIC_FUNCTION_NAMES,
  PSEUDO_PARAMETERS,
  getAttArguments,
  intrinsicCallOf,
  isNoValue,
  parseSubString,
  type GetAttArguments,
  type IntrinsicCall,
  type SubPart,
} from './intrinsic-function';
