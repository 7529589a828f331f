// What the operator is told after the store opened: a file moved aside, an upgrade, unreadable lines left out, or
// a folder the store cannot write to. In both languages, naming the file or folder support will ask about.
import type { Localized } from '../../common/locale';
import { CURRENT_SCHEMA_VERSION } from '../../common/store-schema';
import { fixFor, type StoreProblem, type StoreWriteError } from './store-errors';
import type { UnreadableReason } from './upgrade';

/** Which of the store's files a notice is about. */
export type StoreFileKind = 'settings' | 'rooms' | 'history' | 'last-dial' | 'sets';

export type StoreNotice =
  | {
      readonly kind: 'moved-aside';
      readonly file: StoreFileKind;
      readonly reason: UnreadableReason;
      readonly detail: Localized;
      readonly backupPath: string;
      readonly message: Localized;
    }
  | { readonly kind: 'upgraded'; readonly from: number; readonly backupPath: string; readonly message: Localized }
  | {
      readonly kind: 'repaired';
      readonly file: StoreFileKind;
      readonly badLines: number;
      readonly backupPath: string;
      readonly message: Localized;
    }
  | {
      /** The store runs in memory: nothing is saved until the folder is fixed and Room Dialer restarted. */
      readonly kind: 'not-saving';
      readonly problem: StoreProblem;
      /** The folder to open and fix. */
      readonly folder: string;
      /** The file or folder at fault (nothing was moved: there is no backup in this case). */
      readonly backupPath: string;
      readonly message: Localized;
    };

const FILES: Readonly<Record<StoreFileKind, { label: Localized; startsWith: Localized }>> = {
  settings: {
    label: { 'zh-CN': '设置文件', 'en-US': 'The settings file' },
    startsWith: { 'zh-CN': '默认设置', 'en-US': 'default settings' },
  },
  rooms: {
    label: { 'zh-CN': '通讯录文件', 'en-US': 'The address book file' },
    startsWith: { 'zh-CN': '空通讯录', 'en-US': 'an empty address book' },
  },
  history: {
    label: { 'zh-CN': '一个通话记录文件', 'en-US': 'A call history file' },
    startsWith: { 'zh-CN': '不含其中通话的记录', 'en-US': 'the history without the calls in it' },
  },
  'last-dial': {
    label: { 'zh-CN': '各会议室上次通话结果的文件', 'en-US': "The file of each room's last call outcome" },
    startsWith: { 'zh-CN': '空的上次通话结果', 'en-US': 'no last outcomes shown' },
  },
  sets: {
    label: { 'zh-CN': '会议室组文件', 'en-US': 'The room sets file' },
    startsWith: { 'zh-CN': '没有会议室组', 'en-US': 'no room sets' },
  },
};

export function movedAsideNotice(
  file: StoreFileKind,
  reason: UnreadableReason,
  detail: Localized,
  backupPath: string,
): StoreNotice {
  const { label, startsWith } = FILES[file];
  const message: Localized =
    reason === 'newer-version'
      ? {
          'zh-CN': `${label['zh-CN']}来自更新版本的 Room Dialer（${detail['zh-CN']}）。为免丢失数据，它已原样移到 ${backupPath}。本次以${startsWith['zh-CN']}启动；升级 Room Dialer 后可恢复该文件。`,
          'en-US': `${label['en-US']} comes from a newer Room Dialer (${detail['en-US']}). To keep its data safe it was moved, unchanged, to ${backupPath}. Room Dialer started with ${startsWith['en-US']}; update Room Dialer to use that file again.`,
        }
      : {
          'zh-CN': `${label['zh-CN']}无法读取（${detail['zh-CN']}），已原样移到 ${backupPath}。本次以${startsWith['zh-CN']}启动；原内容仍在该备份文件中，可交给技术支持恢复。`,
          'en-US': `${label['en-US']} could not be read (${detail['en-US']}). It was moved, unchanged, to ${backupPath}. Room Dialer started with ${startsWith['en-US']}; the old content is still in that backup for support to recover.`,
        };
  return { kind: 'moved-aside', file, reason, detail, backupPath, message };
}

export function upgradedNotice(from: number, backupPath: string): StoreNotice {
  return {
    kind: 'upgraded',
    from,
    backupPath,
    message: {
      'zh-CN': `通讯录、设置和通话记录已从旧格式（数据版本 ${from}）升级到版本 ${CURRENT_SCHEMA_VERSION}，现分开保存；升级前的文件保存在 ${backupPath}。`,
      'en-US': `The address book, settings and call history were upgraded from data version ${from} to ${CURRENT_SCHEMA_VERSION} and are now kept in separate files; the file as it was is kept at ${backupPath}.`,
    },
  };
}

export function repairedNotice(file: StoreFileKind, badLines: number, backupPath: string): StoreNotice {
  const { label } = FILES[file];
  return {
    kind: 'repaired',
    file,
    badLines,
    backupPath,
    message: {
      'zh-CN': `${label['zh-CN']}中有 ${badLines} 行无法读取（写入被中断或被手工修改），已略去；原文件保存在 ${backupPath}。`,
      'en-US': `${label['en-US']} had ${badLines} unreadable line(s) (a write cut short, or a hand edit), which were left out; the file as it was is kept at ${backupPath}.`,
    },
  };
}

/** A file that could not be read, and could not be moved aside either: it stays where it is, untouched. */
export interface LeftInPlace {
  readonly file: StoreFileKind;
  readonly path: string;
  readonly detail: Localized;
}

export function notSavingNotice(cause: StoreWriteError, leftInPlace: readonly LeftInPlace[]): StoreNotice {
  const what = cause.describe();
  const fix = fixFor(cause.problem);
  const kept = leftInPlace.map(({ file, path, detail }) => ({
    'zh-CN': `${FILES[file].label['zh-CN']} ${path} 无法读取（${detail['zh-CN']}），已保持原样，本次以${FILES[file].startsWith['zh-CN']}启动。`,
    'en-US': `${FILES[file].label['en-US']} ${path} could not be read (${detail['en-US']}); it was left as it is and Room Dialer started with ${FILES[file].startsWith['en-US']}.`,
  }));
  return {
    kind: 'not-saving',
    problem: cause.problem,
    folder: cause.path,
    backupPath: cause.file,
    message: {
      'zh-CN': `Room Dialer 无法使用数据文件夹：${what['zh-CN']}。${kept.map((k) => k['zh-CN']).join('')}本次运行的更改只保存在内存中，不会写入磁盘。请${fix.zh}，然后重新启动 Room Dialer。`,
      'en-US': `Room Dialer cannot use its data folder: ${what['en-US']}. ${kept.map((k) => `${k['en-US']} `).join('')}Changes made now are kept in memory only and are not saved. Please ${fix.en}, then restart Room Dialer.`,
    },
  };
}
