/** The filter and key-condition inputs models share (reference §8.1), and which one a field type maps to. */
import { Kind, parse } from 'graphql';
import type { DefinitionNode, InputObjectTypeDefinitionNode } from 'graphql';
import type { ModelField } from '../model/api-model';

const comparisons = (type: string): string => `ne: ${type} eq: ${type} le: ${type} lt: ${type} ge: ${type} gt: ${type}`;
const stringConditions = (type: string): string =>
  `${comparisons(type)} contains: ${type} notContains: ${type} between: [${type}] beginsWith: ${type}`;
const numberConditions = (type: string): string => `${comparisons(type)} between: [${type}]`;
const functions = 'attributeExists: Boolean attributeType: ModelAttributeTypes';

const SHARED_SDL = `
input ModelStringInput { ${stringConditions('String')} ${functions} size: ModelSizeInput }
input ModelIntInput { ${numberConditions('Int')} ${functions} }
input ModelFloatInput { ${numberConditions('Float')} ${functions} }
input ModelBooleanInput { ne: Boolean eq: Boolean ${functions} }
input ModelIDInput { ${stringConditions('ID')} ${functions} size: ModelSizeInput }
input ModelSubscriptionStringInput { ${stringConditions('String')} in: [String] notIn: [String] }
input ModelSubscriptionIntInput { ${numberConditions('Int')} in: [Int] notIn: [Int] }
input ModelSubscriptionFloatInput { ${numberConditions('Float')} in: [Float] notIn: [Float] }
input ModelSubscriptionBooleanInput { ne: Boolean eq: Boolean }
input ModelSubscriptionIDInput { ${stringConditions('ID')} in: [ID] notIn: [ID] }
enum ModelAttributeTypes { binary binarySet bool list map number numberSet string stringSet _null }
input ModelSizeInput { ${numberConditions('Int')} }
enum ModelSortDirection { ASC DESC }
`;

/** Emitted once whenever the API has at least one model. */
export const sharedModelInputs = (): DefinitionNode[] => [...parse(SHARED_SDL, { noLocation: true }).definitions];

/** `String`, `ID`, `Int`, `Float` or `Boolean`: the family a scalar filters as. */
function scalarFamily(typeName: string): 'String' | 'ID' | 'Int' | 'Float' | 'Boolean' {
  switch (typeName) {
    case 'ID':
      return 'ID';
    case 'Int':
    case 'AWSTimestamp':
    case 'BigInt':
      return 'Int';
    case 'Float':
    case 'Double':
      return 'Float';
    case 'Boolean':
      return 'Boolean';
    default:
      return 'String';
  }
}

/** The filter/condition input a field is filtered with, or undefined for object fields. */
export function filterInputName(field: ModelField): string | undefined {
  if (field.kind === 'enum') return field.type.list ? `Model${field.type.name}ListInput` : `Model${field.type.name}Input`;
  if (field.kind !== 'scalar') return undefined;
  return `Model${scalarFamily(field.type.name)}Input`;
}

/** Subscription filters map enums (and enum lists) to `ModelSubscriptionStringInput`. */
export function subscriptionFilterInputName(field: ModelField): string | undefined {
  if (field.kind === 'enum') return 'ModelSubscriptionStringInput';
  if (field.kind !== 'scalar') return undefined;
  return `ModelSubscription${scalarFamily(field.type.name)}Input`;
}

/** `Model<Enum>Input {eq ne}` or, for enum lists, `Model<Enum>ListInput {eq:[E] ne:[E] contains notContains}`. */
export function enumFilterInput(field: ModelField): InputObjectTypeDefinitionNode {
  const typeName = field.type.name;
  const sdl = field.type.list
    ? `input Model${typeName}ListInput { eq: [${typeName}] ne: [${typeName}] contains: ${typeName} notContains: ${typeName} }`
    : `input Model${typeName}Input { eq: ${typeName} ne: ${typeName} }`;
  return parse(sdl, { noLocation: true }).definitions[0] as InputObjectTypeDefinitionNode;
}

/** `Model<T>KeyConditionInput` for a single sort-key field. */
export function keyConditionInput(typeName: string): { name: string; definition: InputObjectTypeDefinitionNode } {
  const family = scalarFamily(typeName);
  const keyType = family === 'Boolean' ? 'String' : family;
  const beginsWith = keyType === 'String' || keyType === 'ID' ? ` beginsWith: ${keyType}` : '';
  const inputName = `Model${keyType}KeyConditionInput`;
  const sdl = `input ${inputName} { eq: ${keyType} le: ${keyType} lt: ${keyType} ge: ${keyType} gt: ${keyType} between: [${keyType}]${beginsWith} }`;
  return { name: inputName, definition: parse(sdl, { noLocation: true }).definitions[0] as InputObjectTypeDefinitionNode };
}

/** The condition input over a composite sort key and the key input it compares with. */
export function compositeKeyInputs(
  prefix: string,
  fields: Array<{ name: string; typeName: string }>,
): { name: string; definitions: InputObjectTypeDefinitionNode[] } {
  const keyInput = `${prefix}CompositeKeyInput`;
  const conditionInput = `${prefix}CompositeKeyConditionInput`;
  const sdl = `
input ${conditionInput} { eq: ${keyInput} le: ${keyInput} lt: ${keyInput} ge: ${keyInput} gt: ${keyInput} between: [${keyInput}] beginsWith: ${keyInput} }
input ${keyInput} { ${fields.map((keyField) => `${keyField.name}: ${keyField.typeName}`).join(' ')} }`;
  const definitions = parse(sdl, { noLocation: true }).definitions.filter(
    (definition): definition is InputObjectTypeDefinitionNode => definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION,
  );
  return { name: conditionInput, definitions };
}
