// The app's profile list as the CLI sees it: read-only from the settings file Room Dialer keeps in its userData
// folder, so `--profile "Head office"` means what it means in the window's header. The CLI never writes that file
// (the app may be running and owns it) and reads only the parts it needs: the profiles, and the desk's endpoint.
import { closeSync, openSync, readSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_PROFILE } from '../../common/credentials';
import { validateEndpoint } from '../../common/endpoint';
import type { Localized } from '../../common/locale';
import { FIRST_PROFILE, type ProfileRecord } from '../../common/profiles';
import { settingsDocumentSchema, settingsSchema } from '../../common/store-schema';
import { BadInput } from './input';

/** Where the settings file is looked for instead of the OS's userData folder (tests; a desk set up elsewhere). */
export const USER_DATA_ENV = 'ROOM_DIALER_USER_DATA';
/**
 * Electron's app.getPath('userData') is <appData>/<app name>, the app name being package.json's productName; the
 * store calls its file config.json (main/shell/compose.ts STORE_NAME). tests/cli checks both stay in step.
 */
export const APP_FOLDER_NAME = 'Room Dialer';
export const SETTINGS_FILE_NAME = 'config.json';
/** config.json holds settings, 20 recent meetings and at most 20 profiles: a few kilobytes. More is not that file. */
const MAX_SETTINGS_BYTES = 256 * 1024;
/** How many profiles an error message lists; the app allows PROFILE_LIMITS.count. */
const LISTED_PROFILES = 10;

/** The settings file of the app on this PC: Electron's userData folder for productName "Room Dialer". */
export function appSettingsPath(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env[USER_DATA_ENV]?.trim();
  if (override) return path.join(override, SETTINGS_FILE_NAME);
  // Electron's appData: %APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config.
  if (platform === 'win32') {
    const appData = env['APPDATA']?.trim() || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER_NAME, SETTINGS_FILE_NAME);
  }
  const appData =
    platform === 'darwin'
      ? path.join(home, 'Library', 'Application Support')
      : env['XDG_CONFIG_HOME']?.trim() || path.join(home, '.config');
  return path.join(appData, APP_FOLDER_NAME, SETTINGS_FILE_NAME);
}

/**
 * The parts of config.json the CLI reads, with the store's own rules for each (common/store-schema.ts); anything
 * else in the file is ignored, so a setting added later does not stop the CLI from finding a profile.
 */
const appProfilesSchema = z.object({
  profiles: settingsDocumentSchema.shape.profiles,
  settings: z.object({ endpoint: settingsSchema.shape.endpoint.optional() }).optional(),
});

export interface AppProfiles {
  readonly file: string;
  /** The app's profiles in menu order; without a file (or a file from before profiles), its first one, "default". */
  readonly profiles: readonly ProfileRecord[];
  /** The desk's settings.endpoint, which profiles without their own use. */
  readonly deskEndpoint: string | undefined;
  /** Why the file there could not be used; the profiles are then the first one only. */
  readonly problem?: Localized;
}

