import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../core/audit';
import { download } from '../shared/download';
import './control.css';

const time = (wall: number): string => {
  const d = new Date(wall);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
};

/**
 * Every action as the log on disk has it: who (role, device), what, when to the millisecond;
 * filterable and exportable. A window of its own (a tab in a browser), opened from the control view.
 */
export default function AuditPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [role, setRole] = useState('');
  useEffect(() => {
    fetch('/api/v1/audit', { headers: { authorization: `Bearer ${token}` } })
      .then(async (r) => (r.ok ? setRows((await r.json()) as AuditRow[]) : setError(await r.text())))
      .catch((e: Error) => setError(e.message));
  }, [token]);

  const roles = useMemo(() => [...new Set((rows ?? []).map((r) => r.role.split(':')[0] ?? r.role))], [rows]);
  const needle = filter.trim().toLowerCase();
  const shown = (rows ?? []).filter((r) => (role === '' || r.role.startsWith(role)) && (needle === '' || `${r.type} ${r.role} ${r.device} ${r.detail}`.toLowerCase().includes(needle)));

  return (
    <main className="panel audit-log audit-page" aria-labelledby="audit-title">
      <div className="panel-head">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <input placeholder={t('audit.filter')} aria-label={t('audit.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="audit-filter" />
        <select aria-label={t('audit.role')} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">{t('audit.allRoles')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
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
            {shown.map((r) => (
              <tr key={r.seq}>
                <td className="tabular">{r.seq}</td>
                <td className="tabular">{time(r.wall)}</td>
                <td>{r.role}</td>
                <td className="muted">{r.device}</td>
                <td>{r.type}</td>
                <td className="audit-detail">{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
