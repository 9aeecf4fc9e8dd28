import { hasManyBackReference, type ModelDefinition, type ModelField, type ModelIntrospection, type NonModelDefinition } from './model-schema';

/**
 * Swift DataStore models for iOS apps (`amplify/generated/models`), in the layout of the original's Swift modelgen
 * without lazy loading: per model `<Model>.swift` (the struct) and `<Model>+Schema.swift` (coding keys and schema),
 * per enum and non-model type their own files, and `AmplifyModels.swift` registering the models.
 */

const HEADER = '// swiftlint:disable all\nimport Amplify\nimport Foundation\n';

const SCALARS: Record<string, { swift: string; schema: string }> = {
  ID: { swift: 'String', schema: '.string' },
  String: { swift: 'String', schema: '.string' },
  Int: { swift: 'Int', schema: '.int' },
  Float: { swift: 'Double', schema: '.double' },
  Boolean: { swift: 'Bool', schema: '.bool' },
  AWSDate: { swift: 'Temporal.Date', schema: '.date' },
  AWSTime: { swift: 'Temporal.Time', schema: '.time' },
  AWSDateTime: { swift: 'Temporal.DateTime', schema: '.dateTime' },
  AWSTimestamp: { swift: 'Int', schema: '.timestamp' },
  AWSEmail: { swift: 'String', schema: '.string' },
  AWSJSON: { swift: 'String', schema: '.string' },
  AWSURL: { swift: 'String', schema: '.string' },
  AWSPhone: { swift: 'String', schema: '.string' },
  AWSIPAddress: { swift: 'String', schema: '.string' },
};

const lowerFirst = (value: string): string => value.charAt(0).toLowerCase() + value.slice(1);

const SWIFT_KEYWORDS = new Set(
  (
    'as associatedtype break case catch class continue default defer deinit do else enum extension fallthrough false fileprivate for func ' +
    'guard if import in init inout internal is let nil operator private protocol public repeat rethrows return self static struct subscript ' +
    'super switch throw throws true try typealias var where while'
  ).split(' '),
);

/** `ACTIVE` -> `active`, `IN_PROGRESS` -> `inProgress`; a keyword is escaped (`` `default` ``). */
function enumCase(value: string): string {
  const words = value.toLowerCase().split('_').filter(Boolean);
  const name = words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('') || value;
  return SWIFT_KEYWORDS.has(name) ? `\`${name}\`` : name;
}

function elementType(field: ModelField): string {
  const t = field.type;
  if (typeof t === 'string') return (SCALARS[t] ?? SCALARS.String).swift;
  return 'model' in t ? t.model : 'enum' in t ? t.enum : t.nonModel;
}

function swiftType(field: ModelField): string {
  const t = field.type;
  if (field.isArray && typeof t === 'object' && 'model' in t) return `List<${t.model}>?`;
  const element = elementType(field);
  if (field.isArray) return `[${element}${field.isRequired ? '' : '?'}]${field.isArrayNullable ? '?' : ''}`;
  return `${element}${field.isRequired ? '' : '?'}`;
}

function isOptional(field: ModelField): boolean {
  return swiftType(field).endsWith('?');
}

function schemaType(field: ModelField): string {
  const t = field.type;
  const element = typeof t === 'string' ? null : t;
  if (field.isArray) {
    if (element && 'enum' in element) return `.embeddedCollection(of: ${element.enum}.self)`;
    if (element && 'nonModel' in element) return `.embeddedCollection(of: ${element.nonModel}.self)`;
    return `.embeddedCollection(of: ${elementType(field)}.self)`;
  }
  if (element && 'enum' in element) return `.enum(type: ${element.enum}.self)`;
  if (element && 'nonModel' in element) return `.embedded(type: ${element.nonModel}.self)`;
  return (SCALARS[t as string] ?? SCALARS.String).schema;
}