/** Reads `file` once, at most MAX_SETTINGS_BYTES of it; never throws, never writes. */
export function readAppProfiles(file: string): AppProfiles {
  const none = (problem?: Localized): AppProfiles => ({
    file,
    profiles: [FIRST_PROFILE],
    deskEndpoint: undefined,
    ...(problem ? { problem } : {}),
  });
  let text: string;
  try {
    const read = readCapped(file);
    if (read === undefined) return none();
    if (read === 'too-large') {
      return none({
        'zh-CN': `文件超过 ${MAX_SETTINGS_BYTES / 1024} KB，不是 Room Dialer 的设置文件`,
        'en-US': `the file is larger than ${MAX_SETTINGS_BYTES / 1024} KB: not Room Dialer's settings`,
      });
    }
    text = read;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return none({ 'zh-CN': `无法读取（${code}）`, 'en-US': `it cannot be read (${code})` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return none({ 'zh-CN': '内容不是有效的 JSON', 'en-US': 'it is not valid JSON' });
  }
  const parsed = appProfilesSchema.safeParse(json);
  if (!parsed.success) {
    const where = (parsed.error.issues[0]?.path ?? []).map(String).join('.').slice(0, 80) || '(root)';
    return none({
      'zh-CN': `内容不符合设置文件的格式（${where}）`,
      'en-US': `it does not match the settings format (${where})`,
    });
  }
  const endpoint = parsed.data.settings?.endpoint;
  return {
    file,
    // profilesOf (main/store/profiles.ts): a file from before profiles has one, the keychain's "default" account.
    profiles: (parsed.data.profiles ?? [FIRST_PROFILE]).map(normalised),
    deskEndpoint: endpoint === undefined ? undefined : normalisedEndpoint(endpoint),
  };
}

/** Text of the file, undefined when there is none, 'too-large' past the cap. Throws other file system errors. */
function readCapped(file: string): string | 'too-large' | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(MAX_SETTINGS_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_SETTINGS_BYTES) return 'too-large';
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

function normalisedEndpoint(endpoint: string): string {
  const checked = validateEndpoint(endpoint);
  return checked.ok ? checked.value : endpoint;
}

function normalised(profile: ProfileRecord): ProfileRecord {
  return profile.endpoint === undefined ? profile : { ...profile, endpoint: normalisedEndpoint(profile.endpoint) };
}

/** The profile the credentials are taken from, and the endpoint that goes with them unless one is given. */
export interface ProfileChoice {
  readonly id: string;
  /** Its own endpoint, else the desk's; undefined: neither is set. */
  readonly endpoint: string | undefined;
}

/** The words the window shows for the first profile while it has no name of its own (renderer i18n defaultName). */
const UNNAMED_PROFILE_WORDS = ['default', '默认'];

/**
 * `--profile` as typed: a profile's id exactly, else the one profile whose id or display name it is, ignoring case.
 * Without `--profile`, the "default" profile whatever the window has in use: a script's result must not change
 * because an operator switched profiles in the window. Throws BadInput (field "profile") naming the app's profiles.
 */
export function chooseProfile(typed: string | undefined, app: AppProfiles): ProfileChoice {
  const choice = (profile: ProfileRecord | undefined, id: string): ProfileChoice => ({
    id,
    endpoint: profile?.endpoint ?? app.deskEndpoint,
  });
  if (typed === undefined) {
    return choice(
      app.profiles.find((p) => p.id === DEFAULT_PROFILE),
      DEFAULT_PROFILE,
    );
  }
  if (app.problem) throw unreadableSettings(app);
  const word = typed.trim().slice(0, 128);
  const exact = app.profiles.find((p) => p.id === word);
  if (exact) return choice(exact, exact.id);
  const folded = word.toLocaleLowerCase();
  const matches = app.profiles.filter(
    (p) =>
      p.id.toLocaleLowerCase() === folded ||
      p.name.toLocaleLowerCase() === folded ||
      (p.name === '' && UNNAMED_PROFILE_WORDS.includes(folded)),
  );
  if (matches.length === 1) return choice(matches[0], matches[0]!.id);
  throw matches.length === 0 ? unknownProfile(word, app) : ambiguousProfile(word, matches);
}

/** "Head office" (hq), "Default" (default)… at most LISTED_PROFILES of them. */
export function listProfiles(profiles: readonly ProfileRecord[], zh: boolean): string {
  const shown = profiles.slice(0, LISTED_PROFILES).map((p) => {
    const name = p.name === '' ? (zh ? '默认' : 'Default') : p.name;
    return zh ? `“${name}”（${p.id}）` : `"${name}" (${p.id})`;
  });
  const more = profiles.length - shown.length;
  if (more > 0) shown.push(zh ? `另有 ${more} 个` : `${more} more`);
  return shown.join(zh ? '、' : ', ');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function unknownProfile(word: string, app: AppProfiles): BadInput {
  return new BadInput({
    field: 'profile',
    message: {
      'zh-CN': `--profile：没有名为“${clip(word)}”的配置。本机 Room Dialer 的配置：${listProfiles(app.profiles, true)}`,
      'en-US': `--profile: there is no profile "${clip(word)}". Room Dialer's profiles on this PC: ${listProfiles(app.profiles, false)}`,
    },
  });
}

function ambiguousProfile(word: string, matches: readonly ProfileRecord[]): BadInput {
  return new BadInput({
    field: 'profile',
    message: {
      'zh-CN': `--profile：“${clip(word)}”同时对应多个配置：${listProfiles(matches, true)}；请用括号里的 ID`,
      'en-US': `--profile: "${clip(word)}" names more than one profile: ${listProfiles(matches, false)}; give the id in brackets`,
    },
  });
}

function unreadableSettings(app: AppProfiles): BadInput {
  const problem = app.problem!;
  return new BadInput({
    field: 'profile',
    message: {
      'zh-CN': `--profile：无法使用 Room Dialer 的配置列表 ${app.file}：${problem['zh-CN']}。请检查该文件，或用 WEMEET_* 环境变量提供凭据`,
      'en-US': `--profile: Room Dialer's profile list ${app.file} cannot be used: ${problem['en-US']}. Check that file, or give the credentials as WEMEET_* variables`,
    },
  });
}

/** Said on stderr when the CLI goes on with "default" without the file (no --profile was given). */
export function unreadableSettingsWarning(app: AppProfiles): Localized | undefined {
  if (!app.problem) return undefined;
  return {
    'zh-CN': `未使用 Room Dialer 的设置文件 ${app.file}：${app.problem['zh-CN']}；使用配置“default”，不使用应用里设置的服务地址`,
    'en-US': `Room Dialer's settings ${app.file} were not used: ${app.problem['en-US']}; using the profile "default", without the app's endpoint`,
  };
}
