// The application menu template, per language, platform and mode.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { allowedExternalUrl, HELP_LINKS } from '../../main/shell/external-links';
import { buildMenuTemplate, type MenuOptions } from '../../main/shell/menu';

function template(overrides: Partial<MenuOptions> = {}) {
  const opened: string[] = [];
  let logFolderOpened = 0;
  const menu = buildMenuTemplate({
    locale: 'en-US',
    dev: false,
    platform: 'win32',
    appName: 'Room Dialer',
    openHelp: (url) => opened.push(url),
    openLogFolder: () => (logFolderOpened += 1),
    ...overrides,
  });
  return { menu, opened, logFolderOpened: () => logFolderOpened };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

/** Every item, depth first. */
function allItems(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...allItems(submenu(item))]);
}

const roles = (menu: MenuItemConstructorOptions[]) => allItems(menu).flatMap((item) => (item.role ? [item.role] : []));

/** A fake click: the template's click handlers ignore their arguments. */
function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  it('has File, Edit, View, Window and Help in English', () => {
    const { menu } = template();
    expect(menu.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(submenu(menu[1]).map((item) => item.role ?? item.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('is all Chinese in zh-CN, with every item labelled (Electron would show English role labels)', () => {
    const { menu } = template({ locale: 'zh-CN' });
    expect(menu.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    for (const item of allItems(menu)) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item.role)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('offers reload and developer tools only in dev', () => {
    const devOnly = ['reload', 'forceReload', 'toggleDevTools'];
    const production = roles(template().menu);
    for (const role of devOnly) expect(production).not.toContain(role);
    const dev = roles(template({ dev: true }).menu);
    for (const role of devOnly) expect(dev).toContain(role);
    expect(production).toContain('zoomIn');
    expect(production).toContain('togglefullscreen');
  });

  it('uses the macOS app menu and window roles on macOS', () => {
    const { menu } = template({ platform: 'darwin', locale: 'zh-CN' });
    expect(menu[0]?.label).toBe('Room Dialer');
    expect(submenu(menu[0]).map((item) => item.role ?? item.type)).toEqual([
      'about',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(roles([menu[3]!])).toEqual(['window', 'minimize', 'zoom', 'front']);
    expect(roles([template({ platform: 'linux' }).menu[3]!])).toEqual(['window', 'minimize', 'close']);
  });

  it('Help opens the allowlisted Tencent pages and the log folder', () => {
    const { menu, opened, logFolderOpened } = template();
    const help = submenu(menu[4]);
    expect(help.map((item) => item.label)).toEqual([
      'Tencent Meeting Help Centre',
      'Tencent Meeting API Documentation',
      undefined,
      'Open Log Folder',
    ]);
    for (const item of help) click(item);
    expect(opened).toEqual([HELP_LINKS.meetingHelp, HELP_LINKS.apiDocs]);
    for (const url of opened) expect(allowedExternalUrl(url)).toBe(url);
    expect(logFolderOpened()).toBe(1);
  });

  it('leaves out the log folder item when there is no way to open it', () => {
    const { menu } = template({ openLogFolder: undefined });
    expect(submenu(menu[4])).toHaveLength(2);
  });
});
