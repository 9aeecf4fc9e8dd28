type Json = Record<string, unknown>;

/** The swagger path a request path falls under, with its path parameters. */
export interface RouteMatch {
  /** The swagger path (API Gateway's `resource`), e.g. `/items/{proxy+}`. */
  template: string;
  pathParameters: Record<string, string>;
  /** The path item: its methods (`get`, `options`, `x-amazon-apigateway-any-method`, ...). */
  pathItem: Json;
}

/** How a template segment matched: a literal beats a parameter, which beats a greedy `{name+}`. */
const LITERAL = 3;
const PARAMETER = 2;
const GREEDY = 1;

/**
 * Finds the swagger path serving `requestPath` (decoded segments, no stage) as API Gateway chooses it: among the
 * paths that match, the one whose segments are most specific from the left.
 */
export function matchRoute(paths: Json, requestPath: string): RouteMatch | undefined {
  const segments = splitPath(requestPath);
  let best: { match: RouteMatch; rank: number[] } | undefined;
  for (const [template, pathItem] of Object.entries(paths)) {
    if (typeof pathItem !== 'object' || pathItem === null) continue;
    const matched = matchTemplate(splitPath(template), segments);
    if (matched === undefined) continue;
    if (best === undefined || compareRanks(matched.rank, best.rank) > 0) {
      best = { match: { template, pathParameters: matched.parameters, pathItem: pathItem as Json }, rank: matched.rank };
    }
  }
  return best?.match;
}

function matchTemplate(template: string[], segments: string[]): { parameters: Record<string, string>; rank: number[] } | undefined {
  const parameters: Record<string, string> = {};
  const rank: number[] = [];
  for (const [index, part] of template.entries()) {
    const parameter = /^\{([^}]+)\}$/.exec(part);
    if (parameter !== null && parameter[1].endsWith('+')) {
      if (index !== template.length - 1 || segments.length <= index) return undefined;
      parameters[parameter[1].slice(0, -1)] = segments.slice(index).join('/');
      rank.push(GREEDY);
      return { parameters, rank };
    }
    if (index >= segments.length) return undefined;
    if (parameter !== null) {
      parameters[parameter[1]] = segments[index];
      rank.push(PARAMETER);
    } else if (part === segments[index]) {
      rank.push(LITERAL);
    } else {
      return undefined;
    }
  }
  return template.length === segments.length ? { parameters, rank } : undefined;
}

function compareRanks(left: number[], right: number[]): number {
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function splitPath(value: string): string[] {
  return value.split('/').filter((segment) => segment !== '');
}
