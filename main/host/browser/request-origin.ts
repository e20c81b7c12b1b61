/**
 * Tells requests made by the kiosk's own page from requests another page on this machine makes
 * to the loopback host. Another port on 127.0.0.1 counts as the same *site* (so a SameSite cookie
 * travels with it); only the same *origin* is the kiosk.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** Returns why a request to the API or the content store must be refused, or undefined when it is the kiosk's own. */
export function foreignRequestReason(headers: IncomingHttpHeaders, origin: string): string | undefined {
  const requestOrigin = headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== origin)
    return `Requests from ${requestOrigin} are not accepted.`;
  // Chromium labels every request; a plain <img> or <a> from another page sends no Origin but does say where it came from.
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `Requests from another page (${site}) are not accepted.`;
  }
  return undefined;
}
