// Getting IT's shared address book: over https through the app's fetch (Electron's net.fetch: the system proxy and
// certificate store), asking with If-None-Match so an unchanged book is one 304, or from a file (a share). The last
// copy that parsed is kept in the user-data folder with its ETag (shared-book-cache.ts), so the desk starts and works
// with it whenever the book cannot be reached.
import { readFile, stat } from 'node:fs/promises';
import { SHARED_BOOK_LIMITS } from '../../common/managed-config';
import type { Localized } from '../../common/locale';
import { decodeCsvBytes } from '../../common/csv-cells';
import type { FetchLike } from '../api/client';

export type BookFetch =
  | { readonly kind: 'fresh'; readonly text: string; readonly etag?: string }
  /** 304: the copy kept is still the book. */
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'failed'; readonly why: Localized };

const failed = (zh: string, en: string): BookFetch => ({ kind: 'failed', why: { 'zh-CN': zh, 'en-US': en } });

/** The URL without its query or fragment, for messages and the log (a query may carry an access token). */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.slice(0, 200);
  }
}

function tooLarge(): BookFetch {
  const mib = SHARED_BOOK_LIMITS.maxBytes / 1024 / 1024;
  return failed(`文件过大（最多 ${mib} MiB）`, `it is too large (at most ${mib} MiB)`);
}

/** The body, read up to the cap: a huge or endless answer is cut off, not buffered. */
async function readCapped(response: Response): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > SHARED_BOOK_LIMITS.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > SHARED_BOOK_LIMITS.maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function networkReason(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : undefined;
    const detail = code ?? (typeof cause?.message === 'string' ? cause.message : error.message);
    return detail.slice(0, 200);
  }
  return String(error).slice(0, 200);
}

/**
 * GET `url` with If-None-Match `etag` (only when a copy is kept to fall back on). Never throws: a failure comes back
 * as `failed` with the reason (HTTP status, the network's error code, a redirect away from https, the size cap).
 */
export async function fetchSharedBook(
  url: string,
  fetch: FetchLike,
  etag: string | undefined,
  timeoutMs: number,
): Promise<BookFetch> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'GET',
      headers: {
        Accept: 'application/json, text/csv;q=0.9, */*;q=0.5',
        ...(etag === undefined ? {} : { 'If-None-Match': etag }),
      },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const why = networkReason(error);
    return failed(`无法连接（${why}）`, `it could not be reached (${why})`);
  }
  // A redirect may only lead to another https address: the book decides which rooms get dialed.
  if (response.url !== '' && !response.url.startsWith('https:')) {
    await response.body?.cancel().catch(() => undefined);
    return failed('被重定向到了非 https 地址', 'it redirected to an address that is not https');
  }
  if (response.status === 304 && etag !== undefined) return { kind: 'not-modified' };
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const status = `HTTP ${response.status}`;
    return failed(`服务器回答 ${status}`, `the server answered ${status}`);
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readCapped(response);
  } catch (error) {
    const why = networkReason(error);
    return failed(`下载中断（${why}）`, `the download broke off (${why})`);
  }
  if (!bytes) return tooLarge();
  const tag = response.headers.get('etag');
  return { kind: 'fresh', text: decodeCsvBytes(bytes), ...(tag ? { etag: tag } : {}) };
}

/** A file on this PC or a share. A share that does not answer fails like a server that does not. */
export async function readSharedBookFile(file: string): Promise<BookFetch> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return failed('它不是一个文件', 'it is not a file');
    if (info.size > SHARED_BOOK_LIMITS.maxBytes) return tooLarge();
    return { kind: 'fresh', text: decodeCsvBytes(await readFile(file)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') return failed('文件不存在', 'the file does not exist');
    return failed(`无法读取（${code}）`, `it could not be read (${code})`);
  }
}
