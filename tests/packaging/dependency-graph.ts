import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** One package the app needs at run time: where Node finds it from the app's root, and which version. */
export interface RuntimePackage {
  /** `name@version`, the same wherever the tree puts it. */
  id: string;
  /** Its folders, relative to the app's root (`node_modules/…`): a tree may hold a version more than once. */
  paths: string[];
  /** What needed it first (`app` for the app's own package.json). */
  neededBy: string;
}

/** A dependency that Node would not find from where it is needed. */
export interface Unresolved {
  name: string;
  neededBy: string;
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Node's lookup: the nearest `node_modules/NAME` from the needing package's folder up to the root. */
function resolve(root: string, from: string, name: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || !dir.startsWith(root)) return null;
  }
}

/**
 * Every package the app at `root` loads at run time, found the way Node finds it: from the app's
 * `dependencies`, then each package's own dependencies (optional ones where installed, peers
 * unless optional), transitively. The same walk over the project's node_modules and over an
 * extracted app.asar must give the same packages: electron-builder may lay the tree out
 * differently, but nothing may be missing or another version.
 */
export function runtimeGraph(root: string): { packages: Map<string, RuntimePackage>; unresolved: Unresolved[] } {
  const packages = new Map<string, RuntimePackage>();
  const unresolved: Unresolved[] = [];
  const seenDirs = new Set<string>();
  const queue: { dir: string; neededBy: string; deps: (readonly [string, boolean])[] }[] = [];
  const visit = (dir: string) => {
    const m = manifest(dir);
    const peers = Object.keys(m.peerDependencies ?? {});
    const isOptionalPeer = (p: string) => m.peerDependenciesMeta?.[p]?.optional === true;
    queue.push({
      dir,
      neededBy: dir === root ? 'app' : `${m.name}@${m.version}`,
      deps: [
        ...Object.keys(m.dependencies ?? {}).map((n) => [n, false] as const),
        ...Object.keys(m.optionalDependencies ?? {}).map((n) => [n, true] as const),
        ...peers.map((n) => [n, isOptionalPeer(n)] as const),
      ],
    });
  };
  visit(root);
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const [name, isOptional] of next.deps) {
      const found = resolve(root, next.dir, name);
      if (!found) {
        // An optional dependency for another platform is installed nowhere: nothing to pack.
        if (!isOptional) unresolved.push({ name, neededBy: next.neededBy });
        continue;
      }
      if (seenDirs.has(found)) continue;
      seenDirs.add(found);
      const m = manifest(found);
      const id = `${m.name}@${m.version}`;
      const path = relative(root, found).split(sep).join('/');
      const known = packages.get(id);
      if (known) known.paths.push(path);
      else packages.set(id, { id, paths: [path], neededBy: next.neededBy });
      visit(found);
    }
  }
  return { packages, unresolved };
}
