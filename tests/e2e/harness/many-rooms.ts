// A large, realistic address book for the UI benchmark: Chinese and English names (so pinyin search has work to
// do), locations, groups, tags, all three protocols, some favourites and last outcomes. Written straight into the
// store file before the store opens: adding 10,000 rooms one by one would rewrite the file 10,000 times. Also the
// few named rooms of an e2e scenario (roomsFromSpecs).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { roomSchema, type Room } from '../../../common/store-schema';
import { roomsDocument } from '../../../main/store/defaults';

const BUILDINGS = ['总部大楼', '研发中心', '深圳分公司', '北京办公室', 'Shanghai Tower', 'Innovation Park'];
const KINDS = ['会议室', '培训室', '洽谈室', '多功能厅', 'Board room', 'Huddle room', '视频会议室'];
const NAMES = ['长江', '黄河', '泰山', '华山', '昆仑', '珠峰', '西湖', '漓江', 'Aurora', 'Summit', 'Harbor', 'Maple'];
const GROUPS = ['行政', '研发', '销售', '市场', 'Executive', 'Training', ''];
const TAGS = ['大屏', '4K', '双屏', '录播', 'VIP', '临时', 'ptz'];
const OUTCOMES = ['joined', 'rejected', 'no_answer', 'failed', 'cancelled'];

function uuidFor(i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

/** A scenario's few SIP/H.323 rooms, in order: ids 1, 2, … and floors 2F, 3F, … (what the screenshots show). */
export function roomsFromSpecs(
  specs: readonly { readonly name: string; readonly kind: 'sip' | 'h323'; readonly address: string }[],
): Room[] {
  const at = '2026-11-01T08:00:00.000Z';
  return specs.map((spec, i) =>
    roomSchema.parse({
      id: uuidFor(i + 1),
      name: spec.name,
      location: `${i + 2}F`,
      group: '',
      tags: [],
      notes: '',
      favorite: false,
      callable: true,
      createdAt: at,
      updatedAt: at,
      kind: spec.kind,
      address: spec.address,
    }),
  );
}

export function generateRooms(count: number, at = new Date('2026-11-01T08:00:00.000Z')): Room[] {
  const time = at.toISOString();
  const rooms: Room[] = [];
  for (let i = 0; i < count; i++) {
    const floor = (i % 30) + 1;
    const base = {
      id: uuidFor(i + 1),
      name: `${pick(NAMES, i)}${pick(KINDS, Math.floor(i / 12))} ${floor}F-${String(i).padStart(5, '0')}`,
      location: `${pick(BUILDINGS, Math.floor(i / 7))} ${floor} 楼`,
      group: pick(GROUPS, Math.floor(i / 5)),
      tags: i % 3 === 0 ? [pick(TAGS, i), pick(TAGS, i + 3)] : [],
      notes: '',
      favorite: i % 250 === 0,
      callable: true,
      createdAt: time,
      updatedAt: time,
      ...(i % 4 === 0 ? { lastDialedAt: time, lastOutcome: pick(OUTCOMES, i) } : {}),
    };
    const kind = i % 3;
    const room: Room =
      kind === 0
        ? { ...base, kind: 'sip', address: `room${i}@sip.example.com` }
        : kind === 1
          ? { ...base, kind: 'h323', address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }
          : { ...base, kind: 'rooms', meetingRoomId: String(2_489_000_000 + i) };
    rooms.push(roomSchema.parse(room));
  }
  return rooms;
}

/** Writes the address book file (config.rooms.json) with `rooms` into `storeDir` (the folder startAppBackend opens). */
export function writeStoreWithRooms(storeDir: string, rooms: readonly Room[]): void {
  writeFileSync(path.join(storeDir, 'config.rooms.json'), JSON.stringify(roomsDocument(rooms)));
}
