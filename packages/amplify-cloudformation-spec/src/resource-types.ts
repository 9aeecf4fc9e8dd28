import type { PropertySpec, PropertyTypeSpec, ResourceTypeSpec, UpdateType, ValueType } from './resource-type-spec';
import { readStoredResourceType, storedTypeNames, type StoredProperties, type StoredResourceType } from './spec-data';
import { parseValueType } from './value-type-expression';

export const CUSTOM_RESOURCE_TYPE = 'AWS::CloudFormation::CustomResource';

const specCache = new Map<string, ResourceTypeSpec | null>();

/** `Custom::<name>` as CloudFormation allows it: up to 60 letters, digits and `_@-`. */
export function isCustomResourceType(typeName: string): boolean {
  return typeName === CUSTOM_RESOURCE_TYPE || /^Custom::[A-Za-z0-9_@-]{1,60}$/.test(typeName);
}

/**
 * Types CloudFormation accepts that the specification does not list: the metadata resource the CDK adds to the
 * stacks it synthesizes (Amplify's overrides and custom stacks come from the CDK). They take any properties.
 */
const TYPES_OUTSIDE_SPECIFICATION: ReadonlySet<string> = new Set(['AWS::CDK::Metadata']);

export function isTypeOutsideSpecification(typeName: string): boolean {
  return TYPES_OUTSIDE_SPECIFICATION.has(typeName);
}

/** Whether CloudFormation knows the resource type (the specification's types, `Custom::*` names, `AWS::CDK::Metadata`). */
export function hasResourceType(typeName: string): boolean {
  return isCustomResourceType(typeName) || isTypeOutsideSpecification(typeName) || readStoredResourceType(typeName) !== undefined;
}

/** Every resource type of the specification, sorted (custom resource names excluded: they are open-ended). */
export function listResourceTypes(): string[] {
  return [...storedTypeNames()];
}

/**
 * The specification of a resource type, or undefined when it is unknown. A `Custom::*` name gets the
 * specification of `AWS::CloudFormation::CustomResource` under its own name. Results are cached: treat them as
 * read-only.
 */
export function getResourceTypeSpec(typeName: string): ResourceTypeSpec | undefined {
  let spec = specCache.get(typeName);
  if (spec === undefined) {
    const storedName = isCustomResourceType(typeName) ? CUSTOM_RESOURCE_TYPE : typeName;
    const stored = readStoredResourceType(storedName);
    spec = stored === undefined ? null : toResourceTypeSpec(typeName, stored);
    specCache.set(typeName, spec);
  }
  return spec ?? undefined;
}

/** The attribute names `Fn::GetAtt` accepts for a type (dotted ones included); empty for an unknown type. */
export function attributeNames(typeName: string): string[] {
  return Object.keys(getResourceTypeSpec(typeName)?.attributes ?? {});
}

function toResourceTypeSpec(typeName: string, stored: StoredResourceType): ResourceTypeSpec {
  const properties = toPropertySpecs(stored);
  const propertyTypes = lazyPropertyTypes(stored.t ?? {});
  const attributes: Record<string, ValueType> = {};
  for (const [name, expression] of Object.entries(stored.a ?? {})) attributes[name] = parseValueType(expression);
  const immutable = Object.keys(properties).filter((name) => properties[name].updateType === 'Immutable');
  return {
    typeName,
    custom: isCustomResourceType(typeName),
    properties,
    propertyTypes,
    attributes,
    createOnlyProperties: [...immutable, ...(stored.x ?? [])],
    ...(stored.i ? { primaryIdentifier: stored.i } : {}),
    ...(stored.f ? { refIdentifier: stored.f } : {}),
    ...(stored.n ? { arnTemplate: stored.n } : {}),
  };
}

/**
 * Property types built on first access: a type like AWS::S3::Bucket has a hundred of them and validating a
 * template usually visits a few. Each is an enumerable getter that replaces itself with its value.
 */
function lazyPropertyTypes(stored: Readonly<Record<string, StoredProperties>>): Record<string, PropertyTypeSpec> {
  const propertyTypes: Record<string, PropertyTypeSpec> = {};
  for (const [name, storedType] of Object.entries(stored)) {
    Object.defineProperty(propertyTypes, name, {
      enumerable: true,
      configurable: true,
      get(): PropertyTypeSpec {
        const value: PropertyTypeSpec = { properties: toPropertySpecs(storedType) };
        Object.defineProperty(propertyTypes, name, { value, enumerable: true, configurable: false, writable: false });
        return value;
      },
    });
  }
  return propertyTypes;
}

function toPropertySpecs(stored: StoredProperties): Record<string, PropertySpec> {
  const required = new Set(stored.r ?? []);
  const specs: Record<string, PropertySpec> = {};
  for (const [name, expression] of Object.entries(stored.p)) {
    specs[name] = { required: required.has(name), type: parseValueType(expression), updateType: updateTypeOf(stored, name) };
  }
  return specs;
}

function updateTypeOf(stored: StoredProperties, name: string): UpdateType {
  const code = stored.u?.[name];
  return code === 'I' ? 'Immutable' : code === 'C' ? 'Conditional' : 'Mutable';
}
