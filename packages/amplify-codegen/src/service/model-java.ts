import { hasManyBackReference, type ModelDefinition, type ModelField, type ModelIntrospection, type NonModelDefinition } from './model-schema';

/**
 * Java DataStore models for Android apps (`app/src/main/java/com/amplifyframework/datastore/generated/model`), in
 * the layout of the original's Java modelgen without lazy loading and custom identifier classes: per model a final
 * class with `QueryField` constants, annotated fields, getters, `equals`/`hashCode`/`toString` and a step builder
 * (one step per required field, then the optional ones), per enum and non-model type their own class, and
 * `AmplifyModelProvider` listing the models.
 */

export const JAVA_MODEL_PACKAGE = 'com.amplifyframework.datastore.generated.model';

const JAVA_SCALARS: Record<string, string> = {
  ID: 'String',
  String: 'String',
  Int: 'Integer',
  Float: 'Double',
  Boolean: 'Boolean',
  AWSDate: 'Temporal.Date',
  AWSTime: 'Temporal.Time',
  AWSDateTime: 'Temporal.DateTime',
  AWSTimestamp: 'Temporal.Timestamp',
  AWSEmail: 'String',
  AWSJSON: 'String',
  AWSURL: 'String',
  AWSPhone: 'String',
  AWSIPAddress: 'String',
};

const upperFirst = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);
const lowerFirst = (value: string): string => value.charAt(0).toLowerCase() + value.slice(1);
const constantName = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

function elementType(field: ModelField): string {
  const t = field.type;
  if (typeof t === 'string') return JAVA_SCALARS[t] ?? 'String';
  return 'model' in t ? t.model : 'enum' in t ? t.enum : t.nonModel;
}

function javaType(field: ModelField): string {
  return field.isArray ? `List<${elementType(field)}>` : elementType(field);
}

function targetType(field: ModelField): string {
  const t = field.type;
  return typeof t === 'string' ? t : 'model' in t ? t.model : 'enum' in t ? t.enum : t.nonModel;
}

const isHasMany = (field: ModelField): boolean => field.association?.connectionType === 'HAS_MANY';

function fieldAnnotation(field: ModelField, models: Record<string, ModelDefinition>): string {
  const attributes = [`targetType="${targetType(field)}"`, ...(field.isRequired ? ['isRequired = true'] : []), ...(field.isReadOnly ? ['isReadOnly = true'] : [])];
  const association = field.association;
  let relation = '';
  if (association?.connectionType === 'HAS_MANY') relation = ` @HasMany(associatedWith = "${hasManyBackReference(field, models)}", type = ${targetType(field)}.class)`;
  if (association?.connectionType === 'HAS_ONE') {
    relation = ` @HasOne(associatedWith = "${association.associatedWith?.[0] ?? 'id'}", targetNames = {${(association.targetNames ?? []).map((n) => `"${n}"`).join(', ')}}, type = ${targetType(field)}.class)`;
  }
  if (association?.connectionType === 'BELONGS_TO') {
    const targets = association.targetNames ?? [];
    relation = ` @BelongsTo(targetName = "${targets[0] ?? ''}", targetNames = {${targets.map((n) => `"${n}"`).join(', ')}}, type = ${targetType(field)}.class)`;
  }
  return `@ModelField(${attributes.join(', ')})${relation}`;
}

function authRules(model: ModelDefinition): string {
  const rules = (model.attributes.find((a) => a.type === 'auth')?.properties.rules as Array<Record<string, unknown>> | undefined) ?? [];
  const strategy: Record<string, string> = { owner: 'OWNER', groups: 'GROUPS', private: 'PRIVATE', public: 'PUBLIC', custom: 'CUSTOM' };
  const provider: Record<string, string> = { userPools: 'userPools', apiKey: 'apiKey', iam: 'iam', oidc: 'oidc', function: 'function', identityPool: 'iam' };
  return rules
    .map((rule) => {
      const parts = [`allow = AuthStrategy.${strategy[String(rule.allow)] ?? 'PUBLIC'}`];
      if (typeof rule.ownerField === 'string') parts.push(`ownerField = "${rule.ownerField}"`);
      if (typeof rule.identityClaim === 'string') parts.push(`identityClaim = "${rule.identityClaim}"`);
      if (typeof rule.provider === 'string') parts.push(`provider = "${provider[rule.provider] ?? rule.provider}"`);
      const operations = Array.isArray(rule.operations) ? rule.operations.map((op) => `ModelOperation.${String(op).toUpperCase()}`) : [];
      parts.push(`operations = { ${operations.join(', ')} }`);
      return `  @AuthRule(${parts.join(', ')})`;
    })
    .join(',\n');
}

