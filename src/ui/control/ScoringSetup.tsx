import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { previewOf } from './import-preview';
import { firstIssue } from '../../core/issues';
import { FOUR_CRITERIA, ScoringSetupSchema, defaultScoring } from '../../core/scoring.setup';
import type { Reviewer, ScoringSetup as Setup } from '../../core/scoring.setup';
import { ReviewerTable } from './ReviewerTable';

interface Props {
  scoring: Setup;
  units: string[];
  token: string;
  /** Ballots are in: the rules are frozen, and changing them needs a reason (it goes into the report). */
  frozen: boolean;
  onSave(scoring: Setup, reason: string | null): Promise<boolean>;
  onClose(): void;
}

type ImportAnswer = { ok: true; reviewers: Reviewer[] } | { ok: false; errors: { row: number; column: string | null; reason: string }[] };

const PRESETS = { total: defaultScoring().rubric, four: FOUR_CRITERIA } as const;

/** The meeting's scoring rules: rubric, groups and weights, reviewers (typed or imported), penalties, grades, auto-lock. */
export function ScoringSetup({ scoring, units, token, frozen, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<Setup>(scoring);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportAnswer | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => dialog.current?.showModal(), []);

  const rules = draft.rules;
  const setRules = (p: Partial<Setup['rules']>) => setDraft((d) => ({ ...d, rules: { ...d.rules, ...p } }));
  const grading = rules.grading;

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const res = await fetch(`/api/v1/import/roster?file=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: await file.arrayBuffer(),
    });
    const answer: ImportAnswer = await previewOf<ImportAnswer>(res);
    setImported(answer);
    if (answer.ok) setDraft((d) => ({ ...d, reviewers: answer.reviewers }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = ScoringSetupSchema.safeParse(draft);
    if (!parsed.success) {
      const { path, message } = firstIssue(parsed.error);
      return setError(path ? `${path}: ${message}` : message);
    }
    if (await onSave(parsed.data, frozen && reason.trim() !== '' ? reason.trim() : null)) onClose();
  };

  return (
    <dialog ref={dialog} className="slot-editor scoring-setup" onClose={onClose} aria-labelledby="setup-title">
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="setup-title">{t('scoring.setupTitle')}</h2>
        {frozen && (
          <p className="form-note" role="note" data-testid="rules-frozen">
            {t('scoring.frozen')}
          </p>
        )}
        <fieldset>
          <legend>{t('report.rubric')}</legend>
          <label>
            {t('scoring.preset')}
            <select
              value={draft.rubric.criteria.length === 4 ? 'four' : 'total'}
              onChange={(e) => setDraft((d) => ({ ...d, rubric: { ...PRESETS[e.target.value as keyof typeof PRESETS], step: d.rubric.step } }))}
              data-testid="rubric-preset"
            >
              <option value="total">{t('scoring.presetTotal')}</option>
              <option value="four">{t('scoring.presetFour')}</option>
            </select>
          </label>
          <label>
            {t('scoring.step')}
            <select value={draft.rubric.step} onChange={(e) => setDraft((d) => ({ ...d, rubric: { ...d.rubric, step: e.target.value as '0.5' | '1' } }))}>
              <option value="0.5">0.5</option>
              <option value="1">1</option>
            </select>
          </label>
          <span className="muted">{draft.rubric.criteria.map((c) => `${c.name} ${c.max}`).join('、')}</span>
        </fieldset>
        <fieldset>
          <legend>{t('report.groups')}</legend>
          {draft.groups.map((g, i) => (
            <label key={g.id}>
              {g.name}
              <input value={g.weight} size={5} onChange={(e) => setDraft((d) => ({ ...d, groups: d.groups.map((x, j) => (j === i ? { ...x, weight: e.target.value.trim() } : x)) }))} />
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>
            {t('scoring.reviewers')} ({draft.reviewers.length})
          </legend>
          <label>
            {t('scoring.import')}
            <input type="file" accept=".csv,.xlsx" onChange={(e) => void importFile(e)} data-testid="roster-file" />
          </label>
          {imported?.ok === true && <p className="muted">{t('scoring.imported', { count: imported.reviewers.length })}</p>}
          {imported?.ok === false && (
            <ul className="import-errors" role="alert">
              {imported.errors.map((er) => (
                <li key={`${er.row}/${er.column}/${er.reason}`}>{t('scoring.importError', { row: er.row, column: er.column ?? '—', reason: er.reason })}</li>
              ))}
            </ul>
          )}
          <ReviewerTable reviewers={draft.reviewers} groups={draft.groups} units={units} onChange={(reviewers) => setDraft((d) => ({ ...d, reviewers }))} />
        </fieldset>
        <fieldset>
          <legend>{t('report.rules')}</legend>
          <label>
            {t('scoring.trimFrom')}
            <input type="number" min={3} value={rules.trimFrom} onChange={(e) => setRules({ trimFrom: Number(e.target.value) })} />
          </label>
          <label>
            {t('scoring.penaltyPer')}
            <input value={rules.penaltyPerInterval} size={4} onChange={(e) => setRules({ penaltyPerInterval: e.target.value.trim() })} />
          </label>
          <label>
            {t('scoring.interval')}
            <input type="number" min={1} value={rules.penaltyIntervalSeconds} onChange={(e) => setRules({ penaltyIntervalSeconds: Number(e.target.value) })} />
          </label>
          <label>
            {t('scoring.cutoffPenalty')}
            <input value={rules.cutoffPenalty} size={4} onChange={(e) => setRules({ cutoffPenalty: e.target.value.trim() })} />
          </label>
          <label>
            {t('scoring.tieBreak')}
            <select value={rules.tieBreakGroupId ?? ''} onChange={(e) => setRules({ tieBreakGroupId: e.target.value === '' ? null : e.target.value })} data-testid="tie-break">
              <option value="">{t('scoring.tieBreakDefault')}</option>
              {draft.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('scoring.autoLock')}
            <input
              type="number"
              min={1}
              value={rules.autoLockMinutes ?? ''}
              placeholder={t('scoring.off')}
              onChange={(e) => setRules({ autoLockMinutes: e.target.value === '' ? null : Number(e.target.value) })}
            />
          </label>
          <label>
            {t('results.grade')}
            <select
              value={grading.mode}
              onChange={(e) =>
                setRules({
                  grading: e.target.value === 'quota' ? { mode: 'quota', excellentShare: '0.2', needsWorkShare: '0.1' } : { mode: 'thresholds', excellentFrom: '90', goodFrom: '80', passFrom: '60' },
                })
              }
            >
              <option value="quota">{t('scoring.quota')}</option>
              <option value="thresholds">{t('scoring.thresholds')}</option>
            </select>
          </label>
          {grading.mode === 'quota' ? (
            <>
              <label>
                {t('scoring.excellentShare')}
                <input value={grading.excellentShare} size={4} onChange={(e) => setRules({ grading: { ...grading, excellentShare: e.target.value.trim() } })} />
              </label>
              <label>
                {t('scoring.needsWorkShare')}
                <input value={grading.needsWorkShare} size={4} onChange={(e) => setRules({ grading: { ...grading, needsWorkShare: e.target.value.trim() } })} />
              </label>
            </>
          ) : (
            (['excellentFrom', 'goodFrom', 'passFrom'] as const).map((k) => (
              <label key={k}>
                {t(`scoring.${k}`)}
                <input value={grading[k]} size={4} onChange={(e) => setRules({ grading: { ...grading, [k]: e.target.value.trim() } })} />
              </label>
            ))
          )}
        </fieldset>
        {frozen && (
          <label className="reason">
            {t('scoring.reason')}
            <textarea value={reason} rows={2} maxLength={300} onChange={(e) => setReason(e.target.value)} data-testid="rules-reason" />
          </label>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <span className="spacer" />
          <button type="button" className="action" onClick={onClose}>
            {t('control.cancel')}
          </button>
          <button type="submit" className="action tone-primary">
            {t('control.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
