// Which links may leave the app for the system browser. shell.openExternal hands a URL to the OS, which will
// happily run file:, smb: or custom-scheme handlers, so only https links to Tencent's help sites ever go out.
// One list and one check for the window's navigation handlers, the Help menu and the shell:open-external IPC
// handler alike: the host list and the URL check are the IPC handler's (main/ipc/handlers/app.ts); this adds the
// shell's stricter extras and answers null instead of throwing.
import { checkExternalUrl, DEFAULT_EXTERNAL_HOSTS } from '../ipc/handlers/app';

export const ALLOWED_EXTERNAL_HOSTS = DEFAULT_EXTERNAL_HOSTS;

export const HELP_LINKS = Object.freeze({
  /** 腾讯会议帮助中心 / Tencent Meeting help centre. */
  meetingHelp: 'https://meeting.tencent.com/support/',
  /** The REST API documentation (room calls, error codes). */
  apiDocs: 'https://cloud.tencent.com/document/product/1095',
});

const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * The URL to pass to shell.openExternal (the parser's canonical form, so the OS gets exactly what was checked),
 * or null when it must not be opened: not https, a host not on the list, user info, a non-default port, or
 * unreasonably long.
 */
export function allowedExternalUrl(candidate: unknown): string | null {
  if (typeof candidate !== 'string' || candidate.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let href: string;
  try {
    href = checkExternalUrl(candidate, ALLOWED_EXTERNAL_HOSTS);
  } catch {
    return null;
  }
  return new URL(href).port === '' ? href : null;
}
