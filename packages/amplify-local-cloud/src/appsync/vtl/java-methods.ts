/** Answered when a method is not one of the Java methods emulated here: the template engine then tries its own. */
export const NOT_A_JAVA_METHOD = Symbol('not a Java method');

type Args = () => unknown[];

/** Java's `equals` on JSON-shaped values. */
export function javaEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  return JSON.stringify(left) === JSON.stringify(right);
}

/** A Java regular expression as far as templates use them (no possessive quantifiers or inline flags). */
export function javaRegex(pattern: string, flags = ''): RegExp {
  return new RegExp(pattern, flags);
}

function stringMethod(value: string, name: string, args: Args): unknown {
  switch (name) {
    case 'length':
      return value.length;
    case 'isEmpty':
      return value.length === 0;
    case 'isBlank':
      return value.trim().length === 0;
    case 'contains':
      return value.includes(String(args()[0]));
    case 'equals':
      return value === args()[0];
    case 'equalsIgnoreCase':
      return typeof args()[0] === 'string' && value.toLowerCase() === (args()[0] as string).toLowerCase();
    case 'startsWith':
      return value.startsWith(String(args()[0]));
    case 'endsWith':
      return value.endsWith(String(args()[0]));
    case 'toLowerCase':
      return value.toLowerCase();
    case 'toUpperCase':
      return value.toUpperCase();
    case 'trim':
      return value.trim();
    case 'replace': {
      const [target, replacement] = args();
      return value.split(String(target)).join(String(replacement));
    }
    case 'replaceAll': {
      const [pattern, replacement] = args();
      return value.replace(javaRegex(String(pattern), 'g'), String(replacement));
    }
    case 'replaceFirst': {
      const [pattern, replacement] = args();
      return value.replace(javaRegex(String(pattern)), String(replacement));
    }
    case 'matches':
      return javaRegex(`^(?:${String(args()[0])})$`).test(value);
    case 'split': {
      const [pattern, limit] = args();
      const parts = value.split(javaRegex(String(pattern)));
      if (typeof limit === 'number' && limit > 0 && parts.length > limit) {
        const head = parts.slice(0, limit - 1);
        // Java keeps the unsplit rest in the last element.
        let offset = 0;
        for (const part of head) offset = value.indexOf(part, offset) + part.length + 1;
        return [...head, value.slice(offset)];
      }
      // Java drops trailing empty strings.
      while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      return parts;
    }
    case 'substring': {
      const [begin, end] = args();
      return value.substring(Number(begin), end === undefined ? undefined : Number(end));
    }
    case 'indexOf':
      return value.indexOf(String(args()[0]));
    case 'lastIndexOf':
      return value.lastIndexOf(String(args()[0]));
    case 'charAt':
      return value.charAt(Number(args()[0]));
    case 'concat':
      return value + String(args()[0]);
    case 'toString':
      return value;
    default:
      return NOT_A_JAVA_METHOD;
  }
}

function listMethod(list: unknown[], name: string, args: Args): unknown {
  switch (name) {
    case 'size':
      return list.length;
    case 'isEmpty':
      return list.length === 0;
    case 'add': {
      const given = args();
      if (given.length === 2 && typeof given[0] === 'number') list.splice(given[0], 0, given[1]);
      else list.push(given[0]);
      return true;
    }
    case 'addAll': {
      const items = args()[0];
      if (Array.isArray(items)) list.push(...(items as unknown[]));
      return true;
    }
    case 'get':
      return list[Number(args()[0])];
    case 'set': {
      const [index, value] = args();
      const previous = list[Number(index)];
      list[Number(index)] = value;
      return previous;
    }
    case 'contains': {
      const item = args()[0];
      return list.some((entry) => javaEquals(entry, item));
    }
    case 'containsAll': {
      const items = args()[0];
      return Array.isArray(items) && items.every((item) => list.some((entry) => javaEquals(entry, item)));
    }
    case 'indexOf': {
      const item = args()[0];
      return list.findIndex((entry) => javaEquals(entry, item));
    }
    case 'remove': {
      const target = args()[0];
      const index = typeof target === 'number' ? target : list.findIndex((entry) => javaEquals(entry, target));
      if (index < 0 || index >= list.length) return typeof target === 'number' ? null : false;
      const [removed] = list.splice(index, 1);
      return typeof target === 'number' ? removed : true;
    }
    case 'clear':
      list.length = 0;
      return null;
    case 'subList': {
      const [from, to] = args();
      return list.slice(Number(from), Number(to));
    }
    case 'equals':
      return javaEquals(list, args()[0]);
    default:
      return NOT_A_JAVA_METHOD;
  }
}

function mapMethod(map: Record<string, unknown>, name: string, args: Args): unknown {
  switch (name) {
    case 'size':
      return Object.keys(map).length;
    case 'isEmpty':
      return Object.keys(map).length === 0;
    case 'get': {
      const value = map[String(args()[0])];
      return value === undefined ? null : value;
    }
    case 'put': {
      const [key, value] = args();
      const previous = map[String(key)];
      map[String(key)] = value;
      return previous === undefined ? null : previous;
    }
    case 'putAll': {
      const other = args()[0];
      if (typeof other === 'object' && other !== null) Object.assign(map, other);
      return null;
    }
    case 'containsKey':
      return Object.prototype.hasOwnProperty.call(map, String(args()[0]));
    case 'containsValue': {
      const value = args()[0];
      return Object.values(map).some((entry) => javaEquals(entry, value));
    }
    case 'remove': {
      const key = String(args()[0]);
      const previous = map[key];
      delete map[key];
      return previous === undefined ? null : previous;
    }
    case 'keySet':
      return Object.keys(map);
    case 'values':
      return Object.values(map);
    case 'entrySet':
      return Object.entries(map).map(([key, value]) => ({ key, value }));
    case 'clear':
      for (const key of Object.keys(map)) delete map[key];
      return null;
    case 'equals':
      return javaEquals(map, args()[0]);
    default:
      return NOT_A_JAVA_METHOD;
  }
}

function scalarMethod(value: number | boolean, name: string, args: Args): unknown {
  switch (name) {
    case 'toString':
      return String(value);
    case 'equals':
      return value === args()[0];
    case 'intValue':
    case 'longValue':
      return Math.trunc(Number(value));
    case 'doubleValue':
    case 'floatValue':
      return Number(value);
    case 'booleanValue':
      return Boolean(value);
    case 'compareTo': {
      const other = Number(args()[0]);
      return Number(value) < other ? -1 : Number(value) > other ? 1 : 0;
    }
    default:
      return NOT_A_JAVA_METHOD;
  }
}

/** Calls the Java method `name` on a JSON-shaped value as AppSync's template runtime (Java) would. */
export function javaMethod(target: unknown, name: string, args: Args): unknown {
  if (typeof target === 'string') return stringMethod(target, name, args);
  if (typeof target === 'number' || typeof target === 'boolean') return scalarMethod(target, name, args);
  if (Array.isArray(target)) return listMethod(target, name, args);
  if (typeof target === 'object' && target !== null) return mapMethod(target as Record<string, unknown>, name, args);
  return NOT_A_JAVA_METHOD;
}
