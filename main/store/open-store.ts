// Opening the store's files (their names: storePaths). In order:
//   1. temp files left by an interrupted write are removed (stale-temp.ts);
//   2. each file is read and checked here first, before the backend library sees it; one that is not JSON, fails
//      its schema, or comes from a newer app version is MOVED ASIDE to <name>.<why>-<UTC time>.json with its bytes
//      untouched and that part starts empty, with a notice carrying the backup path: nothing is silently wiped;
//   3. a version-1 config.json (everything in one file) is COPIED to config.v1-<time>.json, then split: rooms,
//      history, and finally the new config.json, so an interrupted upgrade simply runs again;
//   4. only then are the backends (electron-store / conf) created, on files they will accept. The room sets file
//      is optional (missing = no sets): its backend is created when the first set is saved, not at every start.
// When the folder cannot be used (read-only, a folder named config.json) the store still opens, with what it could
// read, in memory, and refuses every save with an error naming the folder (open-context.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  roomSetsDocumentSchema,
  roomsDocumentSchema,
  settingsDocumentSchema,
  type LastDial,
  type Room,
  type RoomSet,
  type RoomSetsDocument,
  type RoomsDocument,
  type SettingsDocument,
  type StoreData,
} from '../../common/store-schema';
import { DEFAULT_PROFILE } from '../../common/credentials';
import type { StoreBackend, StoreBackendFactory, StoreBackendOptions } from './backend';
import { copyAside, moveAside } from './backup';
import { confSchemaOptions } from './conf-schema';
import { defaultSettingsDocument, roomSetsDocument, roomsDocument } from './defaults';
import { HistoryLog, SEGMENT_NAME } from './history-log';
import { LastDialLog } from './last-dial';
import { activeProfileOf } from './profiles';
import { upgradedNotice, type StoreFileKind, type StoreNotice } from './notices';
import { OpenContext } from './open-context';
import { removeStaleTemps } from './stale-temp';
import { guardFile, type StoreWriteError } from './store-errors';
import { inspectJsonFile, parseJsonText, writeJsonAtomically, type ParsedFile } from './store-file';
import { readRoomSetsDocument, readRoomsDocument, upgradeConfig, type SplitStore } from './upgrade';

/** The store's files: config.json, the history folder, and the first profile's book (BookPaths). */
export interface StorePaths extends BookPaths {
  readonly folder: string;
  /** `<name>.json`: settings, recent meetings and the profiles. */
  readonly settings: string;
  /** `<name>.history/`: call history segments. */
  readonly history: string;
}

/** `configName` is "config" in the app and "demo" for npm run demo, so the two never share a file. */
export function storePaths(cwd: string, configName: string): StorePaths {
  const folder = path.resolve(cwd);
  return {
    folder,
    settings: path.join(folder, `${configName}.json`),
    history: path.join(folder, `${configName}.history`),
    // The first profile's book: the files of the version before profiles.
    ...bookPaths(cwd, bookStem(configName, DEFAULT_PROFILE)),
  };
}

/** One JSON document the store rewrites whole, through its backend. */
export interface DocumentFile {
  readonly path: string;
  /** Validates and writes atomically; throws StoreWriteError when the file system refuses. */
  write(document: StoreData): void;
}

export interface OpenedFiles {
  readonly paths: StorePaths;
  readonly settings: SettingsDocument;
  readonly settingsFile: DocumentFile;
  /** The address book of the profile in use. */
  readonly book: OpenedBook;
  readonly history: HistoryLog;
  readonly notices: readonly StoreNotice[];
}

function backendFile(backend: StoreBackend): DocumentFile {
  return {
    path: backend.path,
    write: (document) =>
      guardFile('write', backend.path, () => {
        backend.store = document;
      }),
  };
}

function refusingFile(filePath: string, error: StoreWriteError): DocumentFile {
  return {
    path: filePath,
    write: () => {
      throw error;
    },
  };
}

function isStoreFileName(paths: StorePaths): (name: string) => boolean {
  const names = new Set([paths.settings, paths.rooms, paths.lastDial, paths.sets].map((file) => path.basename(file)));
  return (name) => names.has(name);
}

