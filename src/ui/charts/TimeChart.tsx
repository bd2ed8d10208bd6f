import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { PatternLines } from '@visx/pattern';
import { scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { minuteTicks, usedText } from '../../core/charts';
import type { TimeRow } from '../../core/charts';
import { formatOvertime } from '../../core/time';
import { fitText, Legend, useChartId } from './chart-parts';
import './charts.css';

const WIDTH = 720;
const LABEL = 168;
const VALUE = 170;
const LEGEND_TOP = 4;
const AXIS = 30;

/** The hatch drawn over an overrun: the overrun reads as one in grey print and to anyone who cannot tell red. */
const Hatch = ({ id }: { id: string }) => <PatternLines id={id} width={6} height={6} className="chart-hatch" strokeWidth={1.6} orientation={['diagonal']} />;

/** The cut-off's mark: a square, the shape the big screen's cut-off carries. */
const CutoffMark = ({ x, y, size }: { x: number; y: number; size: number }) => <rect className="chart-cutoff" x={x} y={y} width={size} height={size} />;

/**
 * Time used against time planned, one bar per speaker (`usedLabel` writes the time used as the
 * page around the chart does: the running order by default): the planned time an outlined track with a
 * tick at its end, the time used a solid bar, the part past the plan hatched, and a cut-off a square
 * with the words. Drawn as SVG with visx (see README, "Charts"), so print is as sharp as the screen.
 */
export function TimeChart({ rows, compact = false, usedLabel = usedText }: { rows: TimeRow[]; compact?: boolean; usedLabel?: (ms: number) => string }) {
  const { t } = useTranslation();
  const hatch = useChartId('hatch');
  const legendHatch = useChartId('legend-hatch');
  const rowH = compact ? 19 : 24;
  const barH = Math.round(rowH * 0.62);
  const plotW = WIDTH - LABEL - VALUE;
  const { maxMs, ticks } = minuteTicks(rows);
  const x = scaleLinear<number>({ domain: [0, maxMs], range: [0, plotW] });
  const height = LEGEND_TOP + rows.length * rowH + AXIS;
  const heard = rows.filter((r) => r.usedMs !== null);

  return (
    <figure className="chart time-chart" data-testid="time-chart">
      <Legend
        items={[
          { swatch: <rect className="chart-used" x="1" y="2" width="20" height="10" />, label: t('charts.time.used') },
          {
            swatch: (
              <>
                <rect className="chart-track" x="1" y="2" width="16" height="10" />
                <line className="chart-planned" x1="17" x2="17" y1="0" y2="14" />
              </>
            ),
            label: t('charts.time.planned'),
          },
          {
            swatch: (
              <>
                <defs>
                  <Hatch id={legendHatch} />
                </defs>
                <rect className="chart-over" x="1" y="2" width="20" height="10" />
                <rect x="1" y="2" width="20" height="10" fill={`url(#${legendHatch})`} />
              </>
            ),
            label: t('charts.time.overPlan'),
          },
          { swatch: <CutoffMark x={6} y={2} size={10} />, label: t('charts.time.cutoff') },
        ]}
      />
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={t('charts.time.title')}>
        <defs>
          <Hatch id={hatch} />
        </defs>
        <Group left={LABEL} top={LEGEND_TOP}>
          {ticks.map((tick) => (
            <Line key={tick.ms} className="chart-grid" from={{ x: x(tick.ms), y: 0 }} to={{ x: x(tick.ms), y: rows.length * rowH }} />
          ))}
          {rows.map((r, i) => {
            const y = i * rowH + (rowH - barH) / 2;
            const used = r.usedMs ?? 0;
            const withinW = x(Math.min(used, r.plannedMs));
            const end = Math.max(x(used), x(r.plannedMs));
            const square = barH - 2;
            return (
              <g key={r.slotId} className={`time-row status-${r.status}`} data-testid="time-row" data-chart-slot={r.slotId}>
                <title>{r.speaker ? `${r.unit} ${r.speaker}` : r.unit}</title>
                <text className={`chart-label${r.status === 'live' ? ' strong' : ''}`} x={-8} y={y + barH / 2} dy="0.35em" textAnchor="end">
                  {fitText(r.unit, 12)}
                </text>
                <Bar className="chart-track" x={0} y={y} width={x(r.plannedMs)} height={barH} />
                {r.usedMs !== null && <Bar className="chart-used" x={0} y={y} width={withinW} height={barH} />}
                {r.overPlanMs > 0 && (
                  <>
                    <Bar className="chart-over" x={x(r.plannedMs)} y={y} width={x(used) - x(r.plannedMs)} height={barH} data-testid="over-plan" />
                    <Bar x={x(r.plannedMs)} y={y} width={x(used) - x(r.plannedMs)} height={barH} fill={`url(#${hatch})`} />
                  </>
                )}
                <Line className="chart-planned" from={{ x: x(r.plannedMs), y: y - 2 }} to={{ x: x(r.plannedMs), y: y + barH + 2 }} />
                {r.cutoff && <CutoffMark x={end + 5} y={y + 1} size={square} />}
                <text className="chart-value" x={end + (r.cutoff ? square + 10 : 6)} y={y + barH / 2} dy="0.35em" data-testid="time-value">
                  {rowText(r, t, usedLabel)}
                </text>
              </g>
            );
          })}
          <AxisBottom
            top={rows.length * rowH}
            scale={x}
            tickValues={ticks.map((tick) => tick.ms)}
            tickFormat={(ms) => ticks.find((tick) => tick.ms === Number(ms))?.label ?? ''}
            axisClassName="chart-axis"
            tickLength={3}
            tickLabelProps={{ fill: 'currentColor', fontSize: 11, fontFamily: 'inherit', textAnchor: 'middle' }}
          />
        </Group>
      </svg>
      <figcaption className="chart-caption">
        {t('charts.time.axis')} ·{' '}
        {t('charts.time.summary', { heard: heard.length, over: heard.filter((r) => r.overPlanMs > 0).length, cutoff: heard.filter((r) => r.cutoff).length })}
      </figcaption>
    </figure>
  );
}

/** What a row says in words beside its bar: the time used and its overtime, the cut-off, or why there is no bar. */
function rowText(r: TimeRow, t: TFunction, usedLabel: (ms: number) => string): string {
  if (r.status === 'skipped' || r.status === 'absent') return t(`status.${r.status}`);
  if (r.usedMs === null) return t('charts.time.notYet');
  const parts = [r.status === 'live' ? `${t('charts.time.live')} ${usedLabel(r.usedMs)}` : usedLabel(r.usedMs)];
  if (r.overtimeSeconds > 0) parts.push(formatOvertime(r.overtimeSeconds));
  if (r.cutoff) parts.push(t('charts.time.cutoff'));
  return parts.join(' ');
}
