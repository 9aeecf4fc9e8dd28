import { didYouMeanSuffix } from './did-you-mean';
import { intrinsicCallOf, isNoValue, isPlainObject } from './intrinsic-function';
import type { PropertySpec, ResourceTypeSpec, ValueType } from './resource-type-spec';
import { getResourceTypeSpec, isTypeOutsideSpecification, listResourceTypes } from './resource-types';
import { childPath, type ValidationIssue } from './validation-issue';

export interface ValidateResourcePropertiesOptions {
  /** The path the properties sit at, prefixed to every issue's path. Default `Properties`. */
  path?: string;
}

const TAG_PROPERTIES: Readonly<Record<string, PropertySpec>> = {
  Key: { required: true, type: { kind: 'primitive', primitive: 'String' }, updateType: 'Mutable' },
  Value: { required: true, type: { kind: 'primitive', primitive: 'String' }, updateType: 'Mutable' },
};

const SERVICE_TOKEN = 'ServiceToken';

/**
 * Checks a resource's `Properties` against the specification of its type, with CloudFormation's tolerance:
 * an intrinsic function may stand for any value (both branches of `Fn::If` are still checked), numbers and
 * booleans may be written as strings, `Json` accepts objects and strings, custom resources take any property
 * but need `ServiceToken`; a type CloudFormation accepts outside the specification (`AWS::CDK::Metadata`) any.
 */
export function validateResourceProperties(
  typeName: string,
  properties: unknown,
  options: ValidateResourcePropertiesOptions = {},
): ValidationIssue[] {
  const basePath = options.path ?? 'Properties';
  if (isTypeOutsideSpecification(typeName)) return [];
  const spec = getResourceTypeSpec(typeName);
  if (spec === undefined) {
    return [{ code: 'UnknownResourceType', path: 'Type', message: unknownResourceTypeMessage(typeName) }];
  }
  const issues: ValidationIssue[] = [];
  if (intrinsicCallOf(properties) !== undefined) return issues;
  if (properties !== undefined && properties !== null && !isPlainObject(properties)) {
    issues.push({ code: 'WrongType', path: basePath, message: 'Properties must be an object' });
    return issues;
  }
  const given = properties ?? {};
  if (spec.custom) {
    checkObject(new PropertyChecker(spec, issues), given, { [SERVICE_TOKEN]: spec.properties[SERVICE_TOKEN] }, basePath, false);
  } else {
    checkObject(new PropertyChecker(spec, issues), given, spec.properties, basePath, true);
  }
  return issues;
}

export function unknownResourceTypeMessage(typeName: string): string {
  return `Unrecognized resource type: ${typeName}${didYouMeanSuffix(typeName, listResourceTypes())}`;
}

class PropertyChecker {
  constructor(
    readonly spec: ResourceTypeSpec,
    readonly issues: ValidationIssue[],
  ) {}

  wrongType(path: string, expected: string): void {
    this.issues.push({ code: 'WrongType', path, message: `Value of property ${displayName(path)} must be ${expected}` });
  }
}

/** The last segment of a path, as CloudFormation names a property in its messages. */
function displayName(path: string): string {
  const lastDot = path.lastIndexOf('.');
  return lastDot < 0 ? path : path.slice(lastDot + 1);
}

function checkObject(
  checker: PropertyChecker,
  value: Record<string, unknown>,
  properties: Readonly<Record<string, PropertySpec>>,
  path: string,
  closed: boolean,
): void {
  for (const [name, propertyValue] of Object.entries(value)) {
    const property = Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : undefined;
    if (property === undefined) {
      if (closed) {
        checker.issues.push({
          code: 'UnknownProperty',
          path: childPath(path, name),
          message: `Encountered unsupported property ${name}${didYouMeanSuffix(name, Object.keys(properties))}`,
        });
      }
      continue;
    }
    checkValue(checker, propertyValue, property.type, childPath(path, name));
  }
  for (const [name, property] of Object.entries(properties)) {
    if (property.required && value[name] === undefined) {
      checker.issues.push({ code: 'MissingRequiredProperty', path: childPath(path, name), message: `Property ${name} is required` });
    }
  }
}

