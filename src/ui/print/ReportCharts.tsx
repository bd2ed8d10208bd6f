import { useTranslation } from 'react-i18next';
import { ballotAxis, ballotStrips, timeRows } from '../../core/charts';
import type { SlotResult } from '../../core/results';
import { formatMinutes } from '../../core/time';
import type { ViewState } from '../../core/views';
import { useView } from '../app/context';
import { BallotChart, BallotLegend } from '../charts/BallotChart';
import { TimeChart } from '../charts/TimeChart';

/** The time used as the report's time table writes it: the whole seconds that passed. */
const usedSeconds = (ms: number): string => formatMinutes(Math.floor(ms / 1000));

/** Time used against time planned, one chart per sitting, from the records alone (printed after the fact). */
export function ReportTimeCharts({ meeting }: { meeting: ViewState }) {
  return (
    <>
      {meeting.sittings.map((sitting) => {
        const rows = timeRows(meeting, { sittingId: sitting.id });
        if (rows.length === 0) return null;
        return (
          <section key={sitting.id} className="report-chart" data-testid="report-time-chart">
            <h3>{sitting.title}</h3>
            <TimeChart rows={rows} usedLabel={usedSeconds} />
          </section>
        );
      })}
    </>
  );
}

/**
 * Each slot's ballot totals by group, the dropped ones marked: printed in the clerk's report only.
 * The role is checked here as well as by the host, which sends the totals to the clerk alone: a
 * report opened with another key has no totals to draw, and says whose they are.
 */
export function ReportBallotCharts({ meeting, results }: { meeting: ViewState; results: SlotResult[] }) {
  const { t } = useTranslation();
  const role = useView((s) => s.role);
  if (role !== 'clerk')
    return (
      <p className="muted" data-testid="ballot-charts-clerk-only">
        {t('charts.ballots.onlyClerk')}
      </p>
    );
  const axis = ballotAxis(results, meeting.scoring.rubric);
  const scored = results.filter((r) => r.ballots > 0);
  return (
    <div data-testid="report-ballot-charts">
      <BallotLegend />
      {scored.map((r) => (
        <section key={r.slotId} className="report-chart">
          <h3>
            {r.unit}
            {r.provisional && <span className="muted"> ({t('results.provisional')})</span>}
          </h3>
          <BallotChart strips={ballotStrips(r.groups)} axis={axis} label={r.unit} />
        </section>
      ))}
    </div>
  );
}
