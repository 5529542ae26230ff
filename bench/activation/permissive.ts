/**
 * A stand-in for any VS Code API object the stub does not model: every property exists, every call
 * and `new` succeed and return another stand-in (which has `dispose`), assignments stick. What a
 * call returns is also thenable, resolving to undefined, so `await api.someCall()` and
 * `api.showMessage().then(...)` work like an answer of "nothing"; other stand-ins are not, so
 * awaiting one does not swallow it. Coerced, a stand-in is a harmless string or 0.
 */
export type Stub = Record<PropertyKey, unknown>;

export function permissive(name: string, known: Stub = {}, thenable = false): Stub {
  const assigned = new Map<PropertyKey, unknown>();
  const children = new Map<PropertyKey, unknown>();
  const target = function stub() {} as unknown as Stub;
  const then = (onFulfilled?: (value: undefined) => unknown, onRejected?: (reason: unknown) => unknown) =>
    Promise.resolve(undefined).then(onFulfilled, onRejected);
  return new Proxy(target, {
    get(_target, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key in known) return known[key];
      if (key === 'then') return thenable ? then : undefined;
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
    apply: () => permissive(`${name}()`, {}, true),
    construct: () => permissive(`new ${name}`),
  });
}
