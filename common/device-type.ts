// Tencent Meeting's device types, sent as `instanceid` / `instance_id` (reference §6.3, docs/tencent-api.md).
// A desktop tool sends 1 (PC) or 2 (Mac); the others exist so an admin can match what another client reports.
import { fieldProblem } from './input-text';
import { valid, type Validated } from './validation';

/** Every documented value with its name (older doc pages list only 1–8). */
export const DEVICE_TYPES: ReadonlyMap<number, string> = new Map([
  [0, 'PSTN'],
  [1, 'PC'],
  [2, 'Mac'],
  [3, 'Android'],
  [4, 'iOS'],
  [5, 'Web'],
  [6, 'iPad'],
  [7, 'Android Pad'],
  [8, 'Mini Program'],
  [9, 'VoIP/SIP device'],
  [10, 'Linux'],
  [20, 'Rooms for Touch Windows'],
  [21, 'Rooms for Touch macOS'],
  [22, 'Rooms for Touch Android'],
  [30, 'Controller for Touch Windows'],
  [32, 'Controller for Touch Android'],
  [33, 'Controller for Touch iOS'],
]);

/** A device type as typed ("1", " 2 "): one of DEVICE_TYPES, else an error listing them. */
export function parseDeviceType(input: string, field = 'instance'): Validated<number> {
  const text = input.trim().slice(0, 40);
  const value = /^\d{1,3}$/.test(text) ? Number(text) : undefined;
  if (value !== undefined && DEVICE_TYPES.has(value)) return valid(value);
  const list = [...DEVICE_TYPES].map(([n, name]) => `${n} ${name}`).join(', ');
  return fieldProblem(
    field,
    `"${text}" 不是腾讯会议的设备类型；可用：${list}（默认 1 = PC）`,
    `"${text}" is not a Tencent Meeting device type; use one of ${list} (default 1 = PC)`,
  );
}
