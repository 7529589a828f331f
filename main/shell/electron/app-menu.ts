// Installs the application menu in the operator's language; called again when the language setting changes.
import { app, Menu, shell } from 'electron';
import type { Locale } from '../../../common/locale';
import type { Log } from '../../log';
import { buildMenuTemplate } from '../menu';

export interface AppMenuOptions {
  readonly dev: boolean;
  readonly openExternal: (url: string) => Promise<void>;
  readonly logFilePath: () => string;
  readonly log: Log;
}

export function installAppMenu(locale: Locale, options: AppMenuOptions): void {
  const template = buildMenuTemplate({
    locale,
    dev: options.dev,
    platform: process.platform,
    appName: app.name,
    openHelp: (url) => {
      void options.openExternal(url).catch((error: unknown) => options.log.warn('could not open help', { error }));
    },
    openLogFolder: () => shell.showItemInFolder(options.logFilePath()),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
