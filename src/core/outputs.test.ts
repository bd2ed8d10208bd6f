import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import { auditRows } from './audit';
import { CommandSchema } from './commands';
import type { MeetingEvent } from './events';
import { expand, SAMPLE_VALUES } from './output-template';
import { firedBy, sendsFor } from './output-triggers';
import type { Fired } from './output-triggers';
import type { Output } from './outputs';
import type { MeetingState } from './state';
import { defaultScoring } from './scoring.setup';
import { Rehearsal } from './test-support';
import { viewFor, viewProblem } from './views';

const mute: Output = {
  id: 'x32',
  name: 'X32 lectern mic',
  enabled: true,
  on: ['zero'],
  target: { kind: 'osc', host: '192.168.1.20', port: 10023, address: '/ch/01/mix/on', args: [{ type: 'int', value: '0' }] },
};
const hook: Output = {
  id: 'companion',
  name: 'Companion',
  enabled: true,
  on: ['slot.next', 'phase.started'],
  target: { kind: 'http', method: 'POST', url: 'http://10.0.0.5:8000/api/location/1/0/{phaseNo}/press', headers: [{ name: 'Authorization', value: 'Bearer s3cret' }], body: '{"unit":"{unit}"}', timeoutMs: 2000 },
};

/** Every moment the meeting's events fired, in order: what the host's dispatcher sees, one change at a time. */
function firedAll(events: readonly MeetingEvent[]): Fired[] {
  let state: MeetingState | null = null;
  const fired: Fired[] = [];
  for (const e of events) {
    const next = apply(state, e);
    if (state !== null) fired.push(...firedBy(state, e, next));
    state = next;
  }
  return fired;
}

describe('outputs: which moments fire them', () => {
  it('a speech: phase started, warning, danger, 0:00 (the cut-off), with the unit and the time left as the hall saw it', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).boundary('warning', 2000).boundary('danger', 3500).boundary('zero', 5000);
    const fired = firedAll(r.events);
    expect(fired.map((f) => [f.trigger, f.values.unit, f.values.remainingS])).toEqual([
      ['phase.started', 'A', '5'],
      ['warning', 'A', '3'],
      ['danger', 'A', '2'],
      ['zero', 'A', '0'],
      // A hard cut-off ends the speech: the slot opens for scoring by itself, and that fires too.
      ['scoring.opened', 'A', '5'],
    ]);
  });

  it('overtime ended when a soft phase past 0:00 is left, then the next speaker is called', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).boundary('zero', 5000).ok({ type: 'phase.next' }, 6000);
    r.boundary('zero', 66_000).ok({ type: 'slot.next' }, 78_500);
    const fired = firedAll(r.events).map((f) => [f.trigger, f.values.unit, f.values.phaseNo, f.values.overtimeS]);
    expect(fired).toEqual([
      ['phase.started', 'A', '1', '0'],
      ['zero', 'A', '1', '0'],
      ['scoring.opened', 'A', '1', '0'],
      ['phase.started', 'A', '2', '0'],
      ['zero', 'A', '2', '0'],
      ['overtime.ended', 'A', '2', '12'],
      ['slot.next', 'B', '1', '0'],
    ]);
  });

  it('scoring opened and locked, and results revealed, fire with the slot they concern', () => {
    const r = new Rehearsal()
      .ok({ type: 'scoring.configure', scoring: { ...defaultScoring(), reviewers: [{ id: 'l1', name: 'L', groupId: 'leaders', unit: '' }] } }, 0)
      .ok({ type: 'scoring.open', slotId: 'b' }, 10)
      .ok({ type: 'ballot.submit', slotId: 'b', submissionId: 'submission-1', scores: ['85.5'], comment: '' }, 100, { role: 'reviewer', reviewerId: 'l1' })
      .ok({ type: 'scoring.lock', slotId: 'b' }, 1000)
      .ok({ type: 'results.reveal', reveal: { kind: 'slot', slotId: 'b' } }, 2000);
    expect(firedAll(r.events).map((f) => [f.trigger, f.values.unit])).toEqual([
      ['scoring.opened', 'B'],
      ['scoring.locked', 'B'],
      ['results.revealed', 'B'],
    ]);
  });

  it('a pause, a resume or ±time fires nothing', () => {
    const r = new Rehearsal().ok({ type: 'timer.start' }, 0).ok({ type: 'timer.pause' }, 1000).ok({ type: 'timer.resume' }, 2000).ok({ type: 'timer.adjust', deltaMs: 30_000 }, 2500);
    expect(firedAll(r.events).map((f) => f.trigger)).toEqual(['phase.started']);
  });

  it('only enabled outputs listening for a moment are sent, in the order the host listed them', () => {
    const fired: Fired[] = [{ trigger: 'zero', values: SAMPLE_VALUES }, { trigger: 'slot.next', values: SAMPLE_VALUES }];
    const off = { ...hook, id: 'off', enabled: false };
    expect(sendsFor([hook, mute, off], fired).map((s) => [s.output.id, s.fired.trigger])).toEqual([
      ['x32', 'zero'],
      ['companion', 'slot.next'],
    ]);
  });
});

