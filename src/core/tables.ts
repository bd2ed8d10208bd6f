import { ballotTotal } from './ballots';
import { tallySlot } from './paper';
import { agenda } from './queue';
import { computeResults } from './results';
import type { Grade } from './scoring';
import type { MeetingState } from './state';
import { formatMinutes } from './time';
import { own } from './dict';

/**
 * A number in a table: its exact decimal text, and the decimals a spreadsheet shows (a score
 * with 2, a count or seconds with 0). A workbook stores it as a number, a CSV writes the text.
 */
export interface NumberCell {
  number: string;
  places: 0 | 2;
}
export type Cell = string | NumberCell;

/** A table as exports write it: a header row and rows of text and numbers, the same for CSV, XLSX and print. */
export interface Table {
  header: string[];
  rows: Cell[][];
}

export const num = (text: string, places: 0 | 2): NumberCell => ({ number: text, places });
const count = (n: number): NumberCell => num(String(n), 0);
const score = (text: string | null | undefined): Cell => (text === null || text === undefined ? '' : num(text, 2));

/** A cell's text as a reader sees it (CSV, a column's width). */
export const cellText = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.number);

export const GRADE_NAMES: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', needsWork: '待改进' };

/** Time used as M:SS, whole seconds rounded down, as the hall's clock showed it. */
const minutes = (ms: number): string => formatMinutes(Math.floor(ms / 1000));

type ResultsInput = Pick<MeetingState, 'slots' | 'sittings' | 'ballots' | 'paper' | 'scoring' | 'records' | 'windows'>;

/**
 * Results by rank, each group's score, time used and overrun: what the meeting may publish.
 * Scores of slots still open are provisional: they appear, marked, only when `provisional` is
 * asked for (the clerk's export); anyone else sees the locked slots' scores only.
 */
export function resultsTable(state: ResultsInput, opts: { provisional: boolean }): Table {
  const results = new Map(computeResults(state).map((r) => [r.slotId, r]));
  const groups = state.scoring.groups;
  const header = [
    '名次 Rank',
    '单位 Unit',
    '发言人 Speaker',
    '题目 Topic',
    ...groups.map((g) => `${g.name} (${g.weight})`),
    '加权 Weighted',
    '扣分 Penalty',
    '得分 Final',
    '等次 Grade',
    '暂定 Provisional',
    '用时 Time used',
    '超时秒 Overtime (s)',
    '超时 Overtime',
    '超时终止 Cut off',
    '有效评分 Ballots',
  ];
  const rows = agenda(state)
    .map((slot) => {
      const found = results.get(slot.id);
      const r = found && (!found.provisional || opts.provisional) ? found : undefined;
      const used = (own(state.records, slot.id) ?? []).filter((p) => p.phaseIndex === 0).reduce((sum, p) => sum + p.usedMs, 0);
      const over = found?.overtimeSeconds ?? 0;
      return {
        rank: r?.rank ?? null,
        cells: [
          r?.rank ? count(r.rank) : '',
          slot.unit,
          slot.speaker,
          slot.topic,
          ...groups.map((g) => score(r?.groups.find((x) => x.groupId === g.id)?.score)),
          score(r?.weighted),
          r ? num(r.penalty, 2) : '',
          score(r?.final),
          r?.grade ? GRADE_NAMES[r.grade] : '',
          r?.provisional && r.final !== null ? '暂定 provisional' : '',
          used > 0 ? minutes(used) : '',
          count(over),
          over > 0 ? formatMinutes(over) : '',
          found?.cutoff ? '是 yes' : '',
          count(found?.ballots ?? 0),
        ],
      };
    })
    // Ranked slots first by rank, then the others in agenda order.
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return { header, rows: rows.map((r) => r.cells) };
}

/** Every ballot, phone and paper, counted or held back and why: for the clerk only. */
export function ballotsTable(state: Pick<MeetingState, 'slots' | 'sittings' | 'ballots' | 'paper' | 'scoring'>): Table {
  const { criteria } = state.scoring.rubric;
  const reviewers = new Map(state.scoring.reviewers.map((r) => [r.id, r]));
  const groups = new Map(state.scoring.groups.map((g) => [g.id, g.name]));
  const header = ['单位 Unit', '评委 Reviewer', '评分组 Group', '来源 Source', ...criteria.map((c) => `${c.name} (${c.max})`), '合计 Total', '点评意见 Comment', '计入 Counted', '说明 Flag'];
  const rows = agenda(state).flatMap((slot) =>
    tallySlot(own(state.ballots, slot.id), own(state.paper, slot.id)).map((l) => {
      const reviewer = reviewers.get(l.reviewerId);
      return [
        slot.unit,
        reviewer?.name ?? l.reviewerId,
        groups.get(reviewer?.groupId ?? '') ?? '',
        l.source === 'phone' ? '手机 phone' : `纸质 paper ×${l.entries.length}`,
        ...criteria.map((_, i) => score(l.scores[i])),
        num(ballotTotal(l.scores).toString(), 2),
        l.comment,
        l.counted ? '是 yes' : '否 no',
        l.flag ?? '',
      ];
    }),
  );
  return { header, rows };
}
