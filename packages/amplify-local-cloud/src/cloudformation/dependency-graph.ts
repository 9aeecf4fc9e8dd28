import { getAttArguments, intrinsicCallOf, parseSubString } from 'amplify-cloudformation-spec';
import { isTemplateObject, ResourceDeclaration, TemplateValue } from './template-value';

/** The names a value refers to: `Ref` targets, `Fn::GetAtt` logical ids and `Fn::Sub` variables. */
export function referencedNames(value: TemplateValue, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedNames(item, into);
    return into;
  }
  if (!isTemplateObject(value)) return into;
  const call = intrinsicCallOf(value);
  if (call?.name === 'Ref' && typeof call.argument === 'string') {
    into.add(call.argument);
  } else if (call?.name === 'Fn::GetAtt') {
    const target = getAttArguments(call.argument);
    if (target !== undefined) into.add(target.logicalId);
  } else if (call?.name === 'Fn::Sub') {
    const args = value[call.name];
    const [text, variables] = Array.isArray(args) ? [args[0], args[1]] : [args, undefined];
    const own = isTemplateObject(variables) ? new Set(Object.keys(variables)) : new Set<string>();
    if (typeof text === 'string') {
      for (const part of parseSubString(text)) {
        if (!('reference' in part) || own.has(part.reference)) continue;
        into.add(part.reference.split('.')[0]);
      }
    }
    if (variables !== undefined) referencedNames(variables, into);
  } else {
    for (const item of Object.values(value)) referencedNames(item, into);
  }
  return into;
}

export function dependsOnList(declaration: ResourceDeclaration): string[] {
  const dependsOn = declaration.DependsOn;
  if (dependsOn === undefined) return [];
  return Array.isArray(dependsOn) ? dependsOn : [dependsOn];
}

/** Which resources each resource needs first, from its references and `DependsOn`. */
export class DependencyGraph {
  private constructor(readonly dependencies: ReadonlyMap<string, ReadonlySet<string>>) {}

  /** Builds the graph; a reference to a resource outside `resources` (e.g. one whose condition is false) is dropped. */
  static of(resources: Record<string, ResourceDeclaration>): DependencyGraph {
    const dependencies = new Map<string, Set<string>>();
    for (const [logicalId, declaration] of Object.entries(resources)) {
      const names = referencedNames((declaration.Properties ?? {}) as TemplateValue);
      for (const name of dependsOnList(declaration)) names.add(name);
      dependencies.set(logicalId, new Set([...names].filter((name) => name in resources && name !== logicalId)));
    }
    return new DependencyGraph(dependencies);
  }

  dependentsOf(logicalId: string): string[] {
    return [...this.dependencies].filter(([, needs]) => needs.has(logicalId)).map(([id]) => id);
  }
}
