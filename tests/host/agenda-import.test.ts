import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHost } from './support';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeEach(async () => {
  host = await startTestHost();
});
afterEach(() => host.close());

type Preview = { ok: true; sittings: { title: string }[]; slots: { unit: string; speaker: string }[] } | { ok: false; errors: { row: number; column: string | null; reason: string }[] };

const upload = async (body: Uint8Array, file: string): Promise<Preview> => {
  const res = await fetch(`${host.origin}/api/v1/import/agenda?file=${encodeURIComponent(file)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.tokens.host}`, 'content-type': 'application/octet-stream' },
    body,
  });
  return (await res.json()) as Preview;
};
const units = (p: Preview) => (p.ok ? p.slots.map((s) => s.unit) : p.errors);

describe('agenda files as they come from Excel', { timeout: 30_000 }, () => {
  it('a UTF-8 CSV with a BOM', async () => {
    expect(units(await upload(new TextEncoder().encode('\uFEFF序号,单位,发言人\n1,科技局,张三\n2,财政局,李四\n'), 'agenda.csv'))).toEqual(['科技局', '财政局']);
  });

  it('a GBK CSV from Excel in Chinese Windows', async () => {
    // "单位\n科技局\n" in GBK.
    const gbk = new Uint8Array([0xb5, 0xa5, 0xce, 0xbb, 0x0a, 0xbf, 0xc6, 0xbc, 0xbc, 0xbe, 0xd6, 0x0a]);
    expect(units(await upload(gbk, 'agenda.csv'))).toEqual(['科技局']);
  });

  it('an XLSX with a merged title row and a header merged over two rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('议程');
    ws.addRows([['工作目标大比拼议程', '', ''], ['单位', '发言人', '发言时长'], ['', '', ''], ['科技局', '张三', '8分钟'], [], ['园区', '王五', '7:30']]);
    ws.mergeCells('A1:C1');
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:B3');
    ws.mergeCells('C2:C3');
    const preview = await upload(new Uint8Array(await wb.xlsx.writeBuffer()), 'agenda.xlsx');
    expect(units(preview)).toEqual(['科技局', '园区']);
  });

  it('missing columns, duplicate order numbers and bad durations: every row named, nothing changed', async () => {
    expect(await upload(new TextEncoder().encode('姓名,题目\n张三,x\n'), 'a.csv')).toMatchObject({ ok: false, errors: [{ row: 1, column: 'unit' }] });
    const bad = await upload(new TextEncoder().encode('序号,单位,发言时长\n1,A,8分钟\n1,B,8:00\n2,C,eight\n'), 'a.csv');
    expect(bad).toEqual({
      ok: false,
      errors: [
        { row: 4, column: 'speech', reason: '"eight" is not a duration (write 8:00, 8分钟, 8 min or 480)' },
        { row: 3, column: 'order', reason: 'order 1 is already used in "第一场 Sitting 1" on row 2' },
      ],
    });
    expect(host.engine.current().slots.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(await upload(new TextEncoder().encode('x'), 'agenda.numbers')).toMatchObject({ ok: false, errors: [{ row: 0, reason: /only \.csv and \.xlsx/ }] });
  });

  it('the exported agenda (XLSX) imports back to the same agenda', async () => {
    const res = await fetch(`${host.origin}/api/v1/export/agenda.xlsx`, { headers: { authorization: `Bearer ${host.tokens.host}` } });
    const preview = await upload(new Uint8Array(await res.arrayBuffer()), 'agenda.xlsx');
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect(preview.sittings.map((s) => s.title)).toEqual(host.engine.current().sittings.map((s) => s.title));
    expect(preview.slots.map((s) => [s.unit, s.speaker])).toEqual(host.engine.current().slots.map((s) => [s.unit, s.speaker]));
  });
});
