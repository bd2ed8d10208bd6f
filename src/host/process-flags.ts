/**
 * V8 flags for the process that runs the host, in each way it runs: the desktop app's host process
 * (electron/main.ts), serve mode (package.json, scripts/start.mjs) and the bench. V8 grows the
 * young generation to 2 × 16 MB for throughput and keeps it; the host's allocations are bursts of
 * small messages, and capped at 2 × 4 MB the meeting bench ends about 20 MB lower with acks no
 * slower (docs/performance.md). The heap is sized when the process starts, so these can only be
 * given at launch.
 */
export const HOST_V8_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
