import type { CfnTemplate } from 'amplify-graphql-transformer';
import type { CompiledApi } from './compile';

type Resources = Record<string, { Type?: string; DependsOn?: string | string[] }>;

/** Logical ids `value` refers to: `Ref`, `Fn::GetAtt`, `${Id}` / `${Id.Attr}` of `Fn::Sub`, anywhere inside it. */
function referencedIds(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') found.add(inner);
      else if (key === 'Fn::GetAtt') found.add(Array.isArray(inner) ? String(inner[0]) : String(inner).split('.')[0]);
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? inner[0] : inner;
        if (typeof text === 'string') for (const match of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[^}]*)?\}/g)) found.add(match[1]);
        if (Array.isArray(inner)) referencedIds(inner[1], found);
      }
      referencedIds(inner, found);
    }
  }
  return found;
}

function dependsOnIds(resource: { DependsOn?: string | string[] }): string[] {
  return resource.DependsOn === undefined ? [] : Array.isArray(resource.DependsOn) ? resource.DependsOn : [resource.DependsOn];
}

function hasTable(template: CfnTemplate): boolean {
  return Object.values((template.Resources ?? {}) as Resources).some((r) => r.Type === 'AWS::DynamoDB::Table');
}

/** The `stacks/<Name>.json` a root stack resource deploys, read from its TemplateURL. */
function nestedStackFile(resource: unknown): string | undefined {
  const match = /\/stacks\/([^/"]+\.json)"/.exec(JSON.stringify((resource as { Properties?: { TemplateURL?: unknown } }).Properties?.TemplateURL ?? ''));
  return match ? `stacks/${match[1]}` : undefined;
}

/**
 * The first step of `amplify api rebuild`: the compiled API without its tables. The nested stacks holding tables
 * and the root's own tables go, then, over and over, every root resource and output that refers to something gone
 * (resolver stacks, custom stacks, policies). The API, its schema and key stay, so its id and endpoint survive;
 * deploying the full build afterwards recreates every table empty.
 */
export function withoutTables(compiled: CompiledApi): CompiledApi {
  const root = JSON.parse(JSON.stringify(compiled.rootStack)) as CfnTemplate & { Resources: Record<string, unknown>; Outputs?: Record<string, unknown> };
  const resources = root.Resources;
  const removedFiles = new Set<string>();
  const removed = new Set<string>();
  for (const [id, resource] of Object.entries(resources)) {
    const type = (resource as { Type?: string }).Type;
    const file = type === 'AWS::CloudFormation::Stack' ? nestedStackFile(resource) : undefined;
    const nested = file !== undefined && compiled.files[file] !== undefined ? (JSON.parse(compiled.files[file]) as CfnTemplate) : undefined;
    if (type === 'AWS::DynamoDB::Table' || (nested && hasTable(nested))) {
      removed.add(id);
      if (file) removedFiles.add(file);
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, resource] of Object.entries(resources)) {
      if (removed.has(id)) continue;
      const refs = [...referencedIds(resource), ...dependsOnIds(resource as { DependsOn?: string | string[] })];
      if (refs.some((ref) => removed.has(ref))) {
        removed.add(id);
        const file = nestedStackFile(resource);
        if (file) removedFiles.add(file);
        changed = true;
      }
    }
  }
  for (const id of removed) delete resources[id];
  for (const [name, output] of Object.entries(root.Outputs ?? {})) if ([...referencedIds(output)].some((ref) => removed.has(ref))) delete root.Outputs![name];
  const files = Object.fromEntries(Object.entries(compiled.files).filter(([file]) => !removedFiles.has(file)));
  files['cloudformation-template.json'] = JSON.stringify(root, null, 4);
  return { ...compiled, rootStack: root, files };
}
