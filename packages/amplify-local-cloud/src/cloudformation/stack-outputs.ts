import { NO_VALUE, resolveValue } from './intrinsics';
import type { StackContext } from './stack-context';
import type { StackOutput, StackRecord, StackStore } from './stack-store';
import { validationError } from './template-error';
import type { Template, TemplateValue } from './template-value';

export function resolveOutputs(template: Template, context: StackContext): StackOutput[] {
  const outputs: StackOutput[] = [];
  for (const [key, declaration] of Object.entries(template.Outputs ?? {})) {
    if (!context.isActive(declaration.Condition)) continue;
    const value = resolveValue(declaration.Value, context);
    if (value === NO_VALUE) continue;
    const output: StackOutput = { key, value: outputText(value) };
    if (declaration.Description !== undefined) output.description = String(declaration.Description);
    if (declaration.Export !== undefined) {
      const name = resolveValue(declaration.Export.Name, context);
      if (typeof name !== 'string' || name === '') throw validationError(`Template error: the Export Name of output ${key} must be a non-empty string`);
      output.exportName = name;
    }
    outputs.push(output);
  }
  return outputs;
}

/** Exports are global: a name exported by another stack fails; one in use by another stack may not change. */
export function publishExports(store: StackStore, stack: StackRecord, outputs: StackOutput[]): void {
  const exports = outputs.filter((output) => output.exportName !== undefined).map((output) => ({ name: output.exportName!, value: output.value }));
  const seen = new Set<string>();
  for (const item of exports) {
    if (seen.has(item.name)) throw validationError(`Template error: duplicate export name ${item.name}`);
    seen.add(item.name);
    const existing = store.getExport(item.name);
    if (existing !== undefined && existing.stackId !== stack.stackId) {
      const owner = store.getStack(existing.stackId);
      throw validationError(`Export with name ${item.name} is already exported by stack ${owner?.stackName ?? existing.stackId}`);
    }
  }
  for (const previous of store.exportsOf(stack.stackId)) {
    const next = exports.find((item) => item.name === previous.name);
    if (next !== undefined && next.value === previous.value) continue;
    const users = store.importersOf(previous.name).filter((id) => id !== stack.stackId);
    if (users.length > 0) {
      const names = users.map((id) => store.getStack(id)?.stackName ?? id).join(', ');
      throw validationError(
        next === undefined
          ? `Export ${previous.name} cannot be deleted as it is in use by ${names}`
          : `Cannot update export ${previous.name} as it is in use by ${names}`,
      );
    }
  }
  store.replaceExports(stack.stackId, exports);
}

/** An output's text: lists comma-joined as CloudFormation shows them. */
function outputText(value: TemplateValue): string {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(',');
  return typeof value === 'string' ? value : JSON.stringify(value);
}
