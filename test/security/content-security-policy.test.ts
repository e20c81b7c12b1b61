/**
 * The page's Content-Security-Policy, byte for byte, and the one exception: the PDF.js worker's script may
 * compile WebAssembly, and nothing else may. The hosts' tests check that each response carries these.
 */
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  contentSecurityPolicyFor,
  pdfWorkerContentSecurityPolicy,
  securityHeaders,
  securityHeadersFor,
} from '../../main/host/security-headers.ts';
import { pdfWorkerPath } from './pdf-worker-path.ts';

/** The policy every page has had since the first release; a change to it must change this test. */
const pagePolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "media-src 'self' blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'; frame-src 'none'";

const directives = (policy: string) =>
  new Map(policy.split('; ').map((part) => [part.split(' ')[0]!, part.split(' ').slice(1)] as const));

describe('the Content-Security-Policy', () => {
  it('is the same for the page as before, byte for byte', () => {
    expect(contentSecurityPolicy).toBe(pagePolicy);
    expect(securityHeaders['Content-Security-Policy']).toBe(pagePolicy);
  });

  it('adds only WebAssembly to the PDF.js worker’s script, and neither eval nor anything else', () => {
    const page = directives(pagePolicy);
    const worker = directives(pdfWorkerContentSecurityPolicy);
    expect([...worker.keys()]).toEqual([...page.keys()]);
    for (const [name, values] of page) {
      expect(worker.get(name), name).toEqual(name === 'script-src' ? [...values, "'wasm-unsafe-eval'"] : values);
    }
    expect(securityHeadersFor(pdfWorkerPath)).toEqual({
      ...securityHeaders,
      'Content-Security-Policy': pdfWorkerContentSecurityPolicy,
    });
  });

  it.each([
    '/',
    '/index.html',
    '/assets/index-abc123.js',
    '/assets/pdf.worker.min-CIqJB0yW.mjs.map',
    '/assets/pdf.worker.min-CIqJB0yW.js',
    '/assets/pdf.worker-CIqJB0yW.mjs',
    '/other/assets/pdf.worker.min-CIqJB0yW.mjs',
    '/assets/pdf.worker.min-../../index.mjs',
    '/assets/pdf.worker.min-a%2f..%2fb.mjs',
    '/assets/x/pdf.worker.min-CIqJB0yW.mjs',
    '/content/pdf.worker.min-CIqJB0yW.mjs',
    '/pdfjs/wasm/openjpeg.wasm',
  ])('keeps the page’s policy for %s', (pathname) => {
    expect(contentSecurityPolicyFor(pathname)).toBe(pagePolicy);
    expect(securityHeadersFor(pathname)).toBe(securityHeaders);
  });
});