function fieldSchema(field: ModelField, keysName: string, models: Record<string, ModelDefinition>): string {
  const required = field.isRequired ? '.required' : '.optional';
  const t = field.type;
  if (typeof t === 'object' && 'model' in t && field.association) {
    const { connectionType, associatedWith, targetNames } = field.association;
    if (connectionType === 'HAS_MANY') {
      return `.hasMany(${keysName}.${field.name}, is: ${required}, ofType: ${t.model}.self, associatedWith: ${t.model}.keys.${hasManyBackReference(field, models)})`;
    }
    if (connectionType === 'HAS_ONE') {
      return `.hasOne(${keysName}.${field.name}, is: ${required}, ofType: ${t.model}.self, associatedWith: ${t.model}.keys.${associatedWith?.[0] ?? 'id'}, targetNames: ${JSON.stringify(targetNames ?? [])})`;
    }
    return `.belongsTo(${keysName}.${field.name}, is: ${required}, ofType: ${t.model}.self, targetNames: ${JSON.stringify(targetNames ?? [])})`;
  }
  return `.field(${keysName}.${field.name}, is: ${required}${field.isReadOnly ? ', isReadOnly: true' : ''}, ofType: ${schemaType(field)})`;
}

function authRule(rule: Record<string, unknown>): string {
  const parts = [`allow: .${String(rule.allow)}`];
  if (typeof rule.ownerField === 'string') parts.push(`ownerField: ${JSON.stringify(rule.ownerField)}`);
  if (typeof rule.identityClaim === 'string') parts.push(`identityClaim: ${JSON.stringify(rule.identityClaim)}`);
  if (Array.isArray(rule.groups)) parts.push(`groups: ${JSON.stringify(rule.groups)}`);
  if (typeof rule.provider === 'string') parts.push(`provider: .${String(rule.provider)}`);
  const operations = Array.isArray(rule.operations) ? rule.operations.map((op) => `.${String(op)}`) : [];
  parts.push(`operations: [${operations.join(', ')}]`);
  return `rule(${parts.join(', ')})`;
}

function modelStruct(model: ModelDefinition): string {
  const fields = Object.values(model.fields);
  const settable = fields.filter((f) => !f.isReadOnly);
  const param = (f: ModelField, withDefault: boolean): string => {
    const isId = f.name === 'id' && !model.primaryKeyInfo.isCustomPrimaryKey;
    const fallback = isId ? ' = UUID().uuidString' : isOptional(f) ? ' = nil' : '';
    return `${f.name}: ${swiftType(f)}${withDefault ? fallback : ''}`;
  };
  const properties = fields.map((f) => `  public ${f.name === model.primaryKeyInfo.primaryKeyFieldName ? 'let' : 'var'} ${f.name}: ${swiftType(f)}`);
  // The public initialiser leaves out read-only fields (timestamps); the internal one, used by the library, has all.
  const memberwise = (access: string): string[] => [
    `  ${access} init(${fields.map((f) => param(f, true)).join(',\n      ')}) {`,
    ...fields.map((f) => `      self.${f.name} = ${f.name}`),
    '  }',
  ];
  const inits =
    settable.length === fields.length
      ? memberwise('public')
      : [
          `  public init(${settable.map((f) => param(f, true)).join(',\n      ')}) {`,
          `    self.init(${fields.map((f) => `${f.name}: ${f.isReadOnly ? 'nil' : f.name}`).join(',\n      ')})`,
          '  }',
          ...memberwise('internal'),
        ];
  return [HEADER, `public struct ${model.name}: Model {`, ...properties, '  ', ...inits, '}', ''].join('\n');
}

