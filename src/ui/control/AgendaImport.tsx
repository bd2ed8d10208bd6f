import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaImport as Preview } from '../../core/agenda-table';
import { DialogButtons } from '../shared/DialogButtons';
import { Modal } from '../shared/Modal';
import { durationText } from './duration';
import { ImportErrors, UploadFailure } from './ImportErrors';
import { uploadFile } from './upload';

interface Props {
  token: string;
  onClose(): void;
}

/**
 * Imports an agenda from CSV or XLSX: the file is read by the host and shown here first, with every
 * bad row; nothing changes until the host presses "Replace the agenda" (and undo takes it back).
 */
export function AgendaImport({ token, onClose }: Props) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const read = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setFailure(null);
    setPreview(null);
    const answer = await uploadFile<Preview>('/api/v1/import/agenda', token, file, t);
    if (answer.read) setPreview(answer.preview);
    else setFailure(answer.message);
  };
  // A whole agenda can be larger than a WebSocket message may be (protocol.ts): it goes over HTTP.
  const accept = async () => {
    if (!preview?.ok) return;
    const res = await fetch('/api/v1/commands', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'agenda.replace', sittings: preview.sittings, slots: preview.slots }),
    });
    if (res.ok) return onClose();
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    setFailure(body.message ?? `HTTP ${res.status}`);
  };

  return (
    <Modal title={t('agendaImport.title')} onClose={onClose}>
      <p className="muted">{t('agendaImport.hint')}</p>
      <input type="file" accept=".csv,.xlsx" onChange={(e) => void read(e)} data-testid="agenda-file" />
      {failure !== null && <UploadFailure message={failure} />}
      {preview?.ok === false && <ImportErrors errors={preview.errors} />}
      {preview?.ok && (
        <div className="import-preview">
          <p>{t('agendaImport.summary', { sittings: preview.sittings.length, slots: preview.slots.length })}</p>
          <table className="reviewer-table" data-testid="agenda-preview">
            <tbody>
              {preview.slots.slice(0, 200).map((s) => (
                <tr key={s.id}>
                  <td className="muted">{preview.sittings.find((x) => x.id === s.sittingId)?.title}</td>
                  <td>{s.unit}</td>
                  <td>{s.speaker}</td>
                  <td>{s.topic}</td>
                  <td className="tabular">{s.phases.map((p) => durationText(p.durationMs)).join(' + ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DialogButtons onCancel={onClose} label={t('agendaImport.replace')} onConfirm={() => void accept()} disabled={!preview?.ok} />
    </Modal>
  );
}