function checkValue(checker: PropertyChecker, value: unknown, type: ValueType, path: string): void {
  const call = intrinsicCallOf(value);
  if (call !== undefined) {
    // The value is only known at deploy time, except that each branch of a condition must fit on its own.
    if (call.name === 'Fn::If' && Array.isArray(call.argument) && call.argument.length === 3) {
      for (const branch of call.argument.slice(1)) {
        if (!isNoValue(branch)) checkValue(checker, branch, type, path);
      }
    }
    return;
  }
  if (value === null) {
    if (!(type.kind === 'primitive' && type.primitive === 'Null')) {
      checker.issues.push({ code: 'WrongType', path, message: `'null' values are not allowed in templates` });
    }
    return;
  }
  switch (type.kind) {
    case 'primitive':
      if (!primitiveAccepts(type.primitive, value)) checker.wrongType(path, `of type ${type.primitive}`);
      return;
    case 'tag':
      if (!isPlainObject(value)) return checker.wrongType(path, 'an object');
      return checkObject(checker, value, TAG_PROPERTIES, path, true);
    case 'named': {
      if (!isPlainObject(value)) return checker.wrongType(path, 'an object');
      const propertyType = checker.spec.propertyTypes[type.name];
      // A property type without properties is a free-form object in the specification.
      if (propertyType === undefined || Object.keys(propertyType.properties).length === 0) return;
      return checkObject(checker, value, propertyType.properties, path, true);
    }
    case 'list':
      if (!Array.isArray(value)) return checker.wrongType(path, 'of type List');
      value.forEach((element, index) => checkValue(checker, element, type.element, childPath(path, index)));
      return;
    case 'map':
      if (!isPlainObject(value)) return checker.wrongType(path, 'an object');
      for (const [key, element] of Object.entries(value)) checkValue(checker, element, type.element, childPath(path, key));
      return;
    case 'union':
      return checkUnion(checker, value, type.types, path);
  }
}

/**
 * A value fits a union when it fits one member. When it fits none, the member of the same shape (object, list,
 * scalar) explains best what is wrong inside it; failing that, the issue lists the members.
 */
function checkUnion(checker: PropertyChecker, value: unknown, members: readonly ValueType[], path: string): void {
  const attempts = members.map((member) => {
    const attempt = new PropertyChecker(checker.spec, []);
    checkValue(attempt, value, member, path);
    return { member, issues: attempt.issues };
  });
  if (attempts.some((attempt) => attempt.issues.length === 0)) return;
  const sameShape = attempts.filter((attempt) => shapeOf(attempt.member) === shapeOfValue(value));
  if (sameShape.length === 1) {
    checker.issues.push(...sameShape[0].issues);
    return;
  }
  checker.wrongType(path, `of type ${members.map(typeLabel).join(' or ')}`);
}

type Shape = 'object' | 'list' | 'scalar' | 'any';

function shapeOf(type: ValueType): Shape {
  switch (type.kind) {
    case 'list':
      return 'list';
    case 'map':
    case 'named':
    case 'tag':
      return 'object';
    case 'primitive':
      return type.primitive === 'Json' ? 'object' : 'scalar';
    case 'union':
      return 'any';
  }
}

function shapeOfValue(value: unknown): Shape {
  if (Array.isArray(value)) return 'list';
  return isPlainObject(value) ? 'object' : 'scalar';
}

function typeLabel(type: ValueType): string {
  switch (type.kind) {
    case 'primitive':
      return type.primitive;
    case 'list':
      return 'List';
    case 'map':
    case 'named':
    case 'tag':
      return 'Object';
    case 'union':
      return type.types.map(typeLabel).join(' or ');
  }
}

const NUMBER_PATTERN = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
const INTEGER_PATTERN = /^\s*[-+]?\d+\s*$/;

function primitiveAccepts(primitive: string, value: unknown): boolean {
  switch (primitive) {
    case 'String':
    case 'Timestamp':
      // CloudFormation turns scalars into strings: `Timeout: 30` is fine for a string property.
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'Integer':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && INTEGER_PATTERN.test(value));
    case 'Double':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMBER_PATTERN.test(value));
    case 'Boolean':
      return typeof value === 'boolean' || (typeof value === 'string' && /^(true|false)$/i.test(value));
    case 'Json':
      // A JSON object, or the same written as a string (CloudFormation parses it).
      return typeof value === 'string' || isPlainObject(value);
    default:
      return false;
  }
}
