import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { own } from '../../core/dict';
import { agenda } from '../../core/queue';
import { tieBreakGroup } from '../../core/scoring.setup';
import { tallySlot } from '../../core/paper';
import { formatMinutes, formatOvertime } from '../../core/time';
import { clerkResults } from '../../core/views';
import { useView } from '../app/context';
import { RankingTable } from '../results/RankingTable';
import { PrintButtons } from './PrintButtons';
import { ReportBallotCharts, ReportTimeCharts } from './ReportCharts';
import { usePaperPage } from './usePaperPage';
import './print.css';

/**
 * The meeting's printable report (the clerk's: it holds the comments): meeting and date, rubric and
 * rules, the ranking with group scores and grades, time used and overruns, and every comment by slot.
 * Printed to PDF by Chromium's own print engine (Ctrl+P, or Electron's printToPDF).
 */
export default function ReportPage() {
  const { t, i18n } = useTranslation();
  usePaperPage();
  const meeting = useView((s) => s.meeting);
  const [names, setNames] = useState(false);
  if (!meeting) return null;
  const { rubric, rules, groups, reviewers } = meeting.scoring;
  const whole = clerkResults(meeting);
  const results = new Map(whole.map((r) => [r.slotId, r]));
  const reviewerName = (id: string) => reviewers.find((r) => r.id === id)?.name ?? id;
  const dates = Object.values(meeting.records).flat().map((r) => r.startedWall);
  const day = dates.length > 0 ? new Date(Math.min(...dates)) : new Date();
  const grading = rules.grading;

  return (
    <div className="print-page report-page">
      <div className="no-print print-toolbar">
        <label>
          <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} /> {t('report.names')}
        </label>
        <PrintButtons />
      </div>
      <h1>{meeting.title}</h1>
      <p className="muted">
        {t('report.heading')} · {day.toLocaleDateString(i18n.language, { year: 'numeric', month: 'long', day: 'numeric' })}
      </p>
      <h2>{t('report.rules')}</h2>
      <ul className="rules">
        <li>
          {t('report.rubric')}{t('punct.colon')}{rubric.criteria.map((c) => `${c.name} ${c.max}`).join('、')} ({t('report.step', { step: rubric.step })})
        </li>
        <li>
          {t('report.groups')}{t('punct.colon')}{groups.map((g) => `${g.name} ${g.weight}`).join('、')}
        </li>
        <li>{t('report.trim', { n: rules.trimFrom })}</li>
        {rules.penaltyPerInterval !== '0' && <li>{t('report.penalty', { points: rules.penaltyPerInterval, seconds: rules.penaltyIntervalSeconds })}</li>}
        {rules.cutoffPenalty !== '0' && <li>{t('report.cutoffPenalty', { points: rules.cutoffPenalty })}</li>}
        <li>{t('report.overtimeRule')}</li>
        <li>{t('report.tieBreak', { group: tieBreakGroup(meeting.scoring).name })}</li>
        <li>
          {grading.mode === 'quota'
            ? t('report.quota', { excellent: Number(grading.excellentShare) * 100, needsWork: Number(grading.needsWorkShare) * 100 })
            : t('report.thresholds', { excellent: grading.excellentFrom, good: grading.goodFrom, pass: grading.passFrom })}
        </li>
      </ul>
      {meeting.scoringChanges.length > 0 && (
        <>
          <h2>{t('report.changes')}</h2>
          <ul className="rules" data-testid="scoring-changes">
            {meeting.scoringChanges.map((c) => {
              const said = { time: new Date(c.wall).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }), role: t(`report.roles.${c.role}`), reason: c.reason };
              return (
                <li key={c.seq}>
                  {c.kind === 'rules'
                    ? t('report.rulesChanged', { ...said, parts: c.changed.map((p) => t(`report.parts.${p}`)).join('、') })
                    : t('report.reopened', { ...said, unit: meeting.slots.find((s) => s.id === c.slotId)?.unit ?? c.slotId })}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h2>{t('results.ranking')}</h2>
      <RankingTable results={whole} groups={groups} />
      <h2>{t('charts.ballots.title')}</h2>
      <ReportBallotCharts meeting={meeting} results={whole} />
      <h2>{t('report.time')}</h2>
      <ReportTimeCharts meeting={meeting} />
      <table className="ranking-table">
        <thead>
          <tr>
            <th>{t('control.unit')}</th>
            <th>{t('control.speaker')}</th>
            <th>{t('report.used')}</th>
            <th>{t('report.overtime')}</th>
          </tr>
        </thead>
        <tbody>
          {agenda(meeting).map((slot) => {
            const speech = (own(meeting.records, slot.id) ?? []).filter((r) => r.phaseIndex === 0);
            const used = speech.reduce((s, r) => s + r.usedMs, 0);
            const r = results.get(slot.id);
            // A unit that did not speak says why, not a dash: absent and skipped are different facts.
            const status = own(meeting.status, slot.id);
            const unheard = status === 'absent' || status === 'skipped';
            return (
              <tr key={slot.id} className={unheard ? `unheard ${status}` : undefined} data-status={status}>
                <td>{slot.unit}</td>
                <td>{slot.speaker}</td>
                <td className="tabular">{unheard ? <span className="status-mark">{t(`status.${status}`)}</span> : used > 0 ? formatMinutes(Math.floor(used / 1000)) : '—'}</td>
                <td className="tabular">
                  {r && r.overtimeSeconds > 0 ? formatOvertime(r.overtimeSeconds) : ''}
                  {r?.cutoff ? ` ${t('control.cutoffRecorded')}` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('report.comments')}</h2>
      {agenda(meeting).map((slot) => {
        const comments = tallySlot(own(meeting.ballots, slot.id), own(meeting.paper, slot.id)).filter((l) => l.counted && l.comment !== '');
        if (comments.length === 0) return null;
        return (
          <section key={slot.id} className="comments">
            <h3>{slot.unit}</h3>
            <ul>
              {comments.map((c) => (
                <li key={`${c.reviewerId}/${c.source}`}>
                  {c.comment}
                  {names && <span className="muted"> — {reviewerName(c.reviewerId)}</span>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
