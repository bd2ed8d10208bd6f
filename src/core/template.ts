import { z } from 'zod';
import { MeetingSetupSchema } from './meeting';
import type { MeetingSetup } from './meeting';
import type { MeetingState } from './state';

export const TEMPLATE_FORMAT = 'rostrum-template';
export const TEMPLATE_VERSION = 1;

export const TemplateFileSchema = z.object({
  format: z.literal(TEMPLATE_FORMAT),
  version: z.literal(TEMPLATE_VERSION),
  setup: MeetingSetupSchema,
});

/**
 * What the next meeting starts from: the agenda as it stands (titles, sittings, speakers, phase
 * times), the rubric, groups, reviewers and rules. Nothing of what happened: no times used, no
 * ballots, no results, no keys.
 */
export function templateOf(state: MeetingState): MeetingSetup {
  return { title: state.title, sittings: state.sittings, slots: state.slots, scoring: state.scoring };
}

export function templateFile(setup: MeetingSetup): z.infer<typeof TemplateFileSchema> {
  return { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, setup };
}
