/** What the preload exposes to pages as `window.rostrumShell`: small, typed, no raw IPC. */
export interface DisplayInfo {
  id: number;
  label: string;
  width: number;
  height: number;
  primary: boolean;
  /** The projector window is on this display now. */
  current: boolean;
}

export interface ShellApi {
  listDisplays(): Promise<DisplayInfo[]>;
  moveDisplayWindow(displayId: number): Promise<void>;
}

export const IPC = { listDisplays: 'shell:listDisplays', moveDisplayWindow: 'shell:moveDisplayWindow' } as const;
