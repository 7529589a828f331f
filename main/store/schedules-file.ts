// config.schedules.json: the saved schedules (common/schedule.ts), checked on read and before every write, written
// whole and atomically (a handful of small records). A file that cannot be read is moved aside with its bytes kept,
// and the app starts without schedules and says so: nothing is silently wiped, and nothing is dialed from a guess.
import path from 'node:path';
import { schedulesDocumentSchema, type Schedule } from '../../common/schedule';
import { moveAside } from './backup';
import { guardFile } from './store-errors';
import { inspectJsonFile, writeJsonAtomically } from './store-file';
import { UnreadableStoreError } from './upgrade';
import { fieldErrorFromZod } from './field-error';

export interface ScheduleFileOpened {
  readonly file: ScheduleFile;
  /** Set when an unreadable file was moved aside: where its bytes are now. */
  readonly movedAside?: string;
}

/** `<folder>/<stem>.schedules.json`: a profile's schedules (open-store.ts bookStem). */
export function schedulesPath(folder: string, stem: string): string {
  return path.join(folder, `${stem}.schedules.json`);
}

export class ScheduleFile {
  private schedules: Schedule[];

  private constructor(
    readonly path: string,
    schedules: readonly Schedule[],
  ) {
    this.schedules = [...schedules];
  }

  /** schedulesPath(folder, stem). */
  static open(folder: string, stem: string, now: () => Date = () => new Date()): ScheduleFileOpened {
    const filePath = schedulesPath(folder, stem);
    const state = inspectJsonFile(filePath, (json) => {
      const parsed = schedulesDocumentSchema.safeParse(json);
      if (!parsed.success)
        throw new UnreadableStoreError('invalid', fieldErrorFromZod(parsed.error, 'schedules').message);
      return parsed.data;
    });
    if (state.kind === 'readable') return { file: new ScheduleFile(filePath, state.value.schedules) };
    if (state.kind === 'missing') return { file: new ScheduleFile(filePath, []) };
    const movedAside = moveAside(filePath, state.reason, now());
    return { file: new ScheduleFile(filePath, []), movedAside };
  }

  listSchedules(): readonly Schedule[] {
    return this.schedules;
  }

  saveSchedule(schedule: Schedule): void {
    const next = this.schedules.some((s) => s.id === schedule.id)
      ? this.schedules.map((s) => (s.id === schedule.id ? schedule : s))
      : [...this.schedules, schedule];
    this.write(next);
  }

  removeSchedule(id: string): void {
    this.write(this.schedules.filter((s) => s.id !== id));
  }

  /** Checks the whole document first; the file and the list change together or not at all. */
  private write(schedules: Schedule[]): void {
    const document = schedulesDocumentSchema.parse({ schemaVersion: 1, schedules });
    guardFile('write', this.path, () => writeJsonAtomically(this.path, document));
    this.schedules = document.schedules as Schedule[];
  }
}
