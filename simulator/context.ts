// What a request handler gets: the parsed request and the simulator's state at the moment it arrived.
import type { CallBook } from './calls';
import type { MeetingBook } from './meeting-book';
import type { ListCursors } from './meeting-list';
import type { SeedMeeting, SeedRoom, SimulatorCredentials } from './types';

export interface HandlerContext {
  readonly credentials: SimulatorCredentials;
  readonly meetings: readonly SeedMeeting[];
  /** Live meeting state: status and who is in each meeting. */
  readonly book: MeetingBook;
  readonly rooms: readonly SeedRoom[];
  readonly roomsById: ReadonlyMap<string, SeedRoom>;
  readonly calls: CallBook;
  readonly listCursors: ListCursors;
  /** room-call answers carry `status` (2 inviting / 5 failed, §8.2); false: only invite_id, as the older service. */
  readonly roomCallAnswersStatus: boolean;
  /** clock(): drives call and meeting state. */
  readonly nowMs: number;
  /** clock() + clockOffsetMs: the server's wall clock (timestamps it shows). */
  readonly serverNowMs: number;
}

export interface RequestData {
  readonly method: string;
  /** Raw path without the query. */
  readonly path: string;
  /** Raw query without the `?` ("" when none). */
  readonly rawQuery: string;
  readonly body: Buffer;
  /** Path parameters, e.g. meeting_id of /v1/meetings/{meeting_id} (still percent-encoded). */
  readonly params: Readonly<Record<string, string>>;
}

/** Returns the JSON body of a 200 answer, or throws a SimError. */
export type Handler = (request: RequestData, context: HandlerContext) => unknown;
