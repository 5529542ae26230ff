/**
 * A stand-in for any VS Code API object the stub does not model: every property exists, every call
 * and `new` succeed and return another stand-in (which has `dispose`), assignments stick. It is not
 * thenable, so awaiting one does not hang, and it turns into a harmless string or 0 when coerced.
 */
export type Stub = Record<PropertyKey, unknown>;

export function permissive(name: string, known: Stub = {}): Stub {
  const assigned = new Map<PropertyKey, unknown>();
  const children = new Map<PropertyKey, unknown>();
  const target = function stub() {} as unknown as Stub;
  return new Proxy(target, {
    get(_target, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key in known) return known[key];
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 0 : `[vscode stub ${name}]`);
      if (key === Symbol.iterator) return function* empty() {};
      if (typeof key === 'symbol') return undefined;
      if (!children.has(key)) children.set(key, permissive(`${name}.${key}`));
      return children.get(key);
    },
    set(_target, key, value) {
      assigned.set(key, value);
      return true;
    },
    has: () => true,
    apply: () => permissive(`${name}()`),
    construct: () => permissive(`new ${name}`),
  });
}
