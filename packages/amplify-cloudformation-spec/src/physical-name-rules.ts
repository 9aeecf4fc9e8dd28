/**
 * The naming rules AWS enforces on physical names a template may give literally (function, bucket, table, role
 * names...). The resource specification this package is generated from carries types only, no patterns or lengths,
 * so the rules AWS documents for these properties are written here. Checking them before upload turns a failed
 * deployment (or, for a name like `../x`, a value used to build paths) into a validation issue.
 */
import { isPlainObject } from './intrinsic-function';

export interface NameRule {
  /** The rule in words, quoted in the issue: what AWS accepts. */
  readonly description: string;
  /** Why the value breaks the rule, or `undefined` when it follows it. */
  check(value: string): string | undefined;
}

interface PatternRuleOptions {
  pattern: RegExp;
  minLength: number;
  maxLength: number;
  description: string;
}

function patternRule({ pattern, minLength, maxLength, description }: PatternRuleOptions): NameRule {
  return {
    description: `${description}, ${minLength}-${maxLength} characters`,
    check: (value) => {
      if (value.length < minLength || value.length > maxLength) return `is ${value.length} characters long`;
      if (!pattern.test(value)) return `does not match ${pattern.source}`;
      return undefined;
    },
  };
}

/** Lambda: a plain function name, when the property names the function it creates. */
const FUNCTION_NAME = patternRule({ pattern: /^[a-zA-Z0-9_-]+$/, minLength: 1, maxLength: 64, description: 'letters, digits, hyphens and underscores' });

/** Lambda: where a property refers to an existing function, a name, a partial ARN or a full ARN, with a qualifier. */
const FUNCTION_REFERENCE = patternRule({
  pattern: /^(arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:)?(\d{12}:)?(function:)?[a-zA-Z0-9_-]+(:(\$LATEST|[a-zA-Z0-9_-]+))?$/,
  minLength: 1,
  maxLength: 140,
  description: 'a function name (letters, digits, hyphens, underscores) or function ARN',
});

const LAYER_NAME = patternRule({
  pattern: /^((arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9_-]+)|[a-zA-Z0-9_-]+)$/,
  minLength: 1,
  maxLength: 140,
  description: 'a layer name (letters, digits, hyphens, underscores) or layer ARN',
});

/** S3's general purpose bucket naming rules. */
const BUCKET_NAME: NameRule = {
  description:
    '3-63 characters of lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, without "..", not shaped like an IP address, without the reserved prefixes xn--, sthree- and amzn-s3-demo- or suffixes -s3alias and --ol-s3',
  check: (value) => {
    if (value.length < 3 || value.length > 63) return `is ${value.length} characters long`;
    if (!/^[a-z0-9.-]+$/.test(value)) return 'has a character other than a-z, 0-9, "." and "-"';
    if (!/^[a-z0-9].*[a-z0-9]$/.test(value)) return 'does not start and end with a letter or digit';
    if (value.includes('..')) return 'has two adjacent dots';
    if (/^\d+\.\d+\.\d+\.\d+$/.test(value)) return 'is shaped like an IP address';
    if (/^(xn--|sthree-|amzn-s3-demo-)/.test(value) || /(-s3alias|--ol-s3)$/.test(value)) return 'uses a prefix or suffix S3 reserves';
    return undefined;
  },
};

/** IAM names: the `[\w+=,.@-]+` of the IAM API, with the length of each kind of name. */
function iamName(maxLength: number): NameRule {
  return patternRule({ pattern: /^[\w+=,.@-]+$/, minLength: 1, maxLength, description: 'letters, digits and _+=,.@-' });
}

const IAM_PATH = patternRule({ pattern: /^(\/|\/[\u0021-\u007F]+\/)$/, minLength: 1, maxLength: 512, description: 'a path that starts and ends with "/"' });

const TABLE_NAME = patternRule({ pattern: /^[a-zA-Z0-9_.-]+$/, minLength: 3, maxLength: 255, description: 'letters, digits, "_", "." and "-"' });

