import type { TFunction } from 'i18next';

/** A file the host read (its preview, good or with every bad row), or why it was not read at all. */
export type Uploaded<P> = { read: true; preview: P } | { read: false; message: string };

/** The host's refusals that have words of their own in the UI (`errors.*`); fastify's 413 has its own code. */
const KNOWN = ['bad_message', 'forbidden', 'unauthorized', 'unavailable', 'rate_limited'] as const;
const known = (code: unknown): code is (typeof KNOWN)[number] => KNOWN.includes(code as (typeof KNOWN)[number]);

/**
 * Sends a roster or agenda file to the host's import route and reads its answer. A refusal before
 * the file was read (a lost key, a file over the body limit, the host gone) is not a preview: it
 * comes back as one message in the UI's language, with the host's own words after it.
 */
export async function uploadFile<P>(path: string, token: string, file: File, t: TFunction): Promise<Uploaded<P>> {
  let res: Response;
  try {
    res = await fetch(`${path}?file=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: await file.arrayBuffer(),
    });
  } catch {
    return { read: false, message: t('upload.unreachable') };
  }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok && body !== null) return { read: true, preview: body as P };
  const code = body?.error;
  const reason = res.status === 413 ? t('upload.tooLarge') : known(code) ? t(`errors.${code}`) : t('upload.status', { status: res.status });
  // Fastify's own 413 text says no more than ours; the host's refusals name what and where.
  const said = res.status !== 413 && typeof body?.message === 'string' ? body.message : '';
  return { read: false, message: said ? t('upload.refusedWith', { reason, said }) : t('upload.refused', { reason }) };
}
