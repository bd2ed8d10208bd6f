import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { formatCode } from '../core/reviewer-code';
import type { MeetingEngine } from './meeting-engine';
import type { Authorize } from './authorize';
import type { TokenStore } from './tokens';

/** An address phones may use to reach the host, named after its network interface. */
export interface Network {
  label: string;
  origin: string;
}

/**
 * The reviewers' QR cards: each card's QR holds the reviewer's own address on the network the
 * host chose (a laptop often has Wi-Fi and a cable: the phones are on one of them), plus the short
 * code to type when a camera will not read it.
 */
export function cardsRoutes(app: FastifyInstance, engine: MeetingEngine, tokens: TokenStore, authorize: Authorize, networks: () => Network[]): void {
  app.get<{ Querystring: { origin?: string } }>('/api/v1/cards', async (req, reply) => {
    if (!authorize(req, reply, ['host', 'clerk'])) return reply;
    const offered = networks();
    const chosen = req.query.origin ?? offered[0]?.origin;
    if (!chosen || !offered.some((n) => n.origin === chosen)) {
      return reply.code(400).send({ error: 'bad_message', message: `origin must be one of: ${offered.map((n) => n.origin).join(', ')}` });
    }
    const { title, scoring } = engine.current();
    const { reviewers, groups } = scoring;
    await tokens.ensureReviewers(reviewers.map((r) => r.id));
    const cards = await Promise.all(
      reviewers.map(async (r) => {
        const code = tokens.reviewerToken(r.id) ?? '';
        const url = `${chosen}/review#token=${code}`;
        const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        // The short address and the code are what a reviewer types when the camera will not read the QR.
        return { id: r.id, name: r.name, group: groups.find((g) => g.id === r.groupId)?.name ?? '', unit: r.unit, code: formatCode(code), url, shortUrl: `${chosen}/review`, svg };
      }),
    );
    return { title, networks: offered, origin: chosen, cards };
  });
}
