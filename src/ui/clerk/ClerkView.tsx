import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRecused } from '../../core/ballots';
import { ballotAxis, ballotStrips } from '../../core/charts';
import { own } from '../../core/dict';
import { tallySlot } from '../../core/paper';
import { agenda } from '../../core/queue';
import { clerkResults } from '../../core/views';
import { useView } from '../app/context';
import { BallotChart, BallotLegend } from '../charts/BallotChart';
import { RankingTable } from '../results/RankingTable';
import { download } from '../shared/download';
import { LanguageToggle } from '../shared/LanguageToggle';
import { Notices } from '../shared/Notices';
import { useSend } from '../shared/useSend';
import { CardClaims } from './CardClaims';
import { ComputationSteps } from './ComputationSteps';
import { PaperEntryForm } from './PaperEntryForm';
import { ReopenForm } from './ReopenForm';
import { SlotList } from './SlotList';
import { TallyTable } from './TallyTable';
import './clerk.css';

const EXPORTS = ['results.xlsx', 'results.csv', 'ballots.xlsx', 'ballots.csv'] as const;

/**
 * The clerk's laptop view, the only one with individual ballots: each slot's tally with what
 * counts and what is held back, paper ballot entry, every step of the computation, the ranking
 * and the exports.
 */
export default function ClerkView({ token }: { token: string }) {
  const { t } = useTranslation();
  const meeting = useView((s) => s.meeting);
  const notify = useView((s) => s.notify);
  const send = useSend();
  const [chosen, setChosen] = useState<string | null>(null);
  if (!meeting) return null;

  const slots = agenda(meeting);
  const slot = slots.find((s) => s.id === chosen) ?? slots.find((s) => own(meeting.windows, s.id) === 'open') ?? slots[0];
  const results = clerkResults(meeting);
  const result = slot && results.find((r) => r.slotId === slot.id);
  const lines = slot ? tallySlot(own(meeting.ballots, slot.id), own(meeting.paper, slot.id)) : [];
  const missing = slot ? meeting.scoring.reviewers.filter((r) => !isRecused(r, slot.unit) && !(own(meeting.submitted, slot.id) ?? []).includes(r.id)) : [];
  const window = slot && own(meeting.windows, slot.id);
  const fetchFile = (name: string) => download(token, `/api/v1/export/${name}`).catch((e: Error) => notify(e.message));

  return (
    <div className="clerk-root">
      <header className="clerk-head">
        <h1>
          {t('clerk.title')} <span className="muted">{meeting.title}</span>
        </h1>
        <a className="link" href={`/report#token=${token}`} target="_blank" rel="noopener">
          {t('clerk.report')}
        </a>
        {EXPORTS.map((name) => (
          <button type="button" className="link" key={name} onClick={() => void fetchFile(name)}>
            {t(`clerk.exports.${name.replace('.', '_') as 'results_csv'}`)}
          </button>
        ))}
        <LanguageToggle />
        <Notices />
      </header>
      <div className="clerk-main">
        <aside className="panel">
          <h2>{t('clerk.slots')}</h2>
          <SlotList meeting={meeting} selected={slot?.id ?? null} onSelect={setChosen} />
        </aside>
        {slot && (
          <section className="panel clerk-slot" aria-label={slot.unit}>
            <div className="clerk-slot-head">
              <h2>
                {slot.unit} <span className="muted">{slot.speaker}</span>
              </h2>
              {window === undefined && (
                <button type="button" onClick={() => void send({ type: 'scoring.open', slotId: slot.id })}>
                  {t('clerk.open')}
                </button>
              )}
              {window === 'open' && (
                <button type="button" onClick={() => void send({ type: 'scoring.lock', slotId: slot.id })}>
                  {t('clerk.lock')}
                </button>
              )}
            </div>
            <ReopenForm slotId={slot.id} unit={slot.unit} locked={window === 'locked'} changes={meeting.scoringChanges} send={send} />
            <TallyTable slotId={slot.id} lines={lines} reviewers={meeting.scoring.reviewers} groups={meeting.scoring.groups} send={(c) => void send(c)} />
            {missing.length > 0 && (
              <p className="muted" data-testid="missing">
                {t('clerk.missing')}{t('punct.colon')}{missing.map((r) => r.name).join('、')}
              </p>
            )}
            {result && result.ballots > 0 && (
              <>
                <BallotLegend />
                <BallotChart strips={ballotStrips(result.groups)} axis={ballotAxis(results, meeting.scoring.rubric)} label={slot.unit} />
              </>
            )}
            {result && <ComputationSteps result={result} trimFrom={meeting.scoring.rules.trimFrom} />}
            {window !== undefined && <PaperEntryForm key={slot.id} slot={slot} scoring={meeting.scoring} send={send} />}
          </section>
        )}
        <section className="panel clerk-ranking">
          <h2>{t('results.ranking')}</h2>
          <RankingTable results={results} groups={meeting.scoring.groups} provisional />
        </section>
        <section className="panel clerk-cards">
          <h2>{t('clerk.cards')}</h2>
          <p className="muted">{t('clerk.cardsHint')}</p>
          <CardClaims meeting={meeting} send={(c) => void send(c)} />
        </section>
      </div>
    </div>
  );
}