function modelSchema(model: ModelDefinition, models: Record<string, ModelDefinition>): string {
  const keys = lowerFirst(model.name);
  const fields = Object.values(model.fields);
  const rules = (model.attributes.find((a) => a.type === 'auth')?.properties.rules as Array<Record<string, unknown>> | undefined) ?? [];
  const { primaryKeyFieldName, sortKeyFieldNames, isCustomPrimaryKey } = model.primaryKeyInfo;
  const indexes = model.attributes
    .filter((a) => a.type === 'key' && typeof a.properties.name === 'string')
    .map((a) => `      .index(fields: ${JSON.stringify(a.properties.fields)}, name: ${JSON.stringify(a.properties.name)})`);
  const primaryKey = `      .primaryKey(fields: [${[primaryKeyFieldName, ...sortKeyFieldNames].map((f) => `${keys}.${f}`).join(', ')}])`;
  const identifier = isCustomPrimaryKey
    ? [
        `extension ${model.name}: ModelIdentifiable {`,
        '  public typealias IdentifierFormat = ModelIdentifierFormat.Custom',
        `  public typealias IdentifierProtocol = ModelIdentifier<Self, ModelIdentifierFormat.Custom>`,
        '}',
      ]
    : [`extension ${model.name}: ModelIdentifiable {`, '  public typealias IdentifierFormat = ModelIdentifierFormat.Default', '  public typealias IdentifierProtocol = DefaultModelIdentifier<Self>', '}'];
  return [
    HEADER,
    `extension ${model.name} {`,
    '  // MARK: - CodingKeys ',
    '   public enum CodingKeys: String, ModelKey {',
    ...fields.map((f) => `    case ${f.name}`),
    '  }',
    '  ',
    '  public static let keys = CodingKeys.self',
    '  //  MARK: - ModelSchema ',
    '  ',
    '  public static let schema = defineSchema { model in',
    `    let ${keys} = ${model.name}.keys`,
    '    ',
    ...(rules.length > 0 ? ['    model.authRules = [', rules.map((rule) => `      ${authRule(rule)}`).join(',\n'), '    ]', '    '] : []),
    `    model.listPluralName = ${JSON.stringify(model.pluralName)}`,
    `    model.syncPluralName = ${JSON.stringify(model.pluralName)}`,
    '    ',
    '    model.attributes(',
    [...indexes, primaryKey].join(',\n'),
    '    )',
    '    ',
    '    model.fields(',
    fields.map((f) => `      ${fieldSchema(f, keys, models)}`).join(',\n'),
    '    )',
    '    }',
    '}',
    '',
    ...identifier,
    '',
  ].join('\n');
}

function nonModelStruct(type: NonModelDefinition): string {
  return [HEADER, `public struct ${type.name}: Embeddable {`, ...Object.values(type.fields).map((f) => `  var ${f.name}: ${swiftType(f)}`), '}', ''].join('\n');
}

function nonModelSchema(type: NonModelDefinition, pluralize: (word: string) => string): string {
  const keys = lowerFirst(type.name);
  const fields = Object.values(type.fields);
  return [
    HEADER,
    `extension ${type.name} {`,
    '  // MARK: - CodingKeys ',
    '   public enum CodingKeys: String, ModelKey {',
    ...fields.map((f) => `    case ${f.name}`),
    '  }',
    '  ',
    '  public static let keys = CodingKeys.self',
    '  //  MARK: - ModelSchema ',
    '  ',
    '  public static let schema = defineSchema { model in',
    `    let ${keys} = ${type.name}.keys`,
    '    ',
    `    model.pluralName = ${JSON.stringify(pluralize(type.name))}`,
    '    ',
    '    model.fields(',
    fields.map((f) => `      .field(${keys}.${f.name}, is: ${f.isRequired ? '.required' : '.optional'}, ofType: ${schemaType(f)})`).join(',\n'),
    '    )',
    '    }',
    '}',
    '',
  ].join('\n');
}

/** File name -> text of the Swift models. */
export function renderSwiftModels(introspection: ModelIntrospection, pluralize: (word: string) => string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of Object.values(introspection.enums)) {
    files[`${e.name}.swift`] = [HEADER, `public enum ${e.name}: String, EnumPersistable {`, ...e.values.map((v) => `  case ${enumCase(v)} = ${JSON.stringify(v)}`), '}', ''].join('\n');
  }
  for (const type of Object.values(introspection.nonModels)) {
    files[`${type.name}.swift`] = nonModelStruct(type);
    files[`${type.name}+Schema.swift`] = nonModelSchema(type, pluralize);
  }
  for (const model of Object.values(introspection.models)) {
    files[`${model.name}.swift`] = modelStruct(model);
    files[`${model.name}+Schema.swift`] = modelSchema(model, introspection.models);
  }
  files['AmplifyModels.swift'] = [
    HEADER,
    '// Contains the set of classes that conforms to the `Model` protocol. ',
    '',
    'final public class AmplifyModels: AmplifyModelRegistration {',
    `  public let version: String = ${JSON.stringify(introspection.version)}`,
    '  ',
    '  public func registerModels(registry: ModelRegistry.Type) {',
    ...Object.keys(introspection.models).map((name) => `    ModelRegistry.register(modelType: ${name}.self)`),
    '  }',
    '}',
    '',
  ].join('\n');
  return files;
}
