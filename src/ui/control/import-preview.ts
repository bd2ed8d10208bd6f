/**
 * An import preview from the host's answer. A refusal before the file was read (too large, a
 * lost key) comes as an HTTP error, not a preview: it is shown as the file's one problem.
 */
export async function previewOf<P extends { ok: boolean }>(res: Response): Promise<P | { ok: false; errors: { row: number; column: null; reason: string }[] }> {
  const body = (await res.json().catch(() => null)) as (P & { message?: string }) | null;
  if (body !== null && typeof body.ok === 'boolean') return body;
  return { ok: false, errors: [{ row: 0, column: null, reason: body?.message ?? `HTTP ${res.status}` }] };
}
