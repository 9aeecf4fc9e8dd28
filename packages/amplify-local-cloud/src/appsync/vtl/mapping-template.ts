import { javaMethod, NOT_A_JAVA_METHOD } from './java-methods';

interface VelocityAst {
  type?: string;
  value?: unknown;
}

interface VelocityCompiler {
  _state: { return: boolean };
  render(context: Record<string, unknown>, macros?: Record<string, unknown>): string;
}

interface VelocityInternals {
  config: { returnValues?: WeakSet<object> };
  getLiteral(ast: unknown): unknown;
  getPropMethod(property: { id: string; args?: unknown[] }, baseRef: unknown, ast: unknown): unknown;
  getExpression(ast: unknown, isVal?: boolean): unknown;
}

interface VelocityModule {
  parse(template: string): VelocityAst[];
  Compile: new (asts: VelocityAst[], config: Record<string, unknown>) => VelocityCompiler;
}

export type RenderResult = { type: 'text'; text: string } | { type: 'return'; value: unknown };

/** A template that failed to parse or to render: AppSync reports these as `MappingTemplate` errors. */
export class MappingTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingTemplateError';
  }
}

let engine: { parse: VelocityModule['parse']; Compiler: VelocityModule['Compile'] } | undefined;

/**
 * amplify-velocity-template with two AppSync behaviours added: the Java methods templates call on maps, lists and
 * strings (`$map.containsKey`, `$list.isEmpty()`, `$s.matches(...)`), which the engine knows only in part, and the
 * value of `#return(...)` wherever it appears (the engine returns it as text, concatenated with what came before).
 */
function velocityEngine(): NonNullable<typeof engine> {
  if (engine !== undefined) return engine;
  const velocity = require('amplify-velocity-template') as VelocityModule;
  const Base = velocity.Compile as unknown as new (...args: unknown[]) => VelocityInternals;
  class AppSyncCompiler extends Base {
    returned: { value: unknown } | undefined;

    override getPropMethod(property: { id: string; args?: unknown[] }, baseRef: unknown, ast: unknown): unknown {
      const args = () => (Array.isArray(property.args) ? property.args : []).map((arg) => this.getLiteral(arg));
      if (typeof baseRef === 'object' && baseRef !== null && typeof (baseRef as Record<string, unknown>)[property.id] === 'function') {
        // `$util.*` and friends, called here so the errors they raise (`$util.error`) reach the resolver unchanged:
        // the engine would rethrow them as plain errors with the template position appended.
        return ((baseRef as Record<string, unknown>)[property.id] as (...values: unknown[]) => unknown).apply(baseRef, args());
      }
      if (baseRef !== null && baseRef !== undefined) {
        const result = javaMethod(baseRef, property.id, args);
        if (result !== NOT_A_JAVA_METHOD) return result;
      }
      return super.getPropMethod(property, baseRef, ast);
    }

    override getExpression(ast: unknown, isVal?: boolean): unknown {
      const value = super.getExpression(ast, isVal);
      if (typeof ast === 'object' && ast !== null && this.config.returnValues?.has(ast)) this.returned = { value };
      return value;
    }
  }
  engine = { parse: velocity.parse, Compiler: AppSyncCompiler as unknown as VelocityModule['Compile'] };
  return engine;
}

/** The value nodes of every `#return(...)` in the tree, so their evaluation can be captured. */
function returnValues(node: unknown, found: WeakSet<object>): void {
  if (Array.isArray(node)) {
    node.forEach((child) => returnValues(child, found));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const ast = node as VelocityAst;
  if (ast.type === 'return' && typeof ast.value === 'object' && ast.value !== null) found.add(ast.value);
  for (const child of Object.values(ast)) if (typeof child === 'object') returnValues(child, found);
}

/** A parsed mapping template, rendered once per resolver invocation. */
export class MappingTemplate {
  private readonly asts: VelocityAst[];
  private readonly returns = new WeakSet<object>();

  constructor(source: string) {
    const { parse } = velocityEngine();
    try {
      this.asts = parse(source);
    } catch (error) {
      throw new MappingTemplateError(`Unable to parse the mapping template: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    returnValues(this.asts, this.returns);
  }

  render(context: Record<string, unknown>): RenderResult {
    const compiler = new (velocityEngine().Compiler)(this.asts, { escape: false, returnValues: this.returns });
    const text = compiler.render(context);
    if (compiler._state.return) {
      const returned = (compiler as unknown as { returned?: { value: unknown } }).returned;
      return { type: 'return', value: returned === undefined ? null : returned.value };
    }
    return { type: 'text', text };
  }
}

/** Templates are parsed once per text: a deployed API's templates are few and fixed. */
const cache = new Map<string, MappingTemplate>();

export function mappingTemplate(source: string): MappingTemplate {
  let template = cache.get(source);
  if (template === undefined) {
    template = new MappingTemplate(source);
    if (cache.size > 5000) cache.clear();
    cache.set(source, template);
  }
  return template;
}