interface ClassShape {
  name: string;
  fields: ModelField[];
  /** A model (implements Model, has QueryField constants and a managed or custom primary key). */
  model?: ModelDefinition;
  models: Record<string, ModelDefinition>;
}

/** The fields a constructor and builder take: everything but hasMany lists and read-only fields. */
function constructed(shape: ClassShape): ModelField[] {
  return shape.fields.filter((f) => !isHasMany(f) && !f.isReadOnly);
}

function builderSteps(shape: ClassShape): { required: ModelField[]; optional: ModelField[]; managedId: boolean } {
  const managedId = shape.model !== undefined && !shape.model.primaryKeyInfo.isCustomPrimaryKey;
  const fields = constructed(shape);
  const required = fields.filter((f) => f.isRequired && !(managedId && f.name === 'id'));
  const optional = fields.filter((f) => !f.isRequired && !(managedId && f.name === 'id'));
  return { required, optional, managedId };
}

function renderClass(shape: ClassShape): string {
  const { name, fields, model, models } = shape;
  const variable = lowerFirst(name);
  const args = constructed(shape);
  const { required, optional, managedId } = builderSteps(shape);
  const stepName = (f: ModelField): string => `${upperFirst(f.name)}Step`;
  const nextStep = (i: number): string => (i + 1 < required.length ? stepName(required[i + 1]) : 'BuildStep');
  const firstStep = required.length > 0 ? stepName(required[0]) : 'BuildStep';
  const lines: string[] = [];
  const push = (...items: string[]): void => {
    lines.push(...items);
  };

  push(`package ${JAVA_MODEL_PACKAGE};`, '', 'import com.amplifyframework.core.model.temporal.Temporal;', '', 'import java.util.List;', 'import java.util.UUID;', 'import java.util.Objects;', '');
  push('import androidx.core.util.ObjectsCompat;', '');
  if (model) {
    push(
      'import com.amplifyframework.core.model.AuthStrategy;',
      'import com.amplifyframework.core.model.Model;',
      'import com.amplifyframework.core.model.ModelOperation;',
      'import com.amplifyframework.core.model.annotations.AuthRule;',
      'import com.amplifyframework.core.model.annotations.BelongsTo;',
      'import com.amplifyframework.core.model.annotations.HasMany;',
      'import com.amplifyframework.core.model.annotations.HasOne;',
      'import com.amplifyframework.core.model.annotations.Index;',
      'import com.amplifyframework.core.model.annotations.ModelConfig;',
      'import com.amplifyframework.core.model.annotations.ModelField;',
      'import com.amplifyframework.core.model.query.predicate.QueryField;',
      '',
      'import static com.amplifyframework.core.model.query.predicate.QueryField.field;',
      '',
    );
  } else {
    push('import com.amplifyframework.core.model.annotations.ModelField;', '');
  }
  push(`/** This is an auto generated class representing the ${name} type in your schema. */`, '@SuppressWarnings("all")');
  if (model) {
    const rules = authRules(model);
    push(`@ModelConfig(pluralName = "${model.pluralName}", type = Model.Type.USER, version = 1${rules ? `, authRules = {\n${rules}\n}` : ''})`);
    for (const index of model.attributes.filter((a) => a.type === 'key' && typeof a.properties.name === 'string')) {
      push(`@Index(name = "${String(index.properties.name)}", fields = {${(index.properties.fields as string[]).map((f) => `"${f}"`).join(',')}})`);
    }
    push(`public final class ${name} implements Model {`);
    for (const f of fields.filter((f) => !isHasMany(f))) {
      const column = f.association?.connectionType === 'BELONGS_TO' ? (f.association.targetNames?.[0] ?? f.name) : f.name;
      push(`  public static final QueryField ${constantName(f.name)} = field("${name}", "${column}");`);
    }
  } else {
    push(`public final class ${name} {`);
  }
  for (const f of fields) {
    const modifier = f.isReadOnly ? 'private' : 'private final';
    push(`  ${modifier} ${model ? fieldAnnotation(f, models) : `@ModelField(targetType="${targetType(f)}"${f.isRequired ? ', isRequired = true' : ''})`} ${javaType(f)} ${f.name}${isHasMany(f) ? ' = null' : ''};`);
  }
  if (model) {
    const key = model.primaryKeyInfo.primaryKeyFieldName;
    const keyField = fields.find((f) => f.name === key);
    push('  /** @deprecated This API is internal to Amplify and should not be used. */', '  @Deprecated', `   public ${keyField ? javaType(keyField) : 'String'} resolveIdentifier() {`, `    return ${key};`, '  }', '  ');
  }
  for (const f of fields) push(`  public ${javaType(f)} get${upperFirst(f.name)}() {`, `      return ${f.name};`, '  }', '  ');
  push(`  private ${name}(${args.map((f) => `${javaType(f)} ${f.name}`).join(', ')}) {`, ...args.map((f) => `    this.${f.name} = ${f.name};`), '  }', '  ');
  push(
    '  @Override',
    '   public boolean equals(Object obj) {',
    '      if (this == obj) {',
    '        return true;',
    '      } else if(obj == null || getClass() != obj.getClass()) {',
    '        return false;',
    '      } else {',
    `      ${name} ${variable} = (${name}) obj;`,
    `      return ${fields.filter((f) => !isHasMany(f)).map((f) => `ObjectsCompat.equals(get${upperFirst(f.name)}(), ${variable}.get${upperFirst(f.name)}())`).join(' &&\n              ') || 'true'};`,
    '      }',
    '  }',
    '  ',
    '  @Override',
    '   public int hashCode() {',
    '    return new StringBuilder()',
    ...fields.filter((f) => !isHasMany(f)).map((f) => `      .append(get${upperFirst(f.name)}())`),
    '      .toString()',
    '      .hashCode();',
    '  }',
    '  ',
    '  @Override',
    '   public String toString() {',
    '    return new StringBuilder()',
    `      .append("${name} {")`,
    ...fields.filter((f) => !isHasMany(f)).map((f, i, all) => `      .append("${f.name}=" + String.valueOf(get${upperFirst(f.name)}())${i < all.length - 1 ? ' + ", "' : ''})`),
    '      .append("}")',
    '      .toString();',
    '  }',
    '  ',
    `  public static ${firstStep} builder() {`,
    '      return new Builder();',
    '  }',
    '  ',
  );
  if (model && managedId) {
    push(
      `  public static ${name} justId(String id) {`,
      `    return new ${name}(`,
      args.map((f) => (f.name === 'id' ? '      id' : '      null')).join(',\n'),
      '    );',
      '  }',
      '  ',
    );
  }
  push(`  public CopyOfBuilder copyOfBuilder() {`, `    return new CopyOfBuilder(${args.map((f) => f.name).join(', ')});`, '  }');
  required.forEach((f, i) => push(`  public interface ${stepName(f)} {`, `    ${nextStep(i)} ${f.name}(${javaType(f)} ${f.name});`, '  }', '  '));
  push(
    '  public interface BuildStep {',
    `    ${name} build();`,
    ...(managedId ? ['    BuildStep id(String id);'] : []),
    ...optional.map((f) => `    BuildStep ${f.name}(${javaType(f)} ${f.name});`),
    '  }',
    '  ',
  );
  const implemented = [...required.map(stepName), 'BuildStep'];
  push(
    `  public static class Builder implements ${implemented.join(', ')} {`,
    ...args.map((f) => `    private ${javaType(f)} ${f.name};`),
    '    public Builder() {',
    '      ',
    '    }',
    '    ',
    `    private Builder(${args.map((f) => `${javaType(f)} ${f.name}`).join(', ')}) {`,
    ...args.map((f) => `      this.${f.name} = ${f.name};`),
    '    }',
    '    ',
    '    @Override',
    `     public ${name} build() {`,
    ...(managedId ? ['        String id = this.id != null ? this.id : UUID.randomUUID().toString();', '        '] : []),
    `        return new ${name}(`,
    `          ${args.map((f) => f.name).join(',\n          ')});`,
    '    }',
    '    ',
  );
  required.forEach((f, i) =>
    push('    @Override', `     public ${nextStep(i)} ${f.name}(${javaType(f)} ${f.name}) {`, `        Objects.requireNonNull(${f.name});`, `        this.${f.name} = ${f.name};`, '        return this;', '    }', '    '),
  );
  optional.forEach((f) => push('    @Override', `     public BuildStep ${f.name}(${javaType(f)} ${f.name}) {`, `        this.${f.name} = ${f.name};`, '        return this;', '    }', '    '));
  if (managedId) push('    /**', '     * @param id id', '     * @return Current Builder instance, for fluent method chaining', '     */', '    public BuildStep id(String id) {', '        this.id = id;', '        return this;', '    }');
  push('  }', '  ');
  push(
    '  public final class CopyOfBuilder extends Builder {',
    `    private CopyOfBuilder(${args.map((f) => `${javaType(f)} ${f.name}`).join(', ')}) {`,
    `      super(${args.map((f) => f.name).join(', ')});`,
    ...required.map((f) => `      Objects.requireNonNull(${f.name});`),
    '    }',
    '    ',
    ...[...required, ...optional].flatMap((f) => [
      '    @Override',
      `     public CopyOfBuilder ${f.name}(${javaType(f)} ${f.name}) {`,
      `      return (CopyOfBuilder) super.${f.name}(${f.name});`,
      '    }',
      '    ',
    ]),
    '  }',
    '  ',
    '}',
    '',
  );
  return lines.join('\n');
}

