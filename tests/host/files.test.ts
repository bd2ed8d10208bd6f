import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoredMeeting } from '../fixtures/meetings';
import { startTestHost } from './support';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeEach(async () => {
  host = await startTestHost({ newMeeting: { ...scoredMeeting(), title: '评审: 结果/2026' } });
  await host.engine.execute({ type: 'scoring.open', slotId: 'a' }, { role: 'host' });
  await host.engine.execute({ type: 'ballot.submit', slotId: 'a', submissionId: 'sub-0000001', scores: ['90'], comment: '=HYPERLINK("x")' }, { role: 'reviewer', reviewerId: 'l1' });
});
afterEach(() => host.close());

const get = (path: string, token: string) => fetch(`${host.origin}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('exports', () => {
  it('results as CSV for Excel: BOM, the meeting’s name made safe, scores as computed, only once locked for the host', async () => {
    const csv = async (token: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await get('/api/v1/export/results.csv', token)).arrayBuffer());
    // Open: the host's export has no score yet; the clerk's has it, marked provisional.
    expect((await csv(host.tokens.host)).split('\r\n')[1]).toMatch(/^,Unit A,Ann,Plans,,,,,,,,,,0,,,1$/);
    expect((await csv(host.tokens.clerk)).split('\r\n')[1]).toMatch(/^,Unit A,Ann,Plans,90\.00,,,90\.00,0,90\.00,,暂定 provisional,/);
    await host.engine.execute({ type: 'scoring.lock', slotId: 'a' }, { role: 'host' });
    const res = await get('/api/v1/export/results.csv', host.tokens.host);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain("filename*=UTF-8''评审- 结果-2026 结果 results.csv");
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    // Every value exact or rounded as shown, no quote marks: rank, groups, weighted, penalty, final, grade, provisional, used, overtime (s), overtime, cut off, ballots.
    expect(text.split('\r\n')[1]).toBe('1,Unit A,Ann,Plans,90.00,,,90.00,0,90.00,良好,,,0,,,1');
  });

  it('results as XLSX: numbers are number cells with 2 decimals (counts and seconds with none), text stays text', async () => {
    await host.engine.execute({ type: 'scoring.lock', slotId: 'a' }, { role: 'host' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await get('/api/v1/export/results.xlsx', host.tokens.host)).arrayBuffer()) as never);
    const sheet = wb.worksheets[0];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => sheet?.getRow(2).getCell(header.indexOf(name) + 1);
    expect(cell('名次 Rank')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 1, numFmt: '0' });
    expect(cell('主要领导 (0.5)')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 90, numFmt: '0.00' });
    expect(cell('加权 Weighted')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 90, numFmt: '0.00' });
    expect(cell('得分 Final')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 90, numFmt: '0.00' });
    expect(cell('超时秒 Overtime (s)')).toMatchObject({ type: ExcelJS.ValueType.Number, value: 0, numFmt: '0' });
    expect(cell('单位 Unit')).toMatchObject({ type: ExcelJS.ValueType.String, value: 'Unit A' });
  });

  it('a header that would start a formula is neutralised in the CSV, and only such text', async () => {
    const scoring = host.engine.current().scoring;
    await host.engine.execute({ type: 'scoring.amend', scoring: { ...scoring, groups: scoring.groups.map((g) => (g.id === 'users' ? { ...g, name: '=1+2' } : g)) }, reason: 'a test of the header' }, { role: 'clerk' });
    const text = await (await get('/api/v1/export/results.csv', host.tokens.clerk)).text();
    const [header, row] = text.split('\r\n');
    expect(header).toContain(",'=1+2 (0.2),");
    expect(header).toContain(',主要领导 (0.5),');
    expect(row).not.toContain("'");
  });

  it('ballots for the clerk only; a comment that looks like a formula is never one', async () => {
    expect((await get('/api/v1/export/ballots.csv', host.tokens.host)).status).toBe(403);
    const res = await get('/api/v1/export/ballots.xlsx', host.tokens.clerk);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const row = wb.worksheets[0]?.getRow(2);
    expect(row?.getCell(2).text).toBe('Leader One');
    // In a workbook a string cell stays a string: the comment is shown, never evaluated.
    expect(row?.getCell(7).type).toBe(ExcelJS.ValueType.String);
    expect(row?.getCell(7).text).toBe('=HYPERLINK("x")');
    const csv = await (await get('/api/v1/export/ballots.csv', host.tokens.clerk)).text();
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
  });

  it('refuses an export that does not exist, saying which do', async () => {
    const res = await get('/api/v1/export/everything.pdf', host.tokens.clerk);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toContain('agenda, results, ballots and audit');
  });
});

describe('QR cards', () => {
  it('give each reviewer their own address and code on the chosen network', async () => {
    const res = await get('/api/v1/cards', host.tokens.host);
    const body = (await res.json()) as { title: string; cards: { name: string; code: string; url: string; shortUrl: string; svg: string }[]; networks: { origin: string }[] };
    expect(body.title).toBe(host.engine.current().title);
    expect(body.cards.map((c) => c.name)).toEqual(['Leader One', 'Leader Two', 'Peer One', 'Peer Two', 'User One']);
    const first = body.cards[0];
    expect(first?.url).toBe(`${host.origin}/review#token=${host.tokens.reviewerToken('l1')}`);
    expect(first?.svg).toContain('<svg');
    // The code as printed, 4-4, and the short address to type it into.
    const key = host.tokens.reviewerToken('l1') ?? '';
    expect(first?.code).toBe(`${key.slice(0, 4)}-${key.slice(4)}`);
    expect(first?.shortUrl).toBe(`${host.origin}/review`);
    expect((await get(`/api/v1/cards?origin=${encodeURIComponent('http://evil.example')}`, host.tokens.host)).status).toBe(400);
    expect((await get('/api/v1/cards', host.tokens.display)).status).toBe(403);
  });
});

