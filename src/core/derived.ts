/**
 * One result per key object, kept while the key lives. States are never changed in place, so what
 * is derived from a part of one (its results, a view's part) is derived again only when that part
 * is another object; the same object comes back otherwise, and whatever compares by identity
 * (the view checks, a phone's last message) knows it already.
 */
export function derived<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = derive(key)));
    return value;
  };
}
