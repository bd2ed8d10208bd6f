import { z } from 'zod';
import { describeIssue } from '../core/issues';

/** One Content-Security-Policy violation, as a browser reported it: what was blocked, where. */
export interface CspViolation {
  /** The page's path (no origin, query or fragment: a view's key travels in the fragment). */
  page: string;
  directive: string;
  /** A URL, or a keyword: `inline`, `eval`, `wasm-eval`. */
  blocked: string;
  /** `file:line:column` of the script that did it, when the browser says. */
  source: string | null;
}

const text = z.string().max(4096);
const line = z.number().int().nonnegative().optional();

/** `Content-Type: application/csp-report` (the `report-uri` directive): one violation. */
const CspReportSchema = z.object({
  'csp-report': z.object({
    'document-uri': text,
    'effective-directive': text.optional(),
    'violated-directive': text.optional(),
    'blocked-uri': text.optional(),
    'source-file': text.optional(),
    'line-number': line,
    'column-number': line,
  }),
});

/** `Content-Type: application/reports+json` (the Reporting API): a batch, of other kinds too. */
const ReportsSchema = z.array(z.object({ type: text, body: z.unknown() })).max(100);
const CspBodySchema = z.object({
  documentURL: text,
  effectiveDirective: text,
  blockedURL: text.optional(),
  sourceFile: text.optional(),
  lineNumber: line,
  columnNumber: line,
});

export const CSP_REPORT_TYPES = ['application/csp-report', 'application/reports+json'] as const;

const pathOf = (url: string): string => {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
};

/** A blocked URL without its query or fragment; a keyword (`inline`, `eval`) as it is. */
const blockedOf = (url: string | undefined): string => (url ? url.split(/[?#]/)[0] || url : 'inline');

const sourceOf = (file: string | undefined, lineNumber: number | undefined, column: number | undefined): string | null =>
  file ? [blockedOf(file), lineNumber, column].filter((p) => p !== undefined).join(':') : null;

/** The violations in a report body of either kind, or what is wrong with it. */
export function readCspReport(contentType: string, body: unknown): { ok: true; violations: CspViolation[] } | { ok: false; problem: string } {
  if (contentType === 'application/csp-report') {
    const parsed = CspReportSchema.safeParse(body);
    if (!parsed.success) return { ok: false, problem: `not a CSP report: ${describeIssue(parsed.error)}` };
    const r = parsed.data['csp-report'];
    return {
      ok: true,
      violations: [
        {
          page: pathOf(r['document-uri']),
          directive: r['effective-directive'] ?? r['violated-directive']?.split(' ')[0] ?? 'unknown',
          blocked: blockedOf(r['blocked-uri']),
          source: sourceOf(r['source-file'], r['line-number'], r['column-number']),
        },
      ],
    };
  }
  const parsed = ReportsSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problem: `not a report list: ${describeIssue(parsed.error)}` };
  const violations: CspViolation[] = [];
  for (const [i, r] of parsed.data.entries()) {
    if (r.type !== 'csp-violation') continue;
    const b = CspBodySchema.safeParse(r.body);
    if (!b.success) return { ok: false, problem: `not a CSP report: ${i}.body.${describeIssue(b.error)}` };
    violations.push({ page: pathOf(b.data.documentURL), directive: b.data.effectiveDirective, blocked: blockedOf(b.data.blockedURL), source: sourceOf(b.data.sourceFile, b.data.lineNumber, b.data.columnNumber) });
  }
  return { ok: true, violations };
}

/** The host's log line for a violation: what a person looking at the log needs to find it. */
export const describeViolation = (v: CspViolation): string =>
  `rostrum: a page broke the Content-Security-Policy: ${v.directive} blocked ${v.blocked} on ${v.page}${v.source ? ` (${v.source})` : ''}`;
