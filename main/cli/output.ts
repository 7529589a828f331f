// How the CLI speaks: human lines in the operator's language, or exactly one JSON object with --json.
import type { Locale, Localized } from '../../common/locale';
import type { ErrorPayload } from '../api/errors';

/** The documented exit codes (README, USAGE): what a script calling room-dialer can rely on. */
export const EXIT = {
  ok: 0,
  internal: 1,
  badInput: 2,
  api: 3,
  /** A network error or time-out, or a room call whose outcome is unknown. */
  network: 4,
  credentials: 5,
  /** call --wait: the ringing ended without the room joining (rejected, no answer, cancelled, left). */
  notJoined: 6,
} as const;

export interface CliStreams {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export class Reporter {
  constructor(
    private readonly streams: CliStreams,
    readonly json: boolean,
    readonly locale: Locale,
  ) {}

  /** Progress for people; silent in JSON mode so stdout stays one object. */
  progress(text: Localized): void {
    if (!this.json) this.streams.stdout(`${text[this.locale]}\n`);
  }

  warn(text: Localized): void {
    this.streams.stderr(`${this.locale === 'zh-CN' ? '警告' : 'warning'}: ${text[this.locale]}\n`);
  }

  result(data: Record<string, unknown>, human: Localized | string): void {
    if (this.json) this.streams.stdout(`${JSON.stringify(data)}\n`);
    else this.streams.stdout(`${typeof human === 'string' ? human : human[this.locale]}\n`);
  }

  error(payload: ErrorPayload & Readonly<Record<string, unknown>>): void {
    if (this.json) {
      this.streams.stdout(`${JSON.stringify({ error: payload })}\n`);
      return;
    }
    const zh = this.locale === 'zh-CN';
    this.streams.stderr(`${zh ? '错误' : 'error'}: ${payload.message}\n`);
    if (payload.hint) this.streams.stderr(`${zh ? '建议' : 'hint'}: ${payload.hint}\n`);
  }
}
