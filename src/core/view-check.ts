import type { z } from 'zod';
import { checkedOnce } from './checked-once';
import { firstIssue } from './issues';
import type { ViewParts } from './view-schemas';

const { hasOwnProperty } = Object.prototype;
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * A role's view held to its schema part by part, remembering the parts found good. States are
 * never changed in place, and a view is made of the state's own parts wherever it can be, so a
 * part that is the very object checked before (the agenda, the roster, who has handed in a ballot)
 * is as good as it was: only what changed is checked again. Checked whole at every change, a full
 * hall's host view (10,000 "who has submitted" ids, 500 reviewers) cost milliseconds per change,
 * and every change waits for it before any screen hears of it.
 *
 * The answer is the schema's own: the same parts, the same strictness (a key the schema does not
 * name is refused), the same rules across parts; the problem says where, as describeIssue does.
 */
export function partwiseCheck<T extends z.ZodRawShape>(parts: ViewParts<T>): (view: unknown) => string | null {
  const checks = Object.entries(parts.shape).map(([key, schema]) => [key, checkedOnce(schema as z.ZodType)] as const);
  return (view) => {
    if (!isObject(view) || Array.isArray(view)) return 'expected an object';
    const extra = Object.keys(view).find((key) => !hasOwnProperty.call(parts.shape, key));
    if (extra !== undefined) return `Unrecognized key: "${extra}"`;
    for (const [key, check] of checks) {
      const error = check((view as Record<string, unknown>)[key]);
      if (error !== null) {
        const { path, message } = firstIssue(error);
        return `${path ? `${key}.${path}` : key}: ${message}`;
      }
    }
    const broken = parts.rule(view as z.output<z.ZodObject<T>>);
    return broken === null ? null : `${broken.path.join('.')}: ${broken.message}`;
  };
}
