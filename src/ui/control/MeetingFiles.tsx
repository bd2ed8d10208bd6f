import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingEntry, MeetingListing as Listing, TemplateEntry } from '../../core/meeting-files';
import { currentLang } from '../i18n';
import { Modal } from '../shared/Modal';

/** In the language of the screen, not of the browser it happens to run in. */
const when = (wall: number, lang: string): string => new Date(wall).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The meeting files: every meeting is always saved, so this is Save As, Open (recent first), save
 * the setup as a template, and start a new meeting from one. Opening or creating another meeting
 * closes this one as it stands; every screen reconnects to the new one by itself.
 */
export function MeetingFiles({ token, onClose }: { token: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [listing, setListing] = useState<Listing | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const call = useCallback(
    async (path: string, body?: object): Promise<{ ok: boolean; data: Record<string, unknown> }> => {
      const res = await fetch(path, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (!res.ok) setMessage({ error: true, text: String(data.message ?? res.statusText) });
      return { ok: res.ok, data };
    },
    [token],
  );
  // Bumped to read the folder again (after a template is saved).
  const [version, setVersion] = useState(0);
  useEffect(() => {
    fetch('/api/v1/meetings', { headers: { authorization: `Bearer ${token}` } })
      .then(async (res) => (res.ok ? setListing((await res.json()) as Listing) : setMessage({ error: true, text: await res.text() })))
      .catch((e: Error) => setMessage({ error: true, text: e.message }));
  }, [token, version]);

  /** A switch: the answer comes, then this meeting closes and the view reconnects to the other. */
  const switchTo = async (path: string, body: object) => {
    const r = await call(path, body);
    if (r.ok) onClose();
  };
  const open = (m: MeetingEntry) => {
    if (window.confirm(t('files.confirmOpen', { title: m.title }))) void switchTo('/api/v1/meetings/open', { file: m.file });
  };

  return (
    <Modal title={t('files.title')} onClose={onClose} className="meeting-files" closeButton>
      <p className="muted">{t('files.alwaysSaved', { file: listing?.current ?? '' })}</p>
      {message && (
        <p className={message.error ? 'form-error' : 'muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="files-forms">
        <NameForm label={t('files.saveAs')} button={t('files.saveAsButton')} testId="save-as" onSubmit={(name) => void switchTo('/api/v1/meetings/save-as', { name })} />
        <NameForm
          label={t('files.saveTemplate')}
          button={t('files.saveTemplateButton')}
          testId="save-template"
          onSubmit={(name) =>
            void call('/api/v1/meetings/template', { name }).then((r) => {
              if (!r.ok) return;
              setMessage({ error: false, text: t('files.templateSaved', { file: String(r.data.file) }) });
              setVersion((v) => v + 1);
            })
          }
        />
        <NewMeetingForm templates={listing?.templates ?? []} onSubmit={(name, template) => void switchTo('/api/v1/meetings/new', { name, template, language: currentLang(i18n.language) })} />
      </div>
      <h3>{t('files.meetings')}</h3>
      <table className="reviewer-table" data-testid="meeting-list">
        <tbody>
          {(listing?.meetings ?? []).map((m) => (
            <tr key={m.file}>
              <td>
                <strong>{m.title}</strong>
                <div className="muted small">{m.file}</div>
              </td>
              <td className="muted small">{m.openedWall ? t('files.opened', { when: when(m.openedWall, i18n.language) }) : t('files.changed', { when: when(m.modifiedWall, i18n.language) })}</td>
              <td>
                {m.file === listing?.current ? (
                  <span className="pill">{t('files.openNow')}</span>
                ) : (
                  <button type="button" className="link" onClick={() => open(m)}>
                    {t('files.open')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

function NameForm({ label, button, testId, onSubmit }: { label: string; button: string; testId: string; onSubmit(name: string): void }) {
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  };
  return (
    <form onSubmit={submit} className="files-form" data-testid={testId}>
      <label>
        {label}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required />
      </label>
      <button type="submit" className="action">
        {button}
      </button>
    </form>
  );
}

function NewMeetingForm({ templates, onSubmit }: { templates: TemplateEntry[]; onSubmit(name: string, template: string | null): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onSubmit(name.trim(), template || null);
  };
  return (
    <form onSubmit={submit} className="files-form" data-testid="new-meeting">
      <label>
        {t('files.newMeeting')}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required />
      </label>
      <label>
        {t('files.from')}
        <select value={template} onChange={(e) => setTemplate(e.target.value)}>
          <option value="">{t('files.fromThis')}</option>
          {templates.map((tp) => (
            <option key={tp.file} value={tp.file}>
              {t('files.templateOption', { title: tp.title, slots: tp.slots, reviewers: tp.reviewers })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="action">
        {t('files.create')}
      </button>
    </form>
  );
}
