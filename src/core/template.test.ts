import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import { demoMeeting } from './demo';
import type { MeetingEvent } from './events';
import { templateOf, TemplateFileSchema, templateFile } from './template';
import type { Mono, Wall } from './time';

const at = (seq: number) => ({ seq, at: (seq * 1000) as Mono, wall: (1_700_000_000_000 + seq) as Wall, by: { role: 'host' as const } });

describe('a meeting template', () => {
  it('keeps the agenda, rubric, reviewers and rules and drops everything that happened', () => {
    const setup = demoMeeting();
    const created = apply(null, { type: 'meeting.created', setup, ...at(1), by: { role: 'system' } } as MeetingEvent);
    const started = apply(created, { type: 'timer.started', ...at(2) } as MeetingEvent);
    const template = templateOf(started);
    expect(template.slots).toEqual(setup.slots);
    expect(template.scoring).toEqual(started.scoring);
    expect(JSON.stringify(template)).not.toMatch(/"live"|"records"|"ballots"|"status"/);
  });

  it('holds whatever a meeting can hold: an imported agenda of 600 speakers in 30 sittings', () => {
    const state = apply(null, { type: 'meeting.created', setup: demoMeeting(), ...at(1), by: { role: 'system' } } as MeetingEvent);
    const sittings = Array.from({ length: 30 }, (_, i) => ({ id: `d${i}`, title: `Sitting ${i}` }));
    const slots = Array.from({ length: 600 }, (_, i) => ({ ...(state.slots[0] as (typeof state.slots)[0]), id: `s${i}`, sittingId: `d${i % 30}` }));
    const big = apply(state, { type: 'agenda.replaced', sittings, slots, ...at(2) } as MeetingEvent);
    expect(TemplateFileSchema.safeParse(templateFile(templateOf(big))).success).toBe(true);
  });

  it('round-trips through its file format, which a new meeting is created from', () => {
    const state = apply(null, { type: 'meeting.created', setup: demoMeeting(), ...at(1), by: { role: 'system' } } as MeetingEvent);
    const file = JSON.parse(JSON.stringify(templateFile(templateOf(state))));
    expect(TemplateFileSchema.parse(file).setup).toEqual(templateOf(state));
  });
});
