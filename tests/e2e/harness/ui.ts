// Locators for the operator UI, by role and accessible name in the language on screen, with the texts taken from
// the renderer's own message files so a reworded label does not break the tests (and a missing label does).
// data-testid is used only where there is no accessible name to find (rows of the virtual list, status cells).
import type { Locator, Page } from 'playwright-core';
import type { Locale } from '../../../common/locale';
import enUS from '../../../renderer/src/i18n/en-US';
import zhCN, { type MessageSchema } from '../../../renderer/src/i18n/zh-CN';

export type Messages = MessageSchema;
export const MESSAGES: Readonly<Record<Locale, Messages>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** A vue-i18n message with its {named} parameters filled and {'literal'} parts unquoted. */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\s*(?:'([^']*)'|(\w+))\s*\}/g, (_match, literal: string | undefined, name: string) =>
    literal !== undefined ? literal : String(values[name] ?? `{${name}}`),
  );
}

export class OperatorUi {
  constructor(
    readonly page: Page,
    public locale: Locale = 'zh-CN',
  ) {}

  get m(): Messages {
    return MESSAGES[this.locale];
  }

  tab(name: keyof Messages['app']['tabs']): Locator {
    return this.page.getByRole('tab', { name: this.m.app.tabs[name] });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** One room's row in the dial board's list (a virtual list: only rows on screen exist). */
  dialRow(name: string): Locator {
    return this.page.getByTestId('room-list').locator(`[data-testid="room-row"][data-room-name="${name}"]`);
  }

  bookRow(name: string): Locator {
    return this.page.getByTestId('book-list').locator(`[data-testid="book-row"][data-room-name="${name}"]`);
  }

  /** A room's tile in the live roster: its call into the meeting on screen, with the cause and the next step. */
  rosterTile(name: string): Locator {
    return this.page.getByTestId('live-roster').locator(`[data-testid="roster-tile"][data-room-name="${name}"]`);
  }

  /** The call state of a room on the dial board ("none" before its first call). */
  stateOf(name: string): Locator {
    return this.dialRow(name).getByTestId('room-state');
  }

  dialButton(name: string): Locator {
    return this.page.getByRole('button', { name: fill(this.m.board.dialRoom, { name }), exact: true });
  }

  cancelButton(name: string): Locator {
    return this.page.getByRole('button', { name: fill(this.m.board.cancelCall, { name }), exact: true });
  }

  selectBox(name: string): Locator {
    return this.page.getByRole('checkbox', { name: fill(this.m.board.selectRoom, { name }), exact: true });
  }

  /** Ticks a room's checkbox the way an operator does: Element Plus hides the native input under its label. */
  async select(name: string): Promise<void> {
    const box = this.selectBox(name);
    if (!(await box.isChecked())) await box.locator('xpath=ancestor::label[1]').click();
  }

  /** Types into the dial board's search and waits for nothing: callers wait on what they expect to see. */
  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: this.m.board.search, exact: true }).fill(text);
  }
}
