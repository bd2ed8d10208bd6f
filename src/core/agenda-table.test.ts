import { describe, expect, it } from 'vitest';
import { agendaFromRows, agendaTable } from './agenda-table';

const sheet = (text: string): string[][] => text.split('\n').map((l) => l.split(','));

describe('importing an agenda', () => {
  it('reads sittings in order of appearance and slots by their order number, with phase durations', () => {
    const r = agendaFromRows(sheet('场次,序号,单位,发言人,职务,题目,发言时长,点评时长\n下午,2,财政局,李四,局长,预算,8分钟,3:00\n下午,1,科技局,张三,,创新,480,\n上午,1,园区,王五,主任,招商,8 min,2分钟'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.sittings).toEqual([
      { id: 'd1', title: '下午' },
      { id: 'd2', title: '上午' },
    ]);
    expect(r.slots.map((s) => [s.id, s.sittingId, s.unit, s.speaker, s.topic, s.phases.map((p) => p.durationMs)])).toEqual([
      ['s1', 'd1', '科技局', '张三', '创新', [480_000, 180_000]],
      ['s2', 'd1', '财政局', '李四 局长', '预算', [480_000, 180_000]],
      ['s3', 'd2', '园区', '王五 主任', '招商', [480_000, 120_000]],
    ]);
    expect(r.slots[0]?.phases[0]?.cutoff).toBe('hard');
  });

  it.each([
    ['a missing unit column', 'name,topic\nA,B', [{ row: 1, column: 'unit', reason: 'no "unit" column; the header may say "单位", "unit", "部门"' }]],
    ['a duration it cannot read', 'unit,speech\nA,eight minutes', [{ row: 2, column: 'speech', reason: '"eight minutes" is not a duration (write 8:00, 8分钟, 8 min or 480)' }]],
    ['an empty unit', 'unit,speaker\n,张三', [{ row: 2, column: 'unit', reason: 'the unit is empty' }]],
    ['an order that is not a number', 'unit,order\nA,first', [{ row: 2, column: 'order', reason: '"first" is not a whole number' }]],
    ['the same order twice in a sitting', '场次,序号,单位\n下午,1,A\n下午,1,B\n上午,1,C', [{ row: 3, column: 'order', reason: 'order 1 is already used in "下午" on row 2' }]],
    ['a start that is not a date and time', '场次,单位,开始时间\n下午,A,2点半', [{ row: 2, column: 'start', reason: '"2点半" is not a date and time (write 2026-02-14 14:30)' }]],
    ['two starts for one sitting', '场次,单位,开始时间\n下午,A,2026-02-14 14:30\n下午,B,2026-02-14 15:00', [{ row: 3, column: 'start', reason: '"下午" already starts at 2026-02-14 14:30 on row 2' }]],
    ['a header with nothing under it', '单位,发言人\n,\n', [{ row: 2, column: null, reason: 'the sheet has no speakers under its header' }]],
  ])('reports %s with its row and column, and imports nothing', (_what, text, errors) => {
    expect(agendaFromRows(sheet(text))).toEqual({ ok: false, errors });
  });

  it('skips empty rows and title rows above the header, keeping Excel’s row numbers', () => {
    const r = agendaFromRows(sheet('2026年工作目标大比拼议程,,\n,,\n单位,发言人,发言时长\nA,甲,8:00\n,,\nB,乙,bad'));
    expect(r).toEqual({ ok: false, errors: [{ row: 6, column: 'speech', reason: '"bad" is not a duration (write 8:00, 8分钟, 8 min or 480)' }] });
  });

  it('reads as many rows as an agenda holds (1,000), and refuses one more naming the limit', () => {
    const rows = (n: number) => [['单位', '序号'], ...Array.from({ length: n }, (_, i) => [`Unit ${i}`, String(i + 1)])];
    const r = agendaFromRows(rows(1_000));
    expect(r.ok && r.slots.length).toBe(1_000);
    expect(agendaFromRows(rows(1_001))).toMatchObject({ ok: false, errors: [{ row: 0, reason: 'an agenda holds at most 1000 speakers; this sheet has 1001' }] });
  });

  it('exports an agenda that imports back to the same agenda', () => {
    const first = agendaFromRows(sheet('场次,序号,单位,发言人,题目,发言时长,点评时长,开始时间\n下午,1,A,甲,x,8:00,3:00,2026/2/14 14:30\n下午,2,C,丙,z,8:00,3:00,\n上午,1,B,乙,y,5:00,2:00,'));
    if (!first.ok) throw new Error('import failed');
    // A sitting's planned start, written on one of its rows in any usual way.
    expect(first.sittings).toEqual([
      { id: 'd1', title: '下午', start: '2026-02-14T14:30' },
      { id: 'd2', title: '上午' },
    ]);
    const table = agendaTable(first);
    const again = agendaFromRows([table.header, ...table.rows]);
    expect(again).toEqual(first);
  });
});
