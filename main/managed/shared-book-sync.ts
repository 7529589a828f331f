// Keeping the desk's address book in step with IT's shared book: at start the last good copy (kept in the user-data
// folder with its ETag) is applied, then a fresh copy is asked for, and again every `refreshMinutes` while the app
// runs. A copy that cannot be fetched or read, or that does not parse, changes nothing: the notice names the book
// and the problem, and the last good copy stays in force.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SHARED_BOOK_LIMITS, type SharedAddressBookConfig } from '../../common/managed-config';
import type { Localized } from '../../common/locale';
import type { FetchLike } from '../api/client';
import type { Log } from '../log';
import type { AppStore } from '../store/app-store';
import { writeFileAtomically } from '../store/store-file';
import type { ManagedNotice } from './load-policy';
import { bookFormatOf, parseSharedBook, type BookFormat } from './shared-book';
import { fetchSharedBook, readSharedBookFile, shownUrl, type BookFetch } from './shared-book-source';

export const SHARED_BOOK_CACHE_FILE = 'managed.address-book.json';
const FETCH_TIMEOUT_MS = 20_000;

/** The last copy that parsed, as fetched (so its ETag still describes it). */
interface KeptCopy {
  readonly source: string;
  readonly format: BookFormat;
  readonly etag?: string;
  readonly savedAt: string;
  readonly text: string;
}

export interface SharedBookSyncOptions {
  readonly book: SharedAddressBookConfig;
  readonly store: AppStore;
  /** Electron's net.fetch in the app. */
  readonly fetch: FetchLike;
  /** app.getPath('userData'): where the last good copy is kept. */
  readonly userDataDir: string;
  readonly log: Log;
  readonly now: () => Date;
  readonly timeoutMs?: number;
}

export type RefreshResult = 'updated' | 'unchanged' | 'failed';

export class SharedBookSync {
  private kept: KeptCopy | undefined;
  private problem: ManagedNotice | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<RefreshResult> | undefined;
  private readonly cachePath: string;
  private readonly format: BookFormat;
  /** The URL (without its query) or the path, as messages and the window show it. */
  readonly source: string;

  constructor(private readonly options: SharedBookSyncOptions) {
    this.cachePath = path.join(options.userDataDir, SHARED_BOOK_CACHE_FILE);
    this.format = bookFormatOf(options.book);
    this.source = options.book.url !== undefined ? shownUrl(options.book.url) : (options.book.path ?? '');
  }

  /** The problem of the latest refresh, if it failed; undefined once a refresh worked. */
  currentProblem(): ManagedNotice | undefined {
    return this.problem;
  }

  /** When the copy in force was fetched or read (UTC ISO); null before the first good copy. */
  updatedAt(): string | null {
    return this.kept?.savedAt ?? null;
  }

  /** Applies the last good copy (when it is of this book), so the desk has IT's rooms even offline. */
  async applyKeptCopy(): Promise<void> {
    const kept = await this.readKeptCopy();
    if (!kept) return;
    const parsed = parseSharedBook(kept.text, kept.format);
    if (!parsed.ok) return;
    this.kept = kept;
    this.syncStore(parsed.rooms);
  }

  /** One refresh at a time; a second call while one runs gets the same result. Never throws. */
  refresh(): Promise<RefreshResult> {
    this.running ??= this.refreshOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Refreshes every refreshMinutes (default 60; 0: never), without keeping the process alive. */
  startTimer(): void {
    const minutes = this.options.book.refreshMinutes ?? SHARED_BOOK_LIMITS.defaultRefreshMinutes;
    if (minutes <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.refresh(), minutes * 60_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async refreshOnce(): Promise<RefreshResult> {
    const { book } = this.options;
    const fetched: BookFetch =
      book.url !== undefined
        ? await fetchSharedBook(
            book.url,
            this.options.fetch,
            this.kept?.etag,
            this.options.timeoutMs ?? FETCH_TIMEOUT_MS,
          )
        : await readSharedBookFile(book.path ?? '');
    if (fetched.kind === 'not-modified') {
      this.problem = undefined;
      this.options.log.info('managed: shared address book unchanged', { source: this.source });
      return 'unchanged';
    }
    if (fetched.kind === 'failed') return this.fail(fetched.why);
    const parsed = parseSharedBook(fetched.text, this.format);
    if (!parsed.ok) return this.fail(parsed.why);
    if (!this.syncStore(parsed.rooms)) return 'failed';
    const copy: KeptCopy = {
      source: this.source,
      format: this.format,
      ...(fetched.etag === undefined ? {} : { etag: fetched.etag }),
      savedAt: this.options.now().toISOString(),
      text: fetched.text,
    };
    this.kept = copy;
    this.problem = undefined;
    try {
      writeFileAtomically(this.cachePath, JSON.stringify(copy));
    } catch (error) {
      this.options.log.warn('managed: last good copy of the shared address book not saved', {
        code: (error as NodeJS.ErrnoException).code,
      });
    }
    return 'updated';
  }

  /** Merges the rooms into the store; a store that cannot write is a problem like an unreachable book. */
  private syncStore(rooms: Parameters<AppStore['syncManagedRooms']>[0]): boolean {
    try {
      const summary = this.options.store.syncManagedRooms(rooms);
      this.options.log.info('managed: shared address book applied', { source: this.source, ...summary });
      return true;
    } catch (error) {
      const why = (error instanceof Error ? error.message : String(error)).slice(0, 200);
      this.fail({ 'zh-CN': `无法写入通讯录（${why}）`, 'en-US': `the address book could not be saved (${why})` });
      return false;
    }
  }

  private fail(why: Localized): 'failed' {
    const kept = this.kept;
    const rest: Localized = kept
      ? {
          'zh-CN': `继续使用 ${kept.savedAt} 获取的上一份副本（${this.cachePath}）。`,
          'en-US': `Room Dialer goes on with the copy from ${kept.savedAt} (${this.cachePath}).`,
        }
      : {
          'zh-CN': '还没有可用的副本：通讯录中暂时只有本机添加的会议室。',
          'en-US': "No copy has been kept yet: the address book holds only this desk's own rooms for now.",
        };
    this.problem = {
      message: {
        'zh-CN': `IT 部门的共享通讯录 ${this.source} 无法使用：${why['zh-CN']}。${rest['zh-CN']}`,
        'en-US': `IT's shared address book ${this.source} could not be used: ${why['en-US']}. ${rest['en-US']}`,
      },
      path: this.source,
    };
    this.options.log.warn('managed: shared address book not refreshed', {
      source: this.source,
      why: why['en-US'],
      keptCopy: kept?.savedAt ?? null,
    });
    return 'failed';
  }

  private async readKeptCopy(): Promise<KeptCopy | undefined> {
    try {
      const copy = JSON.parse(await readFile(this.cachePath, 'utf8')) as Partial<KeptCopy>;
      if (copy.source !== this.source || typeof copy.text !== 'string' || typeof copy.savedAt !== 'string') {
        return undefined;
      }
      if (copy.format !== 'csv' && copy.format !== 'json') return undefined;
      return {
        source: copy.source,
        format: copy.format,
        ...(typeof copy.etag === 'string' ? { etag: copy.etag } : {}),
        savedAt: copy.savedAt,
        text: copy.text,
      };
    } catch {
      return undefined;
    }
  }
}
