// When the store's folder cannot be used: a save refused by the file system (a read-only or locked-down folder,
// a full disk, a folder where a file should be). The error names the folder and the problem in both languages and
// carries the folder's path, so the window can offer to open it; anything that is not a file-system failure is a
// bug and is rethrown as it is.
import path from 'node:path';
import type { Localized } from '../../common/locale';

export type StoreProblem = 'permission' | 'not-a-file' | 'not-a-folder' | 'disk-full' | 'io';

const PROBLEM_OF_CODE: Readonly<Record<string, StoreProblem>> = {
  EACCES: 'permission',
  EPERM: 'permission',
  EROFS: 'permission',
  EISDIR: 'not-a-file',
  ENOTDIR: 'not-a-folder',
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EIO: 'io',
  EBUSY: 'io',
  EMFILE: 'io',
  ENFILE: 'io',
  ELOOP: 'io',
  ENAMETOOLONG: 'io',
};

/** The file-system failure behind `error`, or undefined when it is something else (a bug, a schema violation). */
export function storeProblemOf(error: unknown): { problem: StoreProblem; code: string } | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return undefined;
  const problem = PROBLEM_OF_CODE[code];
  return problem === undefined ? undefined : { problem, code };
}

export type StoreOperation = 'read' | 'write';

function whatFailed(
  problem: StoreProblem,
  operation: StoreOperation,
  file: string,
  folder: string,
  code: string,
): { readonly zh: string; readonly en: string } {
  switch (problem) {
    case 'permission':
      return operation === 'write'
        ? {
            zh: `没有写入文件夹 ${folder} 的权限（或该文件夹为只读）`,
            en: `no permission to write in the folder ${folder} (or the folder is read-only)`,
          }
        : { zh: `没有读取 ${file} 的权限`, en: `no permission to read ${file}` };
    case 'not-a-file':
      return {
        zh: `${file} 是一个文件夹，不是 Room Dialer 的数据文件`,
        en: `${file} is a folder, not Room Dialer's data file`,
      };
    case 'not-a-folder':
      return {
        zh: `${file} 是一个文件，而 Room Dialer 需要在这里使用文件夹`,
        en: `${file} is a file, where Room Dialer needs a folder`,
      };
    case 'disk-full':
      return { zh: `文件夹 ${folder} 所在的磁盘已满`, en: `the disk holding the folder ${folder} is full` };
    case 'io':
      return { zh: `读写 ${file} 时出错（${code}）`, en: `${file} could not be read or written (${code})` };
  }
}

const FIXES: Readonly<Record<StoreProblem, { readonly zh: string; readonly en: string }>> = {
  permission: {
    zh: '请让管理员为当前账户授予该文件夹的读写权限（或取消只读）',
    en: 'ask an administrator to give your account read and write permission on that folder (or clear its read-only setting)',
  },
  'not-a-file': { zh: '请把这个文件夹改名或移走', en: 'rename or move that folder away' },
  'not-a-folder': { zh: '请把这个文件改名或移走', en: 'rename or move that file away' },
  'disk-full': { zh: '请释放一些磁盘空间', en: 'free some disk space' },
  io: { zh: '请检查磁盘和该文件夹', en: 'check the disk and that folder' },
};

/** The next step for a problem, as a clause ("free some disk space") to put into a sentence. */
export function fixFor(problem: StoreProblem): { readonly zh: string; readonly en: string } {
  return FIXES[problem];
}

const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * A save the file system refused, or any save once the store started without its files (`sinceStart`). Explains
 * itself the way main/ipc/ expects (kind, code, explain()); `path` is the folder to open.
 */
export class StoreWriteError extends Error {
  override readonly name = 'StoreWriteError';
  readonly kind = 'storage';
  readonly code: string;
  /** The folder the operator (or the window's "open folder") should look at; carried to the window as `path`. */
  readonly path: string;

  constructor(
    readonly problem: StoreProblem,
    readonly operation: StoreOperation,
    /** The file (or folder) at fault. */
    readonly file: string,
    /** The operating system's code (EACCES, EISDIR…), for support. */
    readonly systemCode: string,
    /** True when the store runs in memory because it could not use its files at start. */
    readonly sinceStart = false,
  ) {
    const folder = path.dirname(file);
    super(`${operation} ${file}: ${systemCode}`);
    this.code = sinceStart ? 'store_not_saving' : `store_${problem.replace(/-/g, '_')}`;
    this.path = folder;
  }

  /** What went wrong, without the next step (the start notice words that itself). */
  describe(): Localized {
    const { zh, en } = whatFailed(this.problem, this.operation, this.file, this.path, this.systemCode);
    return { 'zh-CN': zh, 'en-US': en };
  }

  explain(): { readonly message: Localized; readonly hint: Localized } {
    const what = this.describe();
    const fix = fixFor(this.problem);
    if (this.sinceStart) {
      return {
        message: {
          'zh-CN': `Room Dialer 没有保存这项更改：启动时${what['zh-CN']}，因此本次运行不保存任何更改`,
          'en-US': `Room Dialer did not save this change: at start, ${what['en-US']}, so nothing is saved while it runs`,
        },
        hint: {
          'zh-CN': `${fix.zh}，然后重新启动 Room Dialer`,
          'en-US': `${capitalised(fix.en)}, then restart Room Dialer`,
        },
      };
    }
    return {
      message: { 'zh-CN': `无法保存：${what['zh-CN']}`, 'en-US': `Could not save: ${what['en-US']}` },
      hint: {
        'zh-CN': `这项更改没有保存。${fix.zh}，然后重试`,
        'en-US': `This change was not saved. ${capitalised(fix.en)}, then try again`,
      },
    };
  }
}

/** Runs a file operation on `file`; a file-system failure becomes a StoreWriteError, anything else is rethrown. */
export function guardFile<T>(operation: StoreOperation, file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const known = storeProblemOf(error);
    if (known) throw new StoreWriteError(known.problem, operation, file, known.code);
    throw error;
  }
}
