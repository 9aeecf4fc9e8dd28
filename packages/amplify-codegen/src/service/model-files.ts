import type { ModelDefinition, ModelField, ModelIntrospection, NonModelDefinition } from './model-schema';

const NUMBER_SCALARS = new Set(['Int', 'Float', 'AWSTimestamp']);

function scalarType(type: string): string {
  if (NUMBER_SCALARS.has(type)) return 'number';
  if (type === 'Boolean') return 'boolean';
  return 'string';
}

/** `schema.js`: the introspection as a 4-space JS object literal. */
export function renderModelSchemaJs(introspection: ModelIntrospection): string {
  return `export const schema = ${JSON.stringify(introspection, null, 4)};\n`;
}

export function renderModelSchemaDts(): string {
  return 'import { Schema } from "@aws-amplify/datastore";\n\nexport declare const schema: Schema;\n';
}

/** `index.js`: enums as frozen-shape objects, model classes from `initSchema`. */
export function renderModelIndexJs(introspection: ModelIntrospection): string {
  const enums = Object.values(introspection.enums).map(
    (e) => `const ${e.name} = {\n${e.values.map((value) => `  ${JSON.stringify(value)}: ${JSON.stringify(value)}`).join(',\n')}\n};`,
  );
  const classes = [...Object.keys(introspection.models), ...Object.keys(introspection.nonModels)];
  const exported = [...Object.keys(introspection.models), ...Object.keys(introspection.enums), ...Object.keys(introspection.nonModels)];
  return [
    '// @ts-check',
    "import { initSchema } from '@aws-amplify/datastore';",
    "import { schema } from './schema';",
    '',
    ...enums.flatMap((e) => [e, '']),
    `const { ${classes.join(', ')} } = initSchema(schema);`,
    '',
    'export {',
    exported.map((name) => `  ${name}`).join(',\n'),
    '};',
    '',
  ].join('\n');
}

function fieldType(field: ModelField, lazy: boolean): { type: string; optional: boolean } {
  const t = field.type;
  if (typeof t === 'object' && 'model' in t) {
    if (field.isArray) return lazy ? { type: `AsyncCollection<${t.model}>`, optional: false } : { type: `(${t.model} | null)[] | null`, optional: true };
    if (lazy) return { type: `AsyncItem<${t.model}${field.isRequired ? '' : ' | undefined'}>`, optional: false };
    return field.isRequired ? { type: t.model, optional: false } : { type: `${t.model} | null`, optional: true };
  }
  const base = typeof t === 'string' ? scalarType(t) : 'enum' in t ? `${t.enum} | keyof typeof ${t.enum}` : t.nonModel;
  const wrapped = typeof t === 'object' && 'enum' in t ? `(${base})` : base;
  if (field.isArray) {
    const item = field.isRequired ? wrapped : `${wrapped} | null`;
    const list = `(${item})[]`;
    return field.isArrayNullable ? { type: `${list} | null`, optional: true } : { type: list, optional: false };
  }
  return field.isRequired ? { type: base, optional: false } : { type: `${base} | null`, optional: true };
}

function fieldLines(fields: Record<string, ModelField>, lazy: boolean): string[] {
  return Object.values(fields).map((field) => {
    const { type, optional } = fieldType(field, lazy);
    return `  readonly ${field.name}${optional ? '?' : ''}: ${type};`;
  });
}

function identifier(model: ModelDefinition): string {
  const { primaryKeyFieldName, sortKeyFieldNames, isCustomPrimaryKey } = model.primaryKeyInfo;
  if (!isCustomPrimaryKey) return `ManagedIdentifier<${model.name}, '${primaryKeyFieldName}'>`;
  if (sortKeyFieldNames.length === 0) return `CustomIdentifier<${model.name}, '${primaryKeyFieldName}'>`;
  return `CompositeIdentifier<${model.name}, [${[primaryKeyFieldName, ...sortKeyFieldNames].map((f) => `'${f}'`).join(', ')}]>`;
}

function modelDeclaration(model: ModelDefinition): string {
  const readOnly = Object.values(model.fields).filter((f) => f.isReadOnly).map((f) => `'${f.name}'`);
  const meta = [
    '  readonly [__modelMeta__]: {',
    `    identifier: ${identifier(model)};`,
    `    readOnlyFields: ${readOnly.length > 0 ? readOnly.join(' | ') : 'never'};`,
    '  };',
  ];
  const variant = (prefix: string, lazy: boolean): string => [`type ${prefix}${model.name} = {`, ...meta, ...fieldLines(model.fields, lazy), '}'].join('\n');
  return [
    variant('Eager', false),
    '',
    variant('Lazy', true),
    '',
    `export declare type ${model.name} = LazyLoading extends LazyLoadingDisabled ? Eager${model.name} : Lazy${model.name}`,
    '',
    `export declare const ${model.name}: (new (init: ModelInit<${model.name}>) => ${model.name}) & {`,
    `  copyOf(source: ${model.name}, mutator: (draft: MutableModel<${model.name}>) => MutableModel<${model.name}> | void): ${model.name};`,
    '}',
  ].join('\n');
}

function nonModelDeclaration(type: NonModelDefinition): string {
  const variant = (prefix: string, lazy: boolean): string => [`type ${prefix}${type.name} = {`, ...fieldLines(type.fields, lazy), '}'].join('\n');
  return [
    variant('Eager', false),
    '',
    variant('Lazy', true),
    '',
    `export declare type ${type.name} = LazyLoading extends LazyLoadingDisabled ? Eager${type.name} : Lazy${type.name}`,
    '',
    `export declare const ${type.name}: (new (init: ModelInit<${type.name}>) => ${type.name})`,
  ].join('\n');
}

/** `index.d.ts`: eager and lazy variants of each model and non-model type, enums, constructors with `copyOf`. */
export function renderModelIndexDts(introspection: ModelIntrospection): string {
  const identifiers = new Set(Object.values(introspection.models).map((m) => identifier(m).split('<')[0]));
  const enums = Object.values(introspection.enums).map((e) => [`export enum ${e.name} {`, e.values.map((v) => `  ${v} = ${JSON.stringify(v)}`).join(',\n'), '}'].join('\n'));
  return [
    `import { ModelInit, MutableModel, __modelMeta__, ${[...identifiers].sort().join(', ')} } from "@aws-amplify/datastore";`,
    '// @ts-ignore',
    'import { LazyLoading, LazyLoadingDisabled, AsyncCollection, AsyncItem } from "@aws-amplify/datastore";',
    '',
    ...enums.flatMap((e) => [e, '']),
    ...Object.values(introspection.nonModels).flatMap((t) => [nonModelDeclaration(t), '']),
    ...Object.values(introspection.models).flatMap((m) => [modelDeclaration(m), '']),
  ].join('\n');
}
