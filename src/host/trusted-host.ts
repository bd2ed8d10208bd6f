/** What this machine answers to: its port, and the names and addresses that reach it (besides loopback). */
export interface OwnHost {
  port: number;
  /** The LAN addresses the host serves on and the machine's own names, as in a URL's host (no port). */
  names: readonly string[];
}

const LOOPBACK_V4 = /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Loopback by name or address: these always reach this machine and no other. */
const isLoopbackName = (hostname: string): boolean => hostname === 'localhost' || hostname === '[::1]' || LOOPBACK_V4.test(hostname);

/** A `Host` header (or an origin's host) taken apart, or null when it is not a plain host[:port]. */
function hostPart(text: string): { hostname: string; port: number } | null {
  let url: URL;
  try {
    url = new URL(`http://${text}`);
  } catch {
    return null;
  }
  // Anything more than host[:port] (a path, a user, a query) is not a Host header.
  if (url.host !== text.toLowerCase() && `${url.hostname}:${url.port || 80}` !== text.toLowerCase()) return null;
  return { hostname: url.hostname, port: Number(url.port || 80) };
}

/**
 * Whether a request is for this machine, or the reason it is not. A web page whose name an
 * attacker rebinds to 127.0.0.1 (DNS rebinding) sends its own name as `Host`: only this machine's
 * names and addresses are answered. A browser's `Origin`, when there is one, must be this same host,
 * so another site's page cannot drive this one even with a key it learnt.
 */
export function hostRefusal(headers: { host?: string | undefined; origin?: string | undefined }, own: OwnHost): string | null {
  const host = headers.host === undefined ? null : hostPart(headers.host);
  if (host === null) return 'the Host header is missing or malformed';
  if (host.port !== own.port) return `port ${host.port} is not this host's port`;
  if (!isLoopbackName(host.hostname) && !own.names.includes(host.hostname)) return `"${host.hostname}" is not a name of this machine`;
  if (headers.origin === undefined) return null;
  let origin: URL;
  try {
    origin = new URL(headers.origin);
  } catch {
    return 'the Origin header is malformed';
  }
  if (origin.protocol !== 'http:' || origin.hostname !== host.hostname || Number(origin.port || 80) !== host.port) return `a page from ${headers.origin} may not call this host`;
  return null;
}
