/**
 * Defines `key` on `target` so that `load` runs on first read only; the value then becomes a plain, writable
 * property (extensions written for gluegun replace toolbox members, so it must stay assignable).
 */
export function defineLazyProperty<T extends object, K extends PropertyKey, V>(target: T, key: K, load: () => V): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get(): V {
      const value = load();
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
    set(value: V): void {
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}
