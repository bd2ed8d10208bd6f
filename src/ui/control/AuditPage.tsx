import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../core/audit';
import { useView } from '../app/context';
import { download } from '../shared/download';
import { auditFields } from './audit-fields';
import type { AuditField, AuditNames } from './audit-fields';
import './control.css';

const time = (wall: number): string => {
  const d = new Date(wall);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
};

/** One field of an event in words: its name in the page's language, then its value. */
function FieldValue({ field }: { field: AuditField }) {
  const { t } = useTranslation();
  if ('yes' in field) return <>{field.yes ? t('audit.yes') : t('audit.no')}</>;
  if ('count' in field) return <>{t('audit.items', { count: field.count })}</>;
  return <>{field.text}</>;
}

/**
 * Every action as the log on disk has it: who (role, device), what, when to the millisecond;
 * filterable and exportable. A window of its own (a tab in a browser), opened from the control view.
 */
export default function AuditPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const meeting = useView((s) => s.meeting);
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [role, setRole] = useState('');
  useEffect(() => {
    fetch('/api/v1/audit', { headers: { authorization: `Bearer ${token}` } })
      .then(async (r) => (r.ok ? setRows((await r.json()) as AuditRow[]) : setError(await r.text())))
      .catch((e: Error) => setError(e.message));
  }, [token]);

  const names = useMemo<AuditNames>(
    () => ({
      slot: (id) => meeting?.slots.find((s) => s.id === id)?.unit,
      reviewer: (id) => meeting?.scoring.reviewers.find((r) => r.id === id)?.name,
      sitting: (id) => meeting?.sittings.find((s) => s.id === id)?.title,
    }),
    [meeting],
  );
  // Every line in words once: the filter searches what the page shows, in its language.
  const lines = useMemo(
    () =>
      (rows ?? []).map((r) => {
        const [kind = r.role, reviewerId] = r.role.split(':');
        const who = [t(`report.roles.${kind}` as 'report.roles.host', { defaultValue: kind }), reviewerId ? (names.reviewer(reviewerId) ?? reviewerId) : ''].filter(Boolean).join(' · ');
        const what = t(`audit.events.${r.type}` as 'audit.events.timer.started', { defaultValue: r.type });
        const fields = auditFields(r.detail, names);
        return { row: r, kind, who, what, fields };
      }),
    [rows, names, t],
  );
  const roles = useMemo(() => [...new Set(lines.map((l) => l.kind))], [lines]);
  const needle = filter.trim().toLowerCase();
  const fieldText = (f: AuditField) => `${t(`audit.fields.${f.key}` as 'audit.fields.slotId', { defaultValue: f.key })} ${'text' in f ? f.text : ''}`;
  const shown = lines.filter(
    (l) => (role === '' || l.kind === role) && (needle === '' || [l.who, l.what, l.row.type, l.row.device, ...l.fields.map(fieldText)].join(' ').toLowerCase().includes(needle)),
  );

  return (
    <main className="panel audit-log audit-page" aria-labelledby="audit-title">
      <div className="panel-head">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <input placeholder={t('audit.filter')} aria-label={t('audit.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="audit-filter" />
        <select aria-label={t('audit.role')} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">{t('audit.allRoles')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`report.roles.${r}` as 'report.roles.host', { defaultValue: r })}
            </option>
          ))}
        </select>
        <button type="button" className="link" onClick={() => void download(token, '/api/v1/export/audit.csv')}>
          CSV
        </button>
        <button type="button" className="link" onClick={() => void download(token, '/api/v1/export/audit.xlsx')}>
          XLSX
        </button>
      </div>
      {error && <p className="form-error">{error}</p>}
      <div className="audit-scroll">
        <table className="reviewer-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('audit.time')}</th>
              <th>{t('audit.role')}</th>
              <th>{t('audit.device')}</th>
              <th>{t('audit.event')}</th>
              <th>{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ row, who, what, fields }) => (
              <tr key={row.seq}>
                <td className="tabular">{row.seq}</td>
                <td className="tabular">{time(row.wall)}</td>
                <td data-role={row.role}>{who}</td>
                <td className="muted">{row.device}</td>
                <td title={row.type}>{what}</td>
                <td>
                  {fields.length > 0 && (
                    <dl className="audit-fields">
                      {fields.map((f) => (
                        <div key={f.key}>
                          <dt>{t(`audit.fields.${f.key}` as 'audit.fields.slotId', { defaultValue: f.key })}</dt>
                          <dd>
                            <FieldValue field={f} />
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
