import type { ResourceTypeSpec } from 'amplify-cloudformation-spec';
import { generatedName, ids } from '../physical-ids';
import type { TemplateValue } from '../template-value';
import type { ProvisionedResource, ResourceHandler, ResourceRequest } from './resource-handler';

/**
 * The property that names a resource of the type (`TopicName` for `AWS::SNS::Topic`, `Name` for many others), if the
 * specification has one.
 */
export function nameProperty(type: string, spec: ResourceTypeSpec | undefined): string | undefined {
  const shortName = type.split('::')[2] ?? '';
  const candidates = [`${shortName}Name`, 'Name', ...(spec?.primaryIdentifier ?? []).filter((name) => name.endsWith('Name'))];
  return candidates.find((name) => spec?.properties[name] !== undefined);
}

/** The resource's name: the one the template gives, else one generated as AWS does. */
export function resourceName(request: ResourceRequest, options: { maxLength?: number; lowercase?: boolean } = {}): string {
  const property = nameProperty(request.type, request.spec);
  const given = property === undefined ? undefined : request.properties[property];
  if (typeof given === 'string' && given !== '') return given;
  return generatedName(request.stack.stackName, request.logicalId, { maxLength: options.maxLength ?? 64, ...options });
}

/**
 * Fills the specification's ARN pattern (`arn:${Partition}:sns:${Region}:${Account}:${TopicName}`): variables come
 * from `values` (properties and identifiers), else a name for `...Name` variables, else a generated id.
 */
export function fillArnTemplate(template: string, request: ResourceRequest, values: Record<string, string>): string {
  return template.replace(/\$\{([^}]+)\}/g, (_, variable: string) => {
    if (variable === 'Partition') return 'aws';
    if (variable === 'Region') return request.stack.region;
    if (variable === 'Account' || variable === 'AccountId') return request.stack.accountId;
    if (values[variable] === undefined) values[variable] = variable.endsWith('Name') ? values.__name : (values.__id ?? ids.hex(10));
    return values[variable];
  });
}

/**
 * Physical id and attributes for any type of the specification, in AWS's formats: the name the template gives or a
 * generated one, the ARN from the specification's pattern, ids for `...Id` attributes, and the identifier `Ref`
 * returns (the specification's ref or primary identifier, parts joined with `|` as CloudFormation joins them).
 */
export function provisionGeneric(request: ResourceRequest, fixed: Record<string, TemplateValue> = {}): ProvisionedResource {
  const spec = request.spec;
  const name = resourceName(request);
  const shortName = request.type.split('::')[2] ?? 'Resource';
  const service = (request.type.split('::')[1] ?? 'aws').toLowerCase();
  const values: Record<string, string> = { __name: name };
  for (const [key, value] of Object.entries(request.properties)) if (typeof value === 'string') values[key] = value;
  for (const [key, value] of Object.entries(fixed)) if (typeof value === 'string') values[key] = value;
  const property = nameProperty(request.type, spec);
  if (property !== undefined) values[property] = name;
  const attributeNames = Object.keys(spec?.attributes ?? {});
  // Ids first: the ARN pattern names the same id under other names (`${GraphQLAPIId}` for the `ApiId` attribute).
  const idNames = [...(spec?.primaryIdentifier ?? []), ...attributeNames].filter((key) => /Id$/.test(key) && !key.includes('.'));
  for (const key of idNames) values[key] ??= ids.hex(key === 'Id' || key === `${shortName}Id` ? 10 : 12);
  const mainId = idNames.length > 0 ? values[idNames[0]] : undefined;
  if (mainId !== undefined) values.__id = mainId;

  const arn = spec?.arnTemplate
    ? fillArnTemplate(spec.arnTemplate, request, values)
    : `arn:aws:${service}:${request.stack.region}:${request.stack.accountId}:${shortName.toLowerCase()}/${name}`;
  const attributes: Record<string, TemplateValue> = {};
  for (const attribute of attributeNames) {
    attributes[attribute] = fixed[attribute] ?? genericAttribute(attribute, { spec: spec!, shortName, service, name, arn, values, request });
    if (typeof attributes[attribute] === 'string') values[attribute] = attributes[attribute] as string;
  }
  for (const [key, value] of Object.entries(fixed)) attributes[key] = value;
  const identifier = spec?.refIdentifier ?? spec?.primaryIdentifier ?? [];
  const parts = identifier.map((part) => (typeof attributes[part] === 'string' ? (attributes[part] as string) : values[part]));
  const physicalId = parts.length > 0 && parts.every((part) => part !== undefined) ? parts.join('|') : name;
  return { physicalId, attributes };
}

interface AttributeContext {
  spec: ResourceTypeSpec;
  shortName: string;
  service: string;
  name: string;
  arn: string;
  values: Record<string, string>;
  request: ResourceRequest;
}

function genericAttribute(attribute: string, context: AttributeContext): TemplateValue {
  const { values, arn, name, request } = context;
  const type = context.spec.attributes[attribute];
  if (type?.kind === 'list') return [];
  if (type?.kind === 'named' || type?.kind === 'map') return {};
  if (values[attribute] !== undefined) return values[attribute];
  const leaf = attribute.split('.').pop() ?? attribute;
  if (type?.kind === 'primitive' && type.primitive === 'Boolean') return 'false';
  if (type?.kind === 'primitive' && (type.primitive === 'Integer' || type.primitive === 'Double')) return leaf === 'Port' ? '443' : '0';
  if (type?.kind === 'primitive' && type.primitive === 'Timestamp') return new Date().toISOString();
  if (leaf === 'Arn' || leaf === `${context.shortName}Arn`) return arn;
  if (leaf.endsWith('Arn')) return `${arn}/${leaf.slice(0, -3).toLowerCase()}`;
  if (/Url$|URL$|Endpoint$|Address$|DomainName$|Dns$/.test(leaf)) {
    const host =
      context.service === 'cloudfront' ? `d${ids.lowerAlnum(13)}.cloudfront.net` : `${name.toLowerCase()}.${context.service}.${request.stack.region}.amazonaws.com`;
    return /Url$|URL$/.test(leaf) ? `https://${host}` : host;
  }
  if (leaf.endsWith('Name')) return name;
  if (leaf.endsWith('Id')) return ids.hex(12);
  return name;
}

/** The handler for types without side effects in the local cloud: identity and attributes only. */
export const genericHandler: ResourceHandler = {
  async create(request) {
    return provisionGeneric(request);
  },
  async update(request) {
    // Names and ids stay: only replacement (a createOnly property changed) makes a new resource.
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete() {
    // Nothing outside the engine's own tables exists for these resources.
  },
};

/** A handler whose identity comes from `identity`, other attributes from the specification as generic ones. */
export function withFixedIdentity(identity: (request: ResourceRequest) => { physicalId: string; attributes: Record<string, TemplateValue> }): ResourceHandler {
  return {
    ...genericHandler,
    async create(request) {
      const { physicalId, attributes } = identity(request);
      return { physicalId, attributes: provisionGeneric(request, attributes).attributes };
    },
  };
}