describe('roster import', () => {
  it('previews the reviewers without changing the meeting, and reports bad rows', async () => {
    const post = (text: string) =>
      fetch(`${host.origin}/api/v1/import/roster?file=r.csv`, { method: 'POST', headers: { authorization: `Bearer ${host.tokens.host}`, 'content-type': 'application/octet-stream' }, body: text });
    const good = await (await post('姓名,组\nLeader One,leaders\n新评委,users\n')).json();
    expect(good).toEqual({ ok: true, reviewers: [{ id: 'l1', name: 'Leader One', groupId: 'leaders', unit: '' }, { id: 'r1', name: '新评委', groupId: 'users', unit: '' }] });
    expect(host.engine.current().scoring.reviewers).toHaveLength(5);
    const bad = await (await post('姓名,组\n王,nobody\n')).json();
    expect(bad).toMatchObject({ ok: false, errors: [{ row: 2, column: 'group' }] });
  });
});

describe('the audit log', () => {
  it('is the event log read back: the host sees who did what and when, the clerk also sees the scores', async () => {
    const forHost = (await (await get('/api/v1/audit', host.tokens.host)).json()) as { type: string; role: string; detail: string }[];
    expect(forHost.map((r) => r.type)).toEqual(['meeting.created', 'scoring.opened', 'ballot.submitted']);
    expect(forHost[2]).toMatchObject({ role: 'reviewer:l1' });
    expect(forHost[2]?.detail).not.toContain('90');
    const forClerk = (await (await get('/api/v1/audit', host.tokens.clerk)).json()) as { detail: string }[];
    expect(forClerk[2]?.detail).toContain('"scores":["90"]');
    expect((await get('/api/v1/audit', host.tokens.display)).status).toBe(403);
    const csv = await (await get('/api/v1/export/audit.csv', host.tokens.host)).text();
    expect(csv.split('\r\n')[3]).toMatch(/^3,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,reviewer:l1,/);
  });
});
