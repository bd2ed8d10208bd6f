/** What the host answers to GET /api/v1/meetings: the meetings folder as the control view shows it. */
export interface MeetingListing {
  /** The file of the meeting open now. */
  current: string;
  meetings: MeetingEntry[];
  templates: TemplateEntry[];
}

export interface MeetingEntry {
  /** The file's name in the meetings folder: what Open asks for. */
  file: string;
  title: string;
  modifiedWall: number;
  /** When this host last opened it; null: never (copied in by hand). */
  openedWall: number | null;
}

export interface TemplateEntry {
  file: string;
  title: string;
  slots: number;
  reviewers: number;
}
