import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CSP_REPORT_PATH } from './csp-report.routes';

/**
 * Every page gets a strict Content-Security-Policy: scripts and sockets only from this host, no
 * inline script, no plugins, framed only by the control view's own preview. A violation is
 * reported to the host (csp-report.routes.ts) by `report-uri`, which every engine sends at once;
 * not also by `report-to`: an engine that knows it ignores `report-uri` and sends its reports
 * batched, up to a minute later.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' blob: data:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  `report-uri ${CSP_REPORT_PATH}`,
].join('; ');

export const VIEW_PATHS = ['/', '/control', '/display', '/stage', '/mini', '/review', '/clerk', '/cards', '/report', '/audit'] as const;

/** Serves the built views. Every view is the same single-page app; the path picks the view. */
export async function uiRoutes(app: FastifyInstance, uiDir: string): Promise<void> {
  if (!existsSync(join(uiDir, 'index.html'))) {
    throw new Error(`the views are not built: ${join(uiDir, 'index.html')} is missing (run \`npm run build:ui\`)`);
  }
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });
  await app.register(fastifyStatic, { root: uiDir, prefix: '/', index: false, wildcard: true });
  for (const path of VIEW_PATHS) app.get(path, (_req, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html'));
}