/**
 * A file's document (and its parsed text), or undefined when it is missing, unreadable (then moved aside) or could
 * not be read at all.
 */
function readDocument<T>(
  ctx: OpenContext,
  kind: StoreFileKind,
  file: string,
  read: (json: unknown) => T,
): { readonly value: T; readonly parsed: ParsedFile } | undefined {
  const state = ctx.read(file, () => inspectJsonFile(file, read));
  if (state?.kind === 'unreadable') ctx.setAside(kind, file, state.reason, state.detail, state.version);
  return state?.kind === 'readable' ? state : undefined;
}

/**
 * Step 3 for the address book and settings: the v1 file is kept as it was, files an earlier interrupted upgrade (or
 * a restored backup) left are moved aside, and config.json is written last.
 */
function writeSplit(ctx: OpenContext, paths: StorePaths, split: { from: number; parts: SplitStore }): () => void {
  let backupPath = '';
  ctx.write(paths.settings, () => (backupPath = copyAside(paths.settings, `v${split.from}`, ctx.at)));
  for (const file of [paths.rooms, paths.lastDial, paths.history]) {
    ctx.write(file, () => {
      if (existsSync(file)) moveAside(file, 'replaced', ctx.at);
    });
  }
  ctx.write(paths.rooms, () => writeJsonAtomically(paths.rooms, split.parts.rooms));
  // The history is written by HistoryLog.open between these two steps; config.json, the commit point, comes last.
  return () => {
    if (ctx.write(paths.settings, () => writeJsonAtomically(paths.settings, split.parts.settings))) {
      ctx.notice(upgradedNotice(split.from, backupPath));
    }
  };
}

interface BackendSpec {
  readonly kind: StoreFileKind;
  readonly file: string;
  readonly schema: z.ZodType;
  /** What the backend writes when the file does not exist yet. */
  readonly defaults: StoreData;
  /** What the part starts from when the backend refused the file. */
  readonly empty: StoreData;
  /** The file as this module just read it: the backend's own first read of it is not parsed again. */
  readonly parsed: ParsedFile | undefined;
}

/** conf's options for one file, with `defaults` as what it writes when the file does not exist. */
function backendOptions(
  spec: Pick<BackendSpec, 'file' | 'schema' | 'parsed'>,
): (defaults: StoreData) => StoreBackendOptions {
  // conf reads and checks the file once more as it opens; parsing 5 MB twice is wasted time, checking it is not.
  let known = spec.parsed;
  const deserialize = (text: string): StoreData => {
    const same = known !== undefined && known.text === text;
    const json = same ? known!.json : parseJsonText(text);
    known = undefined;
    return json as StoreData;
  };
  return (defaults) => ({
    ...confSchemaOptions(spec.schema),
    cwd: path.dirname(spec.file),
    configName: path.basename(spec.file, '.json'),
    defaults,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
    deserialize,
  });
}

/**
 * A file that does not exist yet and may never be needed (the room sets): its backend is created at the first
 * write, with that document as its content, and writes through it from then on.
 */
function backendOnFirstWrite(factory: StoreBackendFactory, file: string, schema: z.ZodType): DocumentFile {
  let opened: DocumentFile | undefined;
  return {
    path: file,
    write: (document) => {
      opened ??= backendFile(
        guardFile('write', file, () => factory(backendOptions({ file, schema, parsed: undefined })(document))),
      );
      opened.write(document);
    },
  };
}

/**
 * The backend for one file. When its own check refuses a file ours accepted, that file is moved aside and the
 * part starts from `spec.empty` (`reset`). Undefined when the file system refused: writing has stopped.
 */