/** Cognito's user pool, identity pool and app client names. */
const COGNITO_NAME = patternRule({ pattern: /^[\w\s+=,.@-]+$/, minLength: 1, maxLength: 128, description: 'letters, digits, spaces and _+=,.@-' });

const RULES: Readonly<Record<string, Readonly<Record<string, NameRule>>>> = {
  'AWS::Lambda::Function': { FunctionName: FUNCTION_NAME },
  'AWS::Lambda::Alias': { FunctionName: FUNCTION_REFERENCE },
  'AWS::Lambda::Version': { FunctionName: FUNCTION_REFERENCE },
  'AWS::Lambda::Permission': { FunctionName: FUNCTION_REFERENCE },
  'AWS::Lambda::EventSourceMapping': { FunctionName: FUNCTION_REFERENCE },
  'AWS::Lambda::EventInvokeConfig': { FunctionName: FUNCTION_REFERENCE },
  'AWS::Lambda::LayerVersion': { LayerName: LAYER_NAME },
  'AWS::S3::Bucket': { BucketName: BUCKET_NAME },
  'AWS::IAM::Role': { RoleName: iamName(64), Path: IAM_PATH, 'Policies[].PolicyName': iamName(128) },
  'AWS::IAM::User': { UserName: iamName(64), Path: IAM_PATH, 'Policies[].PolicyName': iamName(128) },
  'AWS::IAM::Group': { GroupName: iamName(128), Path: IAM_PATH, 'Policies[].PolicyName': iamName(128) },
  'AWS::IAM::Policy': { PolicyName: iamName(128) },
  'AWS::IAM::ManagedPolicy': { ManagedPolicyName: iamName(128), Path: IAM_PATH },
  'AWS::IAM::InstanceProfile': { InstanceProfileName: iamName(128), Path: IAM_PATH },
  'AWS::DynamoDB::Table': { TableName: TABLE_NAME },
  'AWS::DynamoDB::GlobalTable': { TableName: TABLE_NAME },
  'AWS::Cognito::UserPool': { UserPoolName: COGNITO_NAME },
  'AWS::Cognito::UserPoolClient': { ClientName: COGNITO_NAME },
  'AWS::Cognito::IdentityPool': { IdentityPoolName: COGNITO_NAME },
};

export interface NameRuleViolation {
  /** Where, from `Properties`: `BucketName`, `Policies[0].PolicyName`. */
  readonly path: string;
  readonly message: string;
}

/** The values a rule key names: a top-level property, or (`List[].Name`) a property of each item of a list. */
function valuesAt(properties: Record<string, unknown>, key: string): Array<{ path: string; value: unknown }> {
  const [list, property] = key.split('[].');
  if (property === undefined) return [{ path: key, value: properties[key] }];
  const items = properties[list];
  if (!Array.isArray(items)) return [];
  return items.map((item, index) => ({
    path: `${list}[${index}].${property}`,
    value: typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[property] : undefined,
  }));
}

/**
 * The literal names in a resource's properties that AWS would refuse. A value that is not a literal string (an
 * intrinsic function, a parameter reference) is known only at deploy time and is left alone.
 */
export function checkPhysicalNames(type: string, properties: unknown): NameRuleViolation[] {
  const rules = RULES[type];
  if (rules === undefined || !isPlainObject(properties)) return [];
  const violations: NameRuleViolation[] = [];
  for (const [key, rule] of Object.entries(rules)) {
    for (const { path, value } of valuesAt(properties, key)) {
      if (typeof value !== 'string') continue;
      const reason = rule.check(value);
      if (reason !== undefined) {
        const name = path.slice(path.lastIndexOf('.') + 1);
        violations.push({ path, message: `${name} ${JSON.stringify(value)} ${reason}; ${type} accepts ${rule.description}` });
      }
    }
  }
  return violations;
}
