import type { FastifyInstance } from 'fastify';
import { CSP_REPORT_TYPES, describeViolation, readCspReport } from './csp-report';
import type { CspViolation } from './csp-report';
import { SendRate } from './send-rate';

export const CSP_REPORT_PATH = '/api/v1/csp-report';
/** A report is well under a kilobyte; a Reporting API batch holds a few. */
const REPORT_BODY_LIMIT = 32 * 1024;
/** The last violations kept for a look from the host's own process (tests; the log has them all). */
const KEPT = 50;

/** The violations this host has heard of, newest last. */
export interface CspReports {
  recent(): readonly CspViolation[];
}

/**
 * Where every page's Content-Security-Policy sends its violations (`report-uri`): each one is a
 * line in the host's log, so a page that breaks the policy in the field (a script blocked, an
 * eval refused) is seen, in any browser. Anyone who can open a page may report, as browsers send
 * reports without the page's key: a sender is limited to a few reports a second, a report's body
 * to 32 KB, and nothing but the log and the last few kept in memory is changed by one.
 */
export function cspReportRoutes(app: FastifyInstance, now: () => number, log: (line: string) => void = (l) => console.warn(l)): CspReports {
  const kept: CspViolation[] = [];
  const rate = new SendRate(now, { burst: 20, perSecond: 2, senders: 256 });
  void app.register(async (scope) => {
    // Only this route reads these types (elsewhere they are refused as unsupported).
    scope.addContentTypeParser([...CSP_REPORT_TYPES], { parseAs: 'string', bodyLimit: REPORT_BODY_LIMIT }, (_req, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error('the report is not JSON'), { statusCode: 400 }), undefined);
      }
    });
    scope.post(CSP_REPORT_PATH, { bodyLimit: REPORT_BODY_LIMIT }, async (req, reply) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!(CSP_REPORT_TYPES as readonly string[]).includes(type)) {
        return reply.code(415).send({ error: 'unsupported', message: `a CSP report is ${CSP_REPORT_TYPES.join(' or ')}` });
      }
      if (!rate.take(req.socket.remoteAddress ?? '?')) return reply.code(429).send({ error: 'rate_limited', message: 'too many reports from this address: dropped unread' });
      const read = readCspReport(type, req.body);
      if (!read.ok) return reply.code(400).send({ error: 'bad_message', message: read.problem });
      for (const v of read.violations) {
        log(describeViolation(v));
        kept.push(v);
      }
      kept.splice(0, Math.max(0, kept.length - KEPT));
      return reply.code(204).send();
    });
  });
  return { recent: () => [...kept] };
}
