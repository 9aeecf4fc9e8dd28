import { getResourceTypeSpec, type ResourceTypeSpec, type ValueType } from 'amplify-cloudformation-spec';

/** One resource of a CloudFormation template, as stored in our JSON templates. */
export interface CfnResourceJson {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Metadata?: Record<string, unknown>;
  UpdatePolicy?: unknown;
  CreationPolicy?: unknown;
  [attribute: string]: unknown;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ Ref }`, `{ Fn::* }` and `{ Condition }` objects stay as written: their keys are CloudFormation's, not properties. */
function isIntrinsic(value: JsonObject): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * A value as CloudFormation stores it, from the camelCase form CDK's L1 setters take: keys of property types (and
 * tags) become PascalCase, recursively; maps keep their keys; `Json` values, intrinsics and scalars are kept.
 * Without a type (a resource type outside the specification) every object key is capitalised.
 */
export function toCfnValue(value: unknown, declared: ValueType | undefined, spec: ResourceTypeSpec | undefined): unknown {
  const type = resolveUnion(value, declared, spec);
  if (Array.isArray(value)) return value.map((item) => toCfnValue(item, type?.kind === 'list' ? type.element : type, spec));
  if (!isObject(value) || isIntrinsic(value)) return value;
  if (type === undefined) return Object.fromEntries(Object.entries(value).map(([key, item]) => [pascal(key), toCfnValue(item, undefined, spec)]));
  switch (type.kind) {
    case 'primitive':
      return value;
    case 'tag':
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [pascal(key), item]));
    case 'map':
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCfnValue(item, type.element, spec)]));
    case 'list':
      return value;
    case 'named': {
      const properties = spec?.propertyTypes[type.name]?.properties ?? {};
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [pascal(key), toCfnValue(item, properties[pascal(key)]?.type, spec)]));
    }
    case 'union':
      return value;
  }
}

/** The member of a union type a value is written as: the list member for an array, see `objectTypeOf` for an object. */
function resolveUnion(value: unknown, type: ValueType | undefined, spec: ResourceTypeSpec | undefined): ValueType | undefined {
  if (type?.kind !== 'union') return type;
  if (Array.isArray(value)) return type.types.find((member) => member.kind === 'list') ?? type.types.find((member) => member.kind === 'primitive' && member.primitive === 'Json');
  return isObject(value) ? objectTypeOf(value, type, spec) : undefined;
}

/**
 * The member of a union an object belongs to: the first property type that declares all its keys, else a map,
 * tag or `Json` member (whose keys are kept).
 */
function objectTypeOf(value: JsonObject, union: Extract<ValueType, { kind: 'union' }>, spec: ResourceTypeSpec | undefined): ValueType | undefined {
  const named = union.types.find((member) => {
    if (member.kind !== 'named') return false;
    const properties = spec?.propertyTypes[member.name]?.properties ?? {};
    return Object.keys(value).every((key) => Object.hasOwn(properties, pascal(key)));
  });
  return named ?? union.types.find((member) => member.kind === 'map' || member.kind === 'tag' || (member.kind === 'primitive' && member.primitive === 'Json'));
}

function propertyTypeOf(type: ValueType | undefined, key: string, spec: ResourceTypeSpec | undefined): ValueType | undefined {
  if (type?.kind === 'named') return spec?.propertyTypes[type.name]?.properties[key]?.type;
  if (type?.kind === 'map' || type?.kind === 'list') return type.element;
  return undefined;
}

/**
 * A live camelCase view of a stored value: reading `view.pointInTimeRecoveryEnabled` reads the stored
 * `PointInTimeRecoveryEnabled`, writing it writes there. Scalars, `Json` values and intrinsics are returned as stored.
 */
function liveView(value: unknown, declared: ValueType | undefined, spec: ResourceTypeSpec | undefined): unknown {
  const type = resolveUnion(value, declared, spec);
  if (Array.isArray(value)) {
    const element = type?.kind === 'list' ? type.element : type;
    return new Proxy(value, {
      get: (target, key, receiver) => (typeof key === 'string' && /^\d+$/.test(key) ? liveView(target[Number(key)], element, spec) : Reflect.get(target, key, receiver)),
      set: (target, key, item) => Reflect.set(target, key, typeof key === 'string' && /^\d+$/.test(key) ? toCfnValue(item, element, spec) : item),
    });
  }
  if (!isObject(value) || isIntrinsic(value) || type?.kind === 'primitive') return value;
  const keyed = type?.kind === 'map' ? (key: string) => key : pascal;
  return new Proxy(value, {
    get: (target, key) => (typeof key === 'string' ? liveView(target[keyed(key)], propertyTypeOf(type, keyed(key), spec), spec) : undefined),
    set: (target, key, item) => {
      if (typeof key !== 'string') return false;
      if (item === undefined) delete target[keyed(key)];
      else target[keyed(key)] = toCfnValue(item, propertyTypeOf(type, keyed(key), spec), spec);
      return true;
    },
    has: (target, key) => typeof key === 'string' && keyed(key) in target,
    deleteProperty: (target, key) => typeof key === 'string' && delete target[keyed(key)],
    ownKeys: (target) => Reflect.ownKeys(target).map((key) => (typeof key === 'string' && type?.kind !== 'map' ? camel(key) : key)),
    getOwnPropertyDescriptor: (target, key) => {
      if (typeof key !== 'string' || !(keyed(key) in target)) return undefined;
      return { configurable: true, enumerable: true, writable: true, value: liveView(target[keyed(key)], propertyTypeOf(type, keyed(key), spec), spec) };
    },
  });
}

/** `a.b\.c.d` → `['a', 'b.c', 'd']`: CDK's override paths, dots escaped with a backslash. */
function splitPath(path: string): string[] {
  return path.split(/(?<!\\)\./).map((part) => part.replace(/\\\./g, '.'));
}

/** The slice of CDK's `CfnResource` an override file uses, besides the property accessors. */
interface CfnConstructMethods {
  getAtt(attribute: string): { 'Fn::GetAtt': [string, string] };
  addOverride(path: string, value: unknown): void;
  addPropertyOverride(path: string, value: unknown): void;
  addDeletionOverride(path: string): void;
  addPropertyDeletionOverride(path: string): void;
  addDependency(target: CfnConstruct): void;
  addDependsOn(target: CfnConstruct): void;
  addMetadata(key: string, value: unknown): void;
  getMetadata(key: string): unknown;
}

export type CfnConstruct = CfnConstructMethods & {
  readonly logicalId: string;
  readonly cfnResourceType: string;
  readonly ref: { Ref: string };
  cfnOptions: CfnOptions;
  /** The resource's properties, camelCase. */
  [property: string]: unknown;
};

export interface CfnOptions {
  condition?: string | { logicalId: string };
  deletionPolicy?: string;
  updateReplacePolicy?: string;
  metadata?: Record<string, unknown>;
  updatePolicy?: unknown;
  creationPolicy?: unknown;
}

function cfnOptions(resource: CfnResourceJson): CfnOptions {
  const options = {};
  const attribute = (name: keyof CfnOptions, key: string, write: (value: unknown) => unknown = (value) => value): void => {
    Object.defineProperty(options, name, {
      enumerable: true,
      get: () => resource[key],
      set: (value: unknown) => {
        if (value === undefined) delete resource[key];
        else resource[key] = write(value);
      },
    });
  };
  attribute('condition', 'Condition', (value) => (isObject(value) && typeof value.logicalId === 'string' ? value.logicalId : value));
  attribute('deletionPolicy', 'DeletionPolicy');
  attribute('updateReplacePolicy', 'UpdateReplacePolicy');
  attribute('metadata', 'Metadata');
  attribute('updatePolicy', 'UpdatePolicy', (value) => toCfnValue(value, undefined, undefined));
  attribute('creationPolicy', 'CreationPolicy', (value) => toCfnValue(value, undefined, undefined));
  return options;
}

/** `attrStreamArn` → `StreamArn`, `attrEndpointAddress` → `Endpoint.Address`, when the type has that attribute. */
function attributeOf(name: string, spec: ResourceTypeSpec | undefined): string | undefined {
  if (!/^attr[A-Z]/.test(name) || !spec) return undefined;
  const wanted = name.slice('attr'.length);
  return Object.keys(spec.attributes).find((attribute) => attribute.replace(/\./g, '') === wanted);
}

/**
 * An object over one resource of a JSON template that behaves like the CDK L1 construct an override file expects:
 * camelCase properties read and write the resource's PascalCase properties (keys mapped recursively by the
 * CloudFormation specification, as CDK's generated classes do), plus `addOverride` and friends. Every change goes
 * to the JSON resource itself.
 */
export function cfnConstruct(logicalId: string, resource: CfnResourceJson): CfnConstruct {
  const spec = getResourceTypeSpec(resource.Type);
  const properties = (): JsonObject => (resource.Properties ??= {});
  const dependOn = (target: CfnConstruct): void => {
    const current = resource.DependsOn === undefined ? [] : ([] as string[]).concat(resource.DependsOn);
    if (!current.includes(target.logicalId)) resource.DependsOn = [...current, target.logicalId];
  };
  const addOverride = (path: string, value: unknown): void => {
    const parts = splitPath(path);
    let node: JsonObject = resource;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as JsonObject;
    }
    node[parts[parts.length - 1]] = value;
  };
  const addDeletionOverride = (path: string): void => {
    const parts = splitPath(path);
    let node: unknown = resource;
    for (const part of parts.slice(0, -1)) node = typeof node === 'object' && node !== null ? (node as JsonObject)[part] : undefined;
    if (typeof node === 'object' && node !== null) delete (node as JsonObject)[parts[parts.length - 1]];
  };
  const members: CfnConstructMethods = {
    getAtt: (attribute) => ({ 'Fn::GetAtt': [logicalId, attribute] }),
    addOverride,
    addPropertyOverride: (path, value) => addOverride(`Properties.${path}`, value),
    addDeletionOverride,
    addPropertyDeletionOverride: (path) => addDeletionOverride(`Properties.${path}`),
    addDependency: dependOn,
    addDependsOn: dependOn,
    addMetadata: (key, value) => {
      resource.Metadata = { ...resource.Metadata, [key]: value };
    },
    getMetadata: (key) => resource.Metadata?.[key],
  };
  const options = cfnOptions(resource);
  const fixed: Record<string, unknown> = { ...members, logicalId, cfnResourceType: resource.Type, ref: { Ref: logicalId } };
  return new Proxy({} as CfnConstruct, {
    get: (_target, key) => {
      if (typeof key !== 'string' || key === 'then') return undefined;
      if (key === 'cfnOptions') return options;
      if (Object.hasOwn(fixed, key)) return fixed[key];
      const attribute = attributeOf(key, spec);
      if (attribute) return { 'Fn::GetAtt': [logicalId, attribute] };
      return liveView(resource.Properties?.[pascal(key)], spec?.properties[pascal(key)]?.type, spec);
    },
    set: (_target, key, value) => {
      if (typeof key !== 'string' || Object.hasOwn(fixed, key)) return false;
      if (key === 'cfnOptions') {
        Object.assign(options, value);
        return true;
      }
      if (value === undefined) delete properties()[pascal(key)];
      else properties()[pascal(key)] = toCfnValue(value, spec?.properties[pascal(key)]?.type, spec);
      return true;
    },
    has: (_target, key) => typeof key === 'string' && (Object.hasOwn(fixed, key) || key === 'cfnOptions' || pascal(key) in (resource.Properties ?? {})),
    // Listing (Object.keys, console.log, JSON.stringify) shows the resource's properties, camelCase.
    ownKeys: () => Object.keys(resource.Properties ?? {}).map(camel),
    getOwnPropertyDescriptor: (_target, key) => {
      if (typeof key !== 'string' || !(pascal(key) in (resource.Properties ?? {}))) return undefined;
      return { configurable: true, enumerable: true, writable: true, value: liveView(resource.Properties?.[pascal(key)], spec?.properties[pascal(key)]?.type, spec) };
    },
  });
}
