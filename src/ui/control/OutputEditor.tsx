import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeIssue } from '../../core/issues';
import { PLACEHOLDERS } from '../../core/output-template';
import { HTTP_METHODS, OUTPUT_TRIGGERS, OutputSchema } from '../../core/outputs';
import type { HttpTarget, OscArg, OscTarget, Output } from '../../core/outputs';
import { DialogButtons } from '../shared/DialogButtons';

/** A new output of each kind, as the Add buttons open it: the recipes' usual ports and a mute at 0:00. */
export function blankOutput(kind: 'osc' | 'http', id: string): Output {
  const target: OscTarget | HttpTarget =
    kind === 'osc'
      ? { kind: 'osc', host: '', port: 10023, address: '/ch/01/mix/on', args: [{ type: 'int', value: '0' }] }
      : { kind: 'http', method: 'POST', url: 'http://', headers: [], body: '', timeoutMs: 2000 };
  return { id, name: '', enabled: true, on: kind === 'osc' ? ['zero'] : ['slot.next'], target };
}

interface Props {
  output: Output;
  onSave(output: Output): Promise<boolean>;
  onCancel(): void;
}

/** One output's form: its name, the events it fires on, and where it goes (OSC or a webhook). */
export function OutputEditor({ output, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Output>(output);
  const [problem, setProblem] = useState<string | null>(null);
  const target = draft.target;
  const setTarget = (next: OscTarget | HttpTarget) => setDraft({ ...draft, target: next });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Checked here with the host's own schema, so the form says what and where before anything is sent.
    const parsed = OutputSchema.safeParse(draft);
    if (!parsed.success) return setProblem(describeIssue(parsed.error));
    setProblem(null);
    if (await onSave(parsed.data)) onCancel();
  };

  return (
    <form className="output-editor" onSubmit={(e) => void submit(e)} data-testid="output-editor">
      <label>
        {t('outputs.name')}
        <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} placeholder={target.kind === 'osc' ? 'X32 ch 1' : 'Companion'} data-testid="output-name" />
      </label>
      <fieldset className="output-events">
        <legend>{t('outputs.on')}</legend>
        {OUTPUT_TRIGGERS.map((trigger) => (
          <label key={trigger} className="check">
            <input
              type="checkbox"
              checked={draft.on.includes(trigger)}
              onChange={(e) => setDraft({ ...draft, on: e.target.checked ? OUTPUT_TRIGGERS.filter((x) => x === trigger || draft.on.includes(x)) : draft.on.filter((x) => x !== trigger) })}
              data-trigger={trigger}
            />
            {t(`outputs.triggers.${trigger}`)}
          </label>
        ))}
      </fieldset>
      {target.kind === 'osc' ? <OscFields target={target} onChange={setTarget} /> : <HttpFields target={target} onChange={setTarget} />}
      <p className="muted small">{t('outputs.placeholders', { list: PLACEHOLDERS.map((p) => `{${p}}`).join(' ') })}</p>
      <DialogButtons error={problem} onCancel={onCancel} testId="output-save" />
    </form>
  );
}

function OscFields({ target, onChange }: { target: OscTarget; onChange(t: OscTarget): void }) {
  const { t } = useTranslation();
  const setArg = (i: number, arg: OscArg) => onChange({ ...target, args: target.args.map((a, k) => (k === i ? arg : a)) });
  return (
    <>
      <div className="output-row">
        <label className="grow">
          {t('outputs.host')}
          <input value={target.host} onChange={(e) => onChange({ ...target, host: e.target.value })} placeholder="192.168.1.20" data-testid="osc-host" />
        </label>
        <label>
          {t('outputs.port')}
          <input type="number" min={1} max={65535} value={target.port} onChange={(e) => onChange({ ...target, port: Number(e.target.value) })} data-testid="osc-port" />
        </label>
      </div>
      <label>
        {t('outputs.address')}
        <input value={target.address} onChange={(e) => onChange({ ...target, address: e.target.value })} data-testid="osc-address" />
      </label>
      {target.args.map((arg, i) => (
        <div className="output-row" key={i}>
          <label>
            {t('outputs.argType')}
            <select value={arg.type} onChange={(e) => setArg(i, { ...arg, type: e.target.value as OscArg['type'] })}>
              <option value="int">int</option>
              <option value="float">float</option>
              <option value="string">string</option>
            </select>
          </label>
          <label className="grow">
            {t('outputs.argValue', { n: i + 1 })}
            <input value={arg.value} onChange={(e) => setArg(i, { ...arg, value: e.target.value })} data-testid={`osc-arg-${i}`} />
          </label>
          <button type="button" className="action" onClick={() => onChange({ ...target, args: target.args.filter((_, k) => k !== i) })}>
            {t('outputs.remove')}
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="action" disabled={target.args.length >= 8} onClick={() => onChange({ ...target, args: [...target.args, { type: 'int', value: '' }] })}>
          {t('outputs.addArg')}
        </button>
      </div>
    </>
  );
}

function HttpFields({ target, onChange }: { target: HttpTarget; onChange(t: HttpTarget): void }) {
  const { t } = useTranslation();
  const setHeader = (i: number, h: HttpTarget['headers'][number]) => onChange({ ...target, headers: target.headers.map((x, k) => (k === i ? h : x)) });
  return (
    <>
      <div className="output-row">
        <label>
          {t('outputs.method')}
          <select value={target.method} onChange={(e) => onChange({ ...target, method: e.target.value as HttpTarget['method'] })} data-testid="http-method">
            {HTTP_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="grow">
          URL
          <input value={target.url} onChange={(e) => onChange({ ...target, url: e.target.value })} placeholder="http://192.168.1.30:8000/api/location/1/0/0/press" data-testid="http-url" />
        </label>
        <label>
          {t('outputs.timeout')}
          <input type="number" min={0.1} max={30} step={0.1} value={target.timeoutMs / 1000} onChange={(e) => onChange({ ...target, timeoutMs: Math.round(Number(e.target.value) * 1000) })} data-testid="http-timeout" />
        </label>
      </div>
      {target.headers.map((h, i) => (
        <div className="output-row" key={i}>
          <label>
            {t('outputs.headerName')}
            <input value={h.name} onChange={(e) => setHeader(i, { ...h, name: e.target.value })} />
          </label>
          <label className="grow">
            {t('outputs.headerValue')}
            <input value={h.value} onChange={(e) => setHeader(i, { ...h, value: e.target.value })} />
          </label>
          <button type="button" className="action" onClick={() => onChange({ ...target, headers: target.headers.filter((_, k) => k !== i) })}>
            {t('outputs.remove')}
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="action" disabled={target.headers.length >= 16} onClick={() => onChange({ ...target, headers: [...target.headers, { name: '', value: '' }] })}>
          {t('outputs.addHeader')}
        </button>
      </div>
      <label>
        {t('outputs.body')}
        <textarea rows={3} value={target.body} onChange={(e) => onChange({ ...target, body: e.target.value })} placeholder='{"unit":"{unit}"}' data-testid="http-body" />
      </label>
    </>
  );
}
