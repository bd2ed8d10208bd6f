import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Line } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import type { BallotStrip, scoreAxis } from '../../core/charts';
import { fitText, Legend } from './chart-parts';
import './charts.css';

const WIDTH = 640;
const LABEL = 104;
const VALUE = 150;
const ROW = 36;
const AXIS = 30;
const R = 5;

/** A counted ballot: a filled dot. */
const Counted = ({ cx, cy }: { cx: number; cy: number }) => <circle className="chart-dot" cx={cx} cy={cy} r={R} />;

/** A dropped ballot (highest or lowest): a hollow dot crossed out, so it reads as set aside in grey print too. */
const Dropped = ({ cx, cy }: { cx: number; cy: number }) => (
  <g className="chart-dropped">
    <circle cx={cx} cy={cy} r={R} />
    <line x1={cx - R - 1} y1={cy - R - 1} x2={cx + R + 1} y2={cy + R + 1} />
    <line x1={cx - R - 1} y1={cy + R + 1} x2={cx + R + 1} y2={cy - R - 1} />
  </g>
);

/** The group's score: a dashed tick through its strip. */
const Mean = ({ x, y }: { x: number; y: number }) => <line className="chart-mean" x1={x} x2={x} y1={y - ROW / 2 + 3} y2={y + ROW / 2 - 3} />;

/** Equal totals sit side by side on the strip: above, below, then further out. */
const stackOffset = (stack: number): number => (stack === 0 ? 0 : (stack % 2 === 1 ? -1 : 1) * Math.ceil(stack / 2) * (R + 2));

/**
 * One slot's ballot totals, a strip per reviewer group: every counted total a dot, the dropped
 * highest and lowest crossed out, the group's score a dashed tick, and the numbers in words at the
 * right. Only the clerk's view and the clerk's report draw it: no other role receives the totals.
 */
export function BallotChart({ strips, axis, label }: { strips: BallotStrip[]; axis: ReturnType<typeof scoreAxis>; label: string }) {
  const { t } = useTranslation();
  const plotW = WIDTH - LABEL - VALUE;
  // A little room at both ends, so a dot on the axis's first or last value clears the labels.
  const x = scaleLinear<number>({ domain: [axis.from, axis.to], range: [R + 4, plotW - R - 2] });
  const height = strips.length * ROW + AXIS;
  return (
    <figure className="chart ballot-chart" data-testid="ballot-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`${t('charts.ballots.title')}: ${label}`}>
        <Group left={LABEL}>
          {axis.ticks.map((v) => (
            <Line key={v} className="chart-grid" from={{ x: x(v), y: 0 }} to={{ x: x(v), y: strips.length * ROW }} />
          ))}
          {strips.map((s, i) => {
            const cy = i * ROW + ROW / 2;
            const dropped = s.points.filter((p) => p.trimmed !== null);
            const high = dropped.find((p) => p.trimmed === 'high');
            const low = dropped.find((p) => p.trimmed === 'low');
            return (
              <g key={s.groupId} data-testid="ballot-strip" data-group={s.groupId}>
                <text className="chart-label" x={-8} y={cy} dy="0.35em" textAnchor="end">
                  {fitText(s.name, 7)}
                </text>
                <line className="chart-strip" x1={0} x2={plotW} y1={cy} y2={cy} />
                {s.scoreAt !== null && <Mean x={x(s.scoreAt)} y={cy} />}
                {s.points.map((p, j) => {
                  const cx = x(p.at);
                  const py = cy + stackOffset(p.stack);
                  return p.trimmed ? <Dropped key={j} cx={cx} cy={py} /> : <Counted key={j} cx={cx} cy={py} />;
                })}
                <text className="chart-value" x={plotW + 10} y={cy} dy={high && low ? '-0.25em' : '0.35em'} data-testid="ballot-value">
                  {s.score === null ? t('charts.ballots.none') : `${t('charts.ballots.mean')} ${s.score}`}
                  {high && low && (
                    <tspan className="chart-dropped-text" x={plotW + 10} dy="1.2em">
                      {t('charts.ballots.droppedValues', { high: high.total, low: low.total })}
                    </tspan>
                  )}
                </text>
              </g>
            );
          })}
          <AxisBottom
            top={strips.length * ROW}
            scale={x}
            tickValues={axis.ticks}
            tickFormat={(v) => String(v)}
            axisClassName="chart-axis"
            tickLength={3}
            tickLabelProps={{ fill: 'currentColor', fontSize: 11, fontFamily: 'inherit', textAnchor: 'middle' }}
          />
        </Group>
      </svg>
      <figcaption className="chart-caption">{t('charts.ballots.axis')}</figcaption>
    </figure>
  );
}

/** The legend the ballot charts share (the report prints it once above them all). */
export function BallotLegend() {
  const { t } = useTranslation();
  return (
    <div className="chart">
      <Legend
        items={[
          { swatch: <circle className="chart-dot" cx="11" cy="7" r={R} />, label: t('charts.ballots.counted') },
          {
            swatch: (
              <g className="chart-dropped">
                <circle cx="11" cy="7" r={R} />
                <line x1="5" y1="1" x2="17" y2="13" />
                <line x1="5" y1="13" x2="17" y2="1" />
              </g>
            ),
            label: t('charts.ballots.dropped'),
          },
          { swatch: <line className="chart-mean" x1="11" x2="11" y1="0" y2="14" />, label: t('charts.ballots.mean') },
        ]}
      />
    </div>
  );
}
