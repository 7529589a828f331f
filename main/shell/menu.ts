// The application menu as a template, in the operator's language. Electron's own role labels are English outside
// macOS, so every item carries its label here. Reload and developer tools exist only in `npm run dev`: in the
// packaged app a reload would drop the live call view while calls are ringing.
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../common/locale';
import { HELP_LINKS } from './external-links';

export interface MenuOptions {
  readonly locale: Locale;
  /** True in `npm run dev` (ELECTRON_RENDERER_URL set). */
  readonly dev: boolean;
  readonly platform: NodeJS.Platform;
  /** "Room Dialer"; the first menu's title on macOS. */
  readonly appName: string;
  /** Opens an allowlisted help page in the system browser (the caller re-checks the allowlist). */
  readonly openHelp: (url: string) => void;
  /** Opens the folder with the log files, for support; left out when unknown. */
  readonly openLogFolder?: () => void;
}

const LABELS = {
  'zh-CN': {
    about: '关于 Room Dialer',
    services: '服务',
    hide: '隐藏 Room Dialer',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
    quit: '退出',
    file: '文件',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    forceReload: '强制重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    togglefullscreen: '切换全屏',
    window: '窗口',
    minimize: '最小化',
    zoom: '缩放',
    front: '全部置于顶层',
    close: '关闭窗口',
    help: '帮助',
    meetingHelp: '腾讯会议帮助中心',
    apiDocs: '腾讯会议 API 文档',
    logFolder: '打开日志文件夹',
  },
  'en-US': {
    about: 'About Room Dialer',
    services: 'Services',
    hide: 'Hide Room Dialer',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    quit: 'Quit',
    file: 'File',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    forceReload: 'Force Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    togglefullscreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    close: 'Close Window',
    help: 'Help',
    meetingHelp: 'Tencent Meeting Help Centre',
    apiDocs: 'Tencent Meeting API Documentation',
    logFolder: 'Open Log Folder',
  },
} as const satisfies Record<Locale, Record<string, string>>;

type Labels = (typeof LABELS)[Locale];
type Role = NonNullable<MenuItemConstructorOptions['role']>;
/** Roles whose label has the same key as the role. */
type LabelledRole = Extract<Role, keyof Labels>;
const separator: MenuItemConstructorOptions = { type: 'separator' };

/** Electron's role items, each with our label; null stands for a separator. */
function roleItems(t: Labels, roles: readonly (LabelledRole | null)[]): MenuItemConstructorOptions[] {
  return roles.map((role) => (role === null ? separator : { role, label: t[role] }));
}

function appMenu(t: Labels, appName: string): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: roleItems(t, ['about', null, 'services', null, 'hide', 'hideOthers', 'unhide', null, 'quit']),
  };
}

function viewMenu(t: Labels, dev: boolean): MenuItemConstructorOptions {
  const devRoles: (LabelledRole | null)[] = dev ? ['reload', 'forceReload', 'toggleDevTools', null] : [];
  return {
    label: t.view,
    submenu: roleItems(t, [...devRoles, 'resetZoom', 'zoomIn', 'zoomOut', null, 'togglefullscreen']),
  };
}

function helpMenu(t: Labels, options: MenuOptions): MenuItemConstructorOptions {
  const logItems: MenuItemConstructorOptions[] = options.openLogFolder
    ? [separator, { label: t.logFolder, click: options.openLogFolder }]
    : [];
  return {
    role: 'help',
    label: t.help,
    submenu: [
      { label: t.meetingHelp, click: () => options.openHelp(HELP_LINKS.meetingHelp) },
      { label: t.apiDocs, click: () => options.openHelp(HELP_LINKS.apiDocs) },
      ...logItems,
    ],
  };
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[options.locale];
  const mac = options.platform === 'darwin';
  return [
    mac ? appMenu(t, options.appName) : { label: t.file, submenu: roleItems(t, ['quit']) },
    { label: t.edit, submenu: roleItems(t, ['undo', 'redo', null, 'cut', 'copy', 'paste', 'selectAll']) },
    viewMenu(t, options.dev),
    {
      role: 'window',
      label: t.window,
      submenu: roleItems(t, mac ? ['minimize', 'zoom', null, 'front'] : ['minimize', 'close']),
    },
    helpMenu(t, options),
  ];
}