function renderEnum(name: string, values: string[]): string {
  return [`package ${JAVA_MODEL_PACKAGE};`, `/** Auto generated enum from GraphQL schema. */`, '@SuppressWarnings("all")', `public enum ${name} {`, `  ${values.join(',\n  ')}`, '}', ''].join('\n');
}

function renderProvider(introspection: ModelIntrospection): string {
  return [
    `package ${JAVA_MODEL_PACKAGE};`,
    '',
    'import com.amplifyframework.util.Immutable;',
    'import com.amplifyframework.core.model.Model;',
    'import com.amplifyframework.core.model.ModelProvider;',
    '',
    'import java.util.Arrays;',
    'import java.util.HashSet;',
    'import java.util.Set;',
    '/** ',
    ' *  Contains the set of model classes that implement {@link Model}',
    ' * interface.',
    ' */',
    '',
    'public final class AmplifyModelProvider implements ModelProvider {',
    `  private static final String AMPLIFY_MODEL_VERSION = "${introspection.version}";`,
    '  private static AmplifyModelProvider amplifyGeneratedModelInstance;',
    '  private AmplifyModelProvider() {',
    '    ',
    '  }',
    '  ',
    '  public static synchronized AmplifyModelProvider getInstance() {',
    '    if (amplifyGeneratedModelInstance == null) {',
    '      amplifyGeneratedModelInstance = new AmplifyModelProvider();',
    '    }',
    '    return amplifyGeneratedModelInstance;',
    '  }',
    '  ',
    '  @Override',
    '   public Set<Class<? extends Model>> models() {',
    '    final Set<Class<? extends Model>> modifiableSet = new HashSet<>(',
    `      Arrays.<Class<? extends Model>>asList(${Object.keys(introspection.models).map((name) => `${name}.class`).join(', ')})`,
    '    );',
    '    ',
    '    return Immutable.of(modifiableSet);',
    '    ',
    '  }',
    '  ',
    '  @Override',
    '   public String version() {',
    '    return AMPLIFY_MODEL_VERSION;',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** File name -> text of the Java models. */
export function renderJavaModels(introspection: ModelIntrospection): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of Object.values(introspection.enums)) files[`${e.name}.java`] = renderEnum(e.name, e.values);
  for (const type of Object.values(introspection.nonModels) as NonModelDefinition[]) files[`${type.name}.java`] = renderClass({ name: type.name, fields: Object.values(type.fields), models: introspection.models });
  for (const model of Object.values(introspection.models)) files[`${model.name}.java`] = renderClass({ name: model.name, fields: Object.values(model.fields), model, models: introspection.models });
  files['AmplifyModelProvider.java'] = renderProvider(introspection);
  return files;
}
