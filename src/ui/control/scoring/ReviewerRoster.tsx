import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reviewer, ReviewerGroup } from '../../../core/scoring.setup';
import { ImportErrors, UploadFailure } from '../ImportErrors';
import { uploadFile } from '../upload';
import type { Uploaded } from '../upload';
import { ReviewerTable } from './ReviewerTable';

type RosterPreview = { ok: true; reviewers: Reviewer[] } | { ok: false; errors: { row: number; column: string | null; reason: string }[] };

interface Props {
  reviewers: Reviewer[];
  groups: ReviewerGroup[];
  units: string[];
  token: string;
  onChange(reviewers: Reviewer[]): void;
}

/** The reviewers, typed in the table or imported from a CSV/XLSX roster (read by the host, shown before saving). */
export function ReviewerRoster({ reviewers, groups, units, token, onChange }: Props) {
  const { t } = useTranslation();
  const [imported, setImported] = useState<Uploaded<RosterPreview> | null>(null);

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const answer = await uploadFile<RosterPreview>('/api/v1/import/roster', token, file, t);
    setImported(answer);
    if (answer.read && answer.preview.ok) onChange(answer.preview.reviewers);
  };

  return (
    <fieldset>
      <legend>
        {t('scoring.reviewers')} ({reviewers.length})
      </legend>
      <label>
        {t('scoring.import')}
        <input type="file" accept=".csv,.xlsx" onChange={(e) => void importFile(e)} data-testid="roster-file" />
      </label>
      {imported?.read === false && <UploadFailure message={imported.message} />}
      {imported?.read && imported.preview.ok && <p className="muted">{t('scoring.imported', { count: imported.preview.reviewers.length })}</p>}
      {imported?.read && !imported.preview.ok && <ImportErrors errors={imported.preview.errors} />}
      <ReviewerTable reviewers={reviewers} groups={groups} units={units} onChange={onChange} />
    </fieldset>
  );
}
