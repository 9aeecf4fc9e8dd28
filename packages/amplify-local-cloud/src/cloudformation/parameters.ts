import { validationError } from './template-error';
import { ParameterDeclaration, TemplateValue } from './template-value';

/** A parameter as given to CreateStack/UpdateStack. */
export interface GivenParameter {
  key: string;
  value?: string;
  usePreviousValue?: boolean;
}

/** The value of each declared parameter as its text (what DescribeStacks shows before masking NoEcho). */
export type ParameterValues = Record<string, string>;

const LIST_TYPE = /^List<(.+)>$/;

export function isListType(type: string): boolean {
  return type === 'CommaDelimitedList' || LIST_TYPE.test(type);
}

/** What `Ref` to the parameter returns: lists as string lists, everything else (numbers too) as text. */
export function parameterRefValue(declaration: ParameterDeclaration, text: string): TemplateValue {
  if (!isListType(declaration.Type)) return text;
  return text === '' ? [] : text.split(',').map((item) => (declaration.Type === 'CommaDelimitedList' ? item : item.trim()));
}

function defaultText(value: TemplateValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

/**
 * Resolves the template's parameters from the given ones, the previous values (for `UsePreviousValue`) and the
 * defaults, and checks every constraint with AWS's messages.
 */
export function resolveParameters(
  declarations: Record<string, ParameterDeclaration>,
  given: GivenParameter[],
  previous: ParameterValues = {},
): ParameterValues {
  const unknown = given.filter((parameter) => !(parameter.key in declarations)).map((parameter) => parameter.key);
  if (unknown.length > 0) throw validationError(`Parameters: [${unknown.join(', ')}] do not exist in the template`);
  const byKey = new Map(given.map((parameter) => [parameter.key, parameter]));
  const values: ParameterValues = {};
  const missing: string[] = [];
  for (const [name, declaration] of Object.entries(declarations)) {
    const parameter = byKey.get(name);
    let text: string | undefined;
    if (parameter?.usePreviousValue) {
      text = previous[name];
      if (text === undefined) throw validationError(`Invalid input for parameter key ${name}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`);
    } else {
      text = parameter?.value ?? defaultText(declaration.Default);
    }
    if (text === undefined) {
      missing.push(name);
      continue;
    }
    checkParameter(name, declaration, text);
    values[name] = text;
  }
  if (missing.length > 0) throw validationError(`Parameters: [${missing.join(', ')}] must have values`);
  return values;
}

function checkParameter(name: string, declaration: ParameterDeclaration, text: string): void {
  const type = declaration.Type;
  if (typeof type !== 'string') throw validationError(`Template format error: Every Parameters object must contain a Type member.`);
  if (type.startsWith('AWS::SSM::Parameter::')) {
    throw validationError(`Parameter '${name}' of type ${type} needs the SSM parameter store, which the local cloud does not have; use a String parameter`);
  }
  const fail = (detail: string): never => {
    throw validationError(
      declaration.ConstraintDescription ? `Parameter '${name}' failed to satisfy constraint: ${declaration.ConstraintDescription}` : `Parameter '${name}' ${detail}`,
    );
  };
  const items = isListType(type) ? (text === '' ? [] : text.split(',')) : [text];
  const isNumber = type === 'Number' || type === 'List<Number>';
  for (const item of items) {
    if (isNumber && (item.trim() === '' || !Number.isFinite(Number(item)))) fail('must be a number');
    if (declaration.AllowedValues && !declaration.AllowedValues.map(String).includes(item)) fail('must be one of AllowedValues');
    if (declaration.AllowedPattern !== undefined && !new RegExp(`^(?:${declaration.AllowedPattern})$`).test(item)) {
      fail(`must match pattern ${declaration.AllowedPattern}`);
    }
    if (declaration.MinLength !== undefined && item.length < Number(declaration.MinLength)) {
      fail(`must contain at least ${declaration.MinLength} characters`);
    }
    if (declaration.MaxLength !== undefined && item.length > Number(declaration.MaxLength)) {
      fail(`must contain at most ${declaration.MaxLength} characters`);
    }
    if (declaration.MinValue !== undefined && Number(item) < Number(declaration.MinValue)) {
      fail(`must be a number not less than ${declaration.MinValue}`);
    }
    if (declaration.MaxValue !== undefined && Number(item) > Number(declaration.MaxValue)) {
      fail(`must be a number not greater than ${declaration.MaxValue}`);
    }
  }
}

export function isNoEcho(declaration: Pick<ParameterDeclaration, 'NoEcho'> | undefined): boolean {
  return declaration?.NoEcho === true || declaration?.NoEcho === 'true';
}
