import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { defaultScoring } from '../core/scoring.setup';
import { importRoster } from './roster-import';

const groups = defaultScoring().groups;
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('importing the reviewers’ roster', () => {
  it('reads a UTF-8 CSV with a BOM and Chinese headers', async () => {
    const r = await importRoster(utf8('\uFEFF姓名,评分组,单位\n张三,主要领导,\n李四,民主测评,财政局\n'), 'roster.csv', groups, []);
    expect(r).toEqual({
      ok: true,
      reviewers: [
        { id: 'r1', name: '张三', groupId: 'leaders', unit: '' },
        { id: 'r2', name: '李四', groupId: 'peers', unit: '财政局' },
      ],
    });
  });

  it('reads a GBK CSV as Excel in Chinese Windows saves it', async () => {
    // "姓名,组\n王五,leaders\n" in GBK.
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd7, 0xe9, 0x0a, 0xcd, 0xf5, 0xce, 0xe5, 0x2c, ...utf8('leaders\n')]);
    expect(await importRoster(gbk, 'ROSTER.CSV', groups, [])).toEqual({ ok: true, reviewers: [{ id: 'r1', name: '王五', groupId: 'leaders', unit: '' }] });
  });

  it('reads the first sheet of an XLSX, skipping empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('评委');
    ws.addRows([['Name', 'Group', 'Unit'], ['Ann', 'users', 'Parks'], [], ['Bo', '服务对象', '']]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importRoster(bytes, 'roster.xlsx', groups, []);
    expect(r.ok && r.reviewers.map((x) => [x.name, x.groupId, x.unit])).toEqual([
      ['Ann', 'users', 'Parks'],
      ['Bo', 'users', ''],
    ]);
  });

  it('reports every bad row with its row number, column and reason, and imports nothing', async () => {
    const r = await importRoster(utf8('name,group\n张三,评委组\n,leaders\n张三,leaders\n'), 'r.csv', groups, []);
    expect(r).toEqual({
      ok: false,
      errors: [
        { row: 2, column: 'group', reason: 'unknown group "评委组"; known: 主要领导, 民主测评, 服务对象' },
        { row: 3, column: 'name', reason: 'the name is empty' },
        { row: 4, column: 'name', reason: '"张三" is already on row 2' },
      ],
    });
  });

  it('says which column is missing and what the header may say', async () => {
    const r = await importRoster(utf8('名字,组\n张三,leaders\n'), 'r.csv', groups, []);
    expect(r).toEqual({ ok: false, errors: [{ row: 1, column: 'name', reason: 'no "name" column; the header may say "name", "姓名", "评委", "评委姓名"' }] });
  });

  it('keeps the id of a reviewer already on the roster, so their QR card stays valid', async () => {
    const existing = [{ id: 'r1', name: '张三', groupId: 'leaders', unit: '' }];
    const r = await importRoster(utf8('姓名,组\n李四,peers\n张三,leaders\n'), 'r.csv', groups, existing);
    expect(r.ok && r.reviewers.map((x) => [x.id, x.name])).toEqual([
      ['r2', '李四'],
      ['r1', '张三'],
    ]);
  });

  it('refuses other files and broken workbooks with a clear reason', async () => {
    expect(await importRoster(utf8('x'), 'roster.xls', groups, [])).toEqual({ ok: false, errors: [{ row: 0, column: null, reason: '"roster.xls": only .csv and .xlsx files can be imported' }] });
    expect(await importRoster(utf8('not a zip'), 'roster.xlsx', groups, [])).toEqual({ ok: false, errors: [{ row: 0, column: null, reason: 'this is not a readable .xlsx file' }] });
  });
});
