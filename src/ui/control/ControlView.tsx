import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agenda } from '../../core/queue';
import type { SlotFields } from '../../core/commands';
import { useView } from '../app/context';
import { download } from '../shared/download';
import { AgendaImport } from './AgendaImport';
import { AudioPanel } from './AudioPanel';
import { HostRunsWarning } from './HostRunsWarning';
import { LivePanel } from './LivePanel';
import { NetworkPanel } from './NetworkPanel';
import { OutputsPanel } from './OutputsPanel';
import { PresencePanel, PresenceSummary } from './PresencePanel';
import { Preview } from './Preview';
import { Queue } from './Queue';
import { ScoringPanel } from './ScoringPanel';
import { ScoringSetup } from './scoring/ScoringSetup';
import { ShortcutList } from './ShortcutList';
import { SlotEditor } from './SlotEditor';
import { TimeChartPanel } from './TimeChartPanel';
import { TopBar } from './TopBar';
import { MeetingFiles } from './MeetingFiles';
import { MessagePanel } from './MessagePanel';
import { MiniTimerButton } from './MiniTimerButton';
import { useSend } from '../shared/useSend';
import { usePerform } from './usePerform';
import { useShellNotices } from './useShellNotices';
import { useShortcuts } from './useShortcuts';
import './control.css';

type Editing = { kind: 'add'; sittingId: string } | { kind: 'edit'; slotId: string } | { kind: 'scoring' } | { kind: 'import' } | { kind: 'files' } | { kind: 'network' } | { kind: 'outputs' } | null;

/** `#…&panel=network` opens the Network panel (the desktop app's menu does so); the request is then dropped from the address. */
function usePanelFromAddress(open: () => void): void {
  useEffect(() => {
    const check = () => {
      const params = new URLSearchParams(window.location.hash.slice(1));
      if (params.get('panel') !== 'network') return;
      params.delete('panel');
      history.replaceState(null, '', `#${params.toString()}`);
      open();
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
  }, [open]);
}

/** The host's laptop: the running order, the live speaker's clock and controls, and the big screen's preview. */
export default function ControlView({ token }: { token: string }) {
  const { t } = useTranslation();
  const meeting = useView((s) => s.meeting);
  const notify = useView((s) => s.notify);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const send = useSend();
  const target = selected !== null && meeting?.slots.some((s) => s.id === selected) ? selected : null;
  const perform = usePerform(target);
  usePanelFromAddress(useCallback(() => setEditing({ kind: 'network' }), []));

  const onOther = useCallback(
    (e: KeyboardEvent) => {
      if (meeting === null || e.altKey) return false;
      if (e.code === 'Escape') return setSelected(null), true;
      if (e.code !== 'ArrowUp' && e.code !== 'ArrowDown') return false;
      const ids = agenda(meeting).map((s) => s.id);
      const i = target === null ? (e.code === 'ArrowDown' ? -1 : ids.length) : ids.indexOf(target);
      const next = ids[Math.min(ids.length - 1, Math.max(0, i + (e.code === 'ArrowDown' ? 1 : -1)))];
      setSelected(next ?? null);
      return true;
    },
    [meeting, target],
  );
  useShortcuts(editing === null ? meeting : null, target, perform, onOther);
  useShellNotices();

  if (meeting === null) return null;
  const editedSlot = editing?.kind === 'edit' ? (meeting.slots.find((s) => s.id === editing.slotId) ?? null) : null;
  const save = (fields: SlotFields): Promise<boolean> => {
    if (editing?.kind === 'edit') return send({ type: 'slot.edit', slotId: editing.slotId, fields });
    if (editing?.kind === 'add') return send({ type: 'slot.add', sittingId: editing.sittingId, fields });
    return Promise.resolve(false);
  };
  const remove = () => {
    if (!editedSlot || !window.confirm(t('control.removeConfirm', { unit: editedSlot.unit }))) return;
    void send({ type: 'slot.remove', slotId: editedSlot.id }).then((ok) => ok && setEditing(null));
  };

  return (
    <div className="control-root">
      <TopBar>
        <MiniTimerButton />
        <PresenceSummary />
        <button type="button" className="link" onClick={() => setEditing({ kind: 'network' })} data-testid="open-network">
          {t('network.networkLink')}
        </button>
        <button type="button" className="link" onClick={() => setEditing({ kind: 'outputs' })} data-testid="open-outputs">
          {t('outputs.title')}
        </button>
        <button type="button" className="link" onClick={() => setEditing({ kind: 'files' })}>
          {t('files.title')}
        </button>
        <a className="link" href={`/audit#token=${token}`} target="_blank" rel="noopener">
          {t('audit.title')}
        </a>
      </TopBar>
      <HostRunsWarning />
      <div className="control-main">
        <Queue
          meeting={meeting}
          selected={target}
          onSelect={setSelected}
          onEdit={(slotId) => setEditing({ kind: 'edit', slotId })}
          onAdd={(sittingId) => setEditing({ kind: 'add', sittingId })}
          onImport={() => setEditing({ kind: 'import' })}
          onExport={() => void download(token, '/api/v1/export/agenda.xlsx').catch((e: Error) => notify(e.message))}
          send={(c) => void send(c)}
        />
        <div className="control-side">
          <LivePanel target={target} perform={perform} />
          <ScoringPanel target={target} perform={perform} token={token} onSetup={() => setEditing({ kind: 'scoring' })} />
          <Preview />
          <TimeChartPanel />
          <MessagePanel target={target} perform={perform} />
          <PresencePanel />
          <div className="control-bottom">
            <AudioPanel />
            <ShortcutList />
          </div>
        </div>
      </div>
      {editing?.kind === 'files' && <MeetingFiles token={token} onClose={() => setEditing(null)} />}
      {editing?.kind === 'network' && <NetworkPanel token={token} onClose={() => setEditing(null)} />}
      {editing?.kind === 'outputs' && <OutputsPanel onClose={() => setEditing(null)} />}
      {editing?.kind === 'import' && <AgendaImport token={token} onClose={() => setEditing(null)} />}
      {editing?.kind === 'scoring' && (
        <ScoringSetup
          scoring={meeting.scoring}
          units={[...new Set(meeting.slots.map((s) => s.unit))]}
          token={token}
          frozen={Object.values(meeting.submitted).some((who) => who.length > 0)}
          onSave={(scoring, reason) => send(reason === null ? { type: 'scoring.configure', scoring } : { type: 'scoring.amend', scoring, reason })}
          onClose={() => setEditing(null)}
        />
      )}
      {(editing?.kind === 'add' || editing?.kind === 'edit') && <SlotEditor slot={editedSlot} onSave={save} onRemove={editedSlot ? remove : null} onClose={() => setEditing(null)} />}
    </div>
  );
}