function openBackend(
  ctx: OpenContext,
  factory: StoreBackendFactory,
  spec: BackendSpec,
): { file: DocumentFile; reset: boolean } | undefined {
  const options = backendOptions(spec);
  let backend: StoreBackend | undefined;
  let reset = false;
  try {
    if (!ctx.write(spec.file, () => (backend = factory(options(spec.defaults))))) return undefined;
  } catch (error) {
    if (!existsSync(spec.file)) throw error;
    // The backend's own check refused a file ours accepted (or the file changed meanwhile). Keep it, start clean.
    const why = error instanceof Error ? error.message.slice(0, 300) : String(error);
    ctx.setAside(spec.kind, spec.file, 'invalid', { 'zh-CN': why, 'en-US': why }, undefined);
    reset = true;
    if (!ctx.write(spec.file, () => (backend = factory(options(spec.empty))))) return undefined;
  }
  const opened = backend as StoreBackend;
  if (path.resolve(opened.path) !== spec.file) {
    throw new Error(`store backend uses ${opened.path}, expected ${spec.file}: check the factory passes cwd and name`);
  }
  return { file: backendFile(opened), reset };
}

/** `room` with the latest dial from the log when it is newer than the one the address book file holds. */
function withLastDial(room: Room, dial: LastDial | undefined): Room {
  if (dial === undefined) return room;
  if (room.lastDialedAt !== undefined && Date.parse(room.lastDialedAt) > Date.parse(dial.at)) return room;
  return { ...room, lastDialedAt: dial.at, lastOutcome: dial.outcome };
}

/**
 * One profile's address book (common/profiles.ts): `<stem>.rooms.json`, `<stem>.sets.json` and
 * `<stem>.last-dial.jsonl`, where the stem is the store's name for the first profile ("default": the files of the
 * version before profiles, used in place) and `<name>.<profile id>` for the others. Schedules follow the same stem
 * (schedules-file.ts).
 */
export function bookStem(configName: string, profileId: string): string {
  return profileId === DEFAULT_PROFILE ? configName : `${configName}.${profileId}`;
}

export interface BookPaths {
  /** `<stem>.rooms.json`: the address book. */
  readonly rooms: string;
  /** `<stem>.sets.json`: the room sets. */
  readonly sets: string;
  /** `<stem>.last-dial.jsonl`: each room's latest dial since the address book file was last written. */
  readonly lastDial: string;
}

export function bookPaths(cwd: string, stem: string): BookPaths {
  const folder = path.resolve(cwd);
  return {
    rooms: path.join(folder, `${stem}.rooms.json`),
    sets: path.join(folder, `${stem}.sets.json`),
    lastDial: path.join(folder, `${stem}.last-dial.jsonl`),
  };
}

/** One profile's address book and room sets, opened. */
export interface OpenedBook {
  readonly paths: BookPaths;
  /** With each room's latest dial applied. */
  readonly rooms: readonly Room[];
  readonly roomsFile: DocumentFile;
  readonly sets: readonly RoomSet[];
  readonly setsFile: DocumentFile;
  readonly lastDial: LastDialLog;
}

/**
 * Reads and opens a book's files (steps 2 and 4 above). `given`: the rooms the v1 split just wrote, instead of the
 * file. Files the context's folder refuses to write come back refusing every save.
 */
function openBook(
  ctx: OpenContext,
  factory: StoreBackendFactory,
  paths: BookPaths,
  given?: { readonly rooms: readonly Room[] },
): OpenedBook {
  const names = new Set([paths.rooms, paths.sets, paths.lastDial].map((file) => path.basename(file)));
  removeStaleTemps(path.dirname(paths.rooms), (name) => names.has(name));
  let rooms: readonly Room[];
  let roomsParsed: ParsedFile | undefined;
  if (given) rooms = given.rooms;
  else {
    const roomsFile = readDocument<RoomsDocument>(ctx, 'rooms', paths.rooms, readRoomsDocument);
    rooms = roomsFile?.value.rooms ?? [];
    roomsParsed = roomsFile?.parsed;
  }
  const setsRead = readDocument<RoomSetsDocument>(ctx, 'sets', paths.sets, readRoomSetsDocument);
  let sets: readonly RoomSet[] = setsRead?.value.sets ?? [];
  const { log: lastDial, latest } = LastDialLog.open(paths.lastDial, ctx);
  rooms = rooms.map((room) => withLastDial(room, latest.get(room.id)));

  const roomsBackend = openBackend(ctx, factory, {
    kind: 'rooms',
    file: paths.rooms,
    schema: roomsDocumentSchema,
    defaults: roomsDocument(rooms),
    empty: roomsDocument(),
    parsed: roomsParsed,
  });
  if (roomsBackend?.reset) rooms = [];
  // Opened now only when there is a file to check; otherwise at the first save (no empty file on every start).
  const setsBackend = setsRead
    ? openBackend(ctx, factory, {
        kind: 'sets',
        file: paths.sets,
        schema: roomSetsDocumentSchema,
        defaults: roomSetsDocument(sets),
        empty: roomSetsDocument(),
        parsed: setsRead.parsed,
      })
    : undefined;
  if (setsBackend?.reset) sets = [];

  const blocked = ctx.blocked;
  if (blocked) lastDial.stopWriting(blocked);
  return {
    paths,
    rooms,
    roomsFile: fileOf(blocked, roomsBackend, paths.rooms),
    sets,
    setsFile: blocked
      ? refusingFile(paths.sets, blocked)
      : (setsBackend?.file ?? backendOnFirstWrite(factory, paths.sets, roomSetsDocumentSchema)),
    lastDial,
  };
}

