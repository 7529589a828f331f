// The bookkeeping of opening the store: the notices gathered on the way, and whether the store can write at all.
// The first file-system failure (a read-only folder, a folder where a file should be) stops every later write:
// the store then starts with what it could read, in memory, and refuses to save until the folder is fixed, instead
// of not starting. Files it could not read are left exactly where they are.
import type { Localized } from '../../common/locale';
import { copyAside, moveAside } from './backup';
import {
  movedAsideNotice,
  notSavingNotice,
  repairedNotice,
  type LeftInPlace,
  type StoreFileKind,
  type StoreNotice,
} from './notices';
import { storeProblemOf, StoreWriteError, type StoreOperation } from './store-errors';
import { writeFileAtomically } from './store-file';
import type { UnreadableReason } from './upgrade';

const BACKUP_LABEL: Record<UnreadableReason, (version: number | undefined) => string> = {
  unparseable: () => 'corrupt',
  invalid: () => 'corrupt',
  'newer-version': (version) => (version === undefined ? 'newer' : `newer-v${version}`),
};

export class OpenContext {
  private readonly notices: StoreNotice[] = [];
  private readonly leftInPlace: LeftInPlace[] = [];
  private cause: StoreWriteError | undefined;
  private stamp: Date | undefined;

  constructor(private readonly now: () => Date) {}

  /** The time backups are named after: read once, when the first one is made. */
  get at(): Date {
    this.stamp ??= this.now();
    return this.stamp;
  }

  /** Set once a file-system failure stopped writing: what every save throws from then on. */
  get blocked(): StoreWriteError | undefined {
    const cause = this.cause;
    return cause && new StoreWriteError(cause.problem, cause.operation, cause.file, cause.systemCode, true);
  }

  private attempt<T>(operation: StoreOperation, file: string, run: () => T): { ok: true; value: T } | { ok: false } {
    try {
      return { ok: true, value: run() };
    } catch (error) {
      const known = storeProblemOf(error);
      if (!known) throw error;
      this.cause ??= new StoreWriteError(known.problem, operation, file, known.code);
      return { ok: false };
    }
  }

  /** Runs a read. A file-system failure stops all writing and gives undefined: that data starts empty. */
  read<T>(file: string, run: () => T): T | undefined {
    const result = this.attempt('read', file, run);
    return result.ok ? result.value : undefined;
  }

  /** Runs a write unless writing has stopped; a file-system failure stops it. True when the write happened. */
  write(file: string, run: () => void): boolean {
    if (this.cause) return false;
    return this.attempt('write', file, run).ok;
  }

  notice(notice: StoreNotice): void {
    this.notices.push(notice);
  }

  /** Keeps an unusable file under a backup name and says so; when that cannot be done it stays where it is. */
  setAside(
    kind: StoreFileKind,
    file: string,
    reason: UnreadableReason,
    detail: Localized,
    version: number | undefined,
  ): void {
    let backupPath = '';
    if (this.write(file, () => (backupPath = moveAside(file, BACKUP_LABEL[reason](version), this.at)))) {
      this.notices.push(movedAsideNotice(kind, reason, detail, backupPath));
    } else {
      this.leftInPlace.push({ file: kind, path: file, detail });
    }
  }

  /** A JSON Lines file with unreadable lines: a copy of it as it was, then `text` (its good lines) in its place. */
  repair(kind: StoreFileKind, file: string, badLines: number, text: string): void {
    let backupPath = '';
    const done = this.write(file, () => {
      if (badLines > 0) backupPath = copyAside(file, 'corrupt', this.at);
      writeFileAtomically(file, text);
    });
    if (done && badLines > 0) this.notices.push(repairedNotice(kind, badLines, backupPath));
  }

  /** Every notice, the "not saving" one first when writing stopped. */
  finish(): StoreNotice[] {
    return this.cause ? [notSavingNotice(this.cause, this.leftInPlace), ...this.notices] : [...this.notices];
  }
}
