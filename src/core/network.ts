import { z } from 'zod';
import { IntegrationStatusSchema } from './integration';

/** Which of the laptop's networks phones and stage screens may reach the host on. */
export const InterfaceChoiceSchema = z.enum(['wifi', 'cable', 'all']);
export type InterfaceChoice = z.infer<typeof InterfaceChoiceSchema>;

/** What kind of network an interface is, judged by its name (the OS says no more). */
export type InterfaceKind = 'wifi' | 'cable' | 'other';

/**
 * The host's network setting: whether other devices may connect (the LAN), on which interface,
 * and the fixed port the printed QR cards point at. Port 0 (any free port) is for tests.
 */
export const NetworkSettingSchema = z
  .object({
    lan: z.boolean(),
    interface: InterfaceChoiceSchema,
    port: z.number().int().min(0).max(65535),
  })
  .strict();
export type NetworkSetting = z.infer<typeof NetworkSettingSchema>;

export const DEFAULT_PORT = 4317;
export const DEFAULT_NETWORK: NetworkSetting = { lan: false, interface: 'all', port: DEFAULT_PORT };

/** Where the host runs: the desktop app's own process, inside the app (its fallback), or serve mode. */
export const HostRunsSchema = z.enum(['utility', 'in-app', 'serve']);
export type HostRuns = z.infer<typeof HostRunsSchema>;

/** Something the host could not do as set, said in the person's language by the view. */
export const NetworkProblemSchema = z.discriminatedUnion('code', [
  /** The port asked for was in use; the host listens on `got` instead. */
  z.object({ code: z.literal('port-taken'), wanted: z.number().int(), got: z.number().int() }),
  /** The chosen interface has no address now (Wi-Fi off, cable out): phones cannot reach the host. */
  z.object({ code: z.literal('interface-missing'), interface: InterfaceChoiceSchema }),
  /** A change could not be applied (e.g. no free port); the host kept listening as before. */
  z.object({ code: z.literal('not-applied'), message: z.string() }),
]);
export type NetworkProblem = z.infer<typeof NetworkProblemSchema>;

/** The host's network as the control view shows it (host role only: it carries the display key). */
export const NetworkStatusSchema = z.object({
  setting: NetworkSettingSchema,
  /** The port the host listens on now (the setting's, or the next free one). */
  port: z.number().int(),
  runs: HostRunsSchema,
  /** The setting is kept for the next start (desktop app); in serve mode it comes from the flags. */
  remembered: z.boolean(),
  interfaces: z.array(z.object({ name: z.string(), kind: z.enum(['wifi', 'cable', 'other']), address: z.string(), served: z.boolean() })),
  /** Where phones and stage screens reach the host now, best first; empty when they cannot. */
  lan: z.array(z.object({ origin: z.string(), phoneUrl: z.string(), stageUrl: z.string(), phoneQr: z.string(), stageQr: z.string() })),
  problems: z.array(NetworkProblemSchema),
  /** The integration key and its OSC input (control surfaces). */
  integration: IntegrationStatusSchema,
});
export type NetworkStatus = z.infer<typeof NetworkStatusSchema>;
