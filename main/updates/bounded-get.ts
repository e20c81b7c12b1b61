/**
 * One GET of a small file (the feed, its signature, a manifest) that is never read past `maxBytes`: a declared
 * length above it is refused before the body, and a body that runs past it (no length, or a lying one) is cut
 * off there. Conditional headers make an unchanged feed cost a few hundred bytes.
 */
import { FeedError } from './feed-error.ts';

export interface BoundedAnswer {
  status: number;
  etag: string | undefined;
  lastModified: string | undefined;
  /** Empty for a 304. */
  body: Buffer;
}

export interface GetOptions {
  maxBytes: number;
  headers?: Record<string, string>;
  /** The whole request, headers and body; a stalled server fails here. */
  timeoutMs?: number;
}

export async function boundedGet(url: string, options: GetOptions): Promise<BoundedAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 60_000);
  try {
    let response: Response;
    try {
      response = await fetch(url, { headers: options.headers ?? {}, signal: controller.signal, redirect: 'error' });
    } catch (error) {
      throw new FeedError('unreachable', `${url}: ${describe(error)}`);
    }
    const answer = {
      status: response.status,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
    if (response.status === 304) {
      await response.body?.cancel();
      return { ...answer, body: Buffer.alloc(0) };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new FeedError('http-error', `${url}: the server answered ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > options.maxBytes) {
      controller.abort();
      throw new FeedError('too-large', `${url} is ${declared} bytes, more than the ${options.maxBytes} allowed`);
    }
    const chunks: Uint8Array[] = [];
    let length = 0;
    try {
      for await (const chunk of response.body ?? []) {
        length += chunk.byteLength;
        if (length > options.maxBytes) {
          controller.abort();
          throw new FeedError('too-large', `${url} runs past the ${options.maxBytes} bytes allowed`);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof FeedError) throw error;
      throw new FeedError('unreachable', `${url}: the connection broke after ${length} bytes (${describe(error)})`);
    }
    return { ...answer, body: Buffer.concat(chunks) };
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
