/**
 * What `zod` means in the views' bundle (vite.config.ts aliases it here). Zod compiles object
 * parsers with `new Function` and first probes whether eval is allowed; our pages' CSP has no
 * 'unsafe-eval', so the probe is reported as a CSP violation on every page load in every engine.
 * `jitless` skips both, and must be set before the first object schema is built: every schema
 * module imports zod, hence this file, so its body runs first whatever chunk a schema lands in.
 * The host keeps zod's compiled parsers (Node has no CSP, and it parses long logs).
 */
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z };