describe('outputs: placeholders', () => {
  const values = { ...SAMPLE_VALUES, unit: '科技经济运行局 "A&B"', remainingS: '-12' };

  it('are replaced as they are, as a URL component, or inside a JSON string; other braces stay', () => {
    expect(expand('/rostrum/{unit}/{remainingS}', values)).toBe('/rostrum/科技经济运行局 "A&B"/-12');
    expect(expand('http://h/x?u={unit}', values, 'url')).toBe(`http://h/x?u=${encodeURIComponent('科技经济运行局 "A&B"')}`);
    expect(JSON.parse(expand('{"unit":"{unit}","left":{remainingS}}', values, 'json'))).toEqual({ unit: '科技经济运行局 "A&B"', left: -12 });
  });

  it('an unknown placeholder or a bad argument is refused when the output is saved, saying where', () => {
    const bad = CommandSchema.safeParse({ type: 'outputs.configure', outputs: [{ ...mute, target: { ...mute.target, address: '/ch/{chanel}/mix/on' } }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['outputs', 0, 'target', 'address'], message: 'unknown placeholder {chanel}' });
    const notInt = CommandSchema.safeParse({ type: 'outputs.configure', outputs: [{ ...mute, target: { ...mute.target, args: [{ type: 'int', value: 'off' }] } }] });
    expect(notInt.error?.issues[0]?.path).toEqual(['outputs', 0, 'target', 'args', 0, 'value']);
    const url = CommandSchema.safeParse({ type: 'outputs.configure', outputs: [{ ...hook, target: { ...hook.target, url: 'ftp://x' } }] });
    expect(url.error?.issues[0]?.message).toBe('a URL beginning with http:// or https://');
    expect(CommandSchema.safeParse({ type: 'outputs.configure', outputs: [mute, hook] }).success).toBe(true);
  });
});

describe('outputs: who sees them', () => {
  const r = new Rehearsal().ok({ type: 'outputs.configure', outputs: [mute, hook] }, 0);

  it('the host’s view carries them; the clerk, the hall and phones get none (the schemas refuse them)', () => {
    expect(viewFor(r.state, { role: 'host' }).outputs).toEqual([mute, hook]);
    for (const audience of [{ role: 'clerk' }, { role: 'display' }, { role: 'reviewer', reviewerId: 'r1' }] as const) expect(viewFor(r.state, audience).outputs).toEqual([]);
    const leaked = { ...viewFor(r.state, { role: 'display' }), outputs: [hook] };
    expect(viewProblem({ role: 'display' }, leaked)).toMatch(/^outputs/);
  });

  it('the audit log records the change; a header’s value is never printed, and the clerk reads no address', () => {
    const [row] = auditRows(r.events.slice(1), false);
    expect(row?.type).toBe('outputs.configured');
    expect(row?.detail).toContain('10023');
    expect(row?.detail).not.toContain('s3cret');
    const [clerkRow] = auditRows(r.events.slice(1), true);
    expect(clerkRow?.detail).toContain('X32 lectern mic');
    expect(clerkRow?.detail).not.toContain('10.0.0.5');
    expect(clerkRow?.detail).not.toContain('192.168.1.20');
  });
});
