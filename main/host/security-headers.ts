/**
 * The Content-Security-Policy and companion headers sent with every response of either host.
 * No inline script, no eval, nothing from the network: the kiosk loads only what it ships.
 */
function policy(scriptSources: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ');
}

export const contentSecurityPolicy = policy("'self'");

/**
 * The PDF.js worker's script, as Vite names it (`pdfjs-dist/build/pdf.worker.min.mjs?url` in
 * `renderer/reader/pdf-document.ts`). A dedicated worker runs under the policy of its own script's
 * response, so this one response may let WebAssembly compile: PDF.js's JPEG 2000, JBIG2 and colour
 * decoders are WebAssembly, and without them a JPEG 2000 scan's page takes 70 times as long. The page,
 * and every other script, keeps the policy above: no WebAssembly, no eval.
 */
const pdfWorkerScript = /^\/assets\/pdf\.worker\.min-[\w-]+\.mjs$/;

export const pdfWorkerContentSecurityPolicy = policy("'self' 'wasm-unsafe-eval'");

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
  'X-Frame-Options': 'DENY',
};

const pdfWorkerHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  'Content-Security-Policy': pdfWorkerContentSecurityPolicy,
};

/** The policy of the response to `pathname` (the URL's path, still percent-encoded). */
export function contentSecurityPolicyFor(pathname: string): string {
  return pdfWorkerScript.test(pathname) ? pdfWorkerContentSecurityPolicy : contentSecurityPolicy;
}

/** The headers of the response to `pathname`: `securityHeaders`, with the PDF.js worker's own policy. */
export function securityHeadersFor(pathname: string): Readonly<Record<string, string>> {
  return pdfWorkerScript.test(pathname) ? pdfWorkerHeaders : securityHeaders;
}