function fileOf(
  blocked: StoreWriteError | undefined,
  opened: { file: DocumentFile } | undefined,
  file: string,
): DocumentFile {
  if (blocked) return refusingFile(file, blocked);
  if (opened) return opened.file;
  throw new Error('unreachable: a backend that did not open stops writing');
}

/**
 * Opens another profile's book while the app runs (a profile switch, a copy of rooms into it), with the same checks
 * as at start: a bad file is moved aside with a notice, never wiped.
 */
export function openProfileBook(options: {
  readonly cwd: string;
  readonly configName: string;
  readonly profileId: string;
  readonly backend: StoreBackendFactory;
  readonly now: () => Date;
}): { readonly book: OpenedBook; readonly notices: readonly StoreNotice[] } {
  const paths = bookPaths(options.cwd, bookStem(options.configName, options.profileId));
  const ctx = new OpenContext(options.now);
  const book = openBook(ctx, options.backend, paths);
  return { book, notices: ctx.finish() };
}

export function openStoreFiles(options: {
  readonly cwd: string;
  readonly configName: string;
  readonly backend: StoreBackendFactory;
  readonly now: () => Date;
}): OpenedFiles {
  const paths = storePaths(options.cwd, options.configName);
  const ctx = new OpenContext(options.now);
  removeStaleTemps(paths.folder, isStoreFileName(paths));
  removeStaleTemps(paths.history, (name) => SEGMENT_NAME.test(name));

  let settings = defaultSettingsDocument();
  const configFile = readDocument(ctx, 'settings', paths.settings, upgradeConfig);
  const config = configFile?.value;
  let history: HistoryLog;
  let splitRooms: { readonly rooms: readonly Room[] } | undefined;
  if (config?.kind === 'split') {
    settings = config.parts.settings;
    splitRooms = { rooms: config.parts.rooms.rooms };
    const finishSplit = writeSplit(ctx, paths, config);
    history = HistoryLog.open(paths.history, settings.settings.historyLimit, ctx, config.parts.history);
    finishSplit();
  } else {
    if (config?.kind === 'current') settings = config.document;
    history = HistoryLog.open(paths.history, settings.settings.historyLimit, ctx);
  }

  const settingsBackend = openBackend(ctx, options.backend, {
    kind: 'settings',
    file: paths.settings,
    schema: settingsDocumentSchema,
    defaults: settings,
    empty: defaultSettingsDocument(),
    parsed: config?.kind === 'current' ? configFile?.parsed : undefined,
  });
  if (settingsBackend?.reset) settings = defaultSettingsDocument();
  // The profile in use when the app last ran; a v1 split is always the first profile's (v1 had no others).
  const active = activeProfileOf(settings);
  const book = openBook(ctx, options.backend, bookPaths(options.cwd, bookStem(options.configName, active)), splitRooms);

  const blocked = ctx.blocked;
  if (blocked) history.stopWriting(blocked);
  return {
    paths,
    settings,
    settingsFile: fileOf(blocked, settingsBackend, paths.settings),
    book,
    history,
    notices: ctx.finish(),
  };
}
