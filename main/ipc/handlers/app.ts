// app:info and shell:open-external. Links open in the system browser only when they are https and go to one of the
// allowlisted hosts (Tencent's help and documentation pages): the window must not be able to launch arbitrary URLs
// or local programs through the main process.
import { fieldIpcError } from '../../../common/ipc-error';
import { OperatorFailure } from '../../../common/operator-error';
import type { HandlerContext } from './context';
import type { HandlersFor } from '../types';

/** Where the app's error hints and help texts link to. Exact host names: no subdomains, no look-alikes. */
export const DEFAULT_EXTERNAL_HOSTS: readonly string[] = [
  'meeting.tencent.com',
  'cloud.tencent.com',
  'cloud.tencent.cn',
];

// ipc/errors.ts's validationFailure, spelled out: checkExternalUrl also guards the Electron entry's navigation
// handlers (shell/external-links.ts), and ../errors brings the vault and zod into that thin entry with it.
function refuse(why: { zh: string; en: string }) {
  return new OperatorFailure(
    fieldIpcError({
      field: 'url',
      message: { 'zh-CN': `url：${why.zh}`, 'en-US': `url: ${why.en}` },
    }),
  );
}

/** The URL to open, normalised, or a 'validation' failure naming `url`. */
export function checkExternalUrl(text: string, hosts: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse({ zh: '不是有效的网址', en: 'is not a valid URL' });
  }
  if (url.protocol !== 'https:')
    throw refuse({ zh: '只能打开 https:// 链接', en: 'only https:// links can be opened' });
  if (url.username !== '' || url.password !== '') {
    throw refuse({ zh: '链接不能包含用户名或密码', en: 'must not contain a user name or password' });
  }
  if (!hosts.includes(url.hostname)) {
    throw refuse({
      zh: `只能打开腾讯会议帮助页面（${hosts.join('、')}）`,
      en: `only Tencent Meeting help pages can be opened (${hosts.join(', ')})`,
    });
  }
  return url.href;
}

export function appHandlers(ctx: HandlerContext): HandlersFor<'app:info' | 'shell:open-external'> {
  return {
    'app:info': () => ctx.appInfo(),
    'shell:open-external': async ({ url }) => {
      await ctx.openExternal(checkExternalUrl(url, ctx.externalHosts));
      return null;
    },
  };
}
