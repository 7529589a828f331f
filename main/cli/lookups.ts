// `meeting` and `rooms`: read-only lookups, printed for people (in the chosen language) or as one JSON object.
import type { Locale, Localized } from '../../common/locale';
import { formatMeetingCode, type MeetingRef } from '../../common/meeting-number';
import { meetingStateLabel } from '../../common/meeting-state';
import type { MeetingInfo } from '../../common/wemeet-types';
import type { WemeetClient } from '../api/client';
import type { Reporter } from './output';

/** The operator account's part in the meeting, which decides whether SIP/H.323 calls are allowed. */
export type OperatorRole = 'host' | 'co_host' | 'none';

export function operatorRole(meeting: MeetingInfo, operatorId: string): OperatorRole {
  if (meeting.hostUserIds.includes(operatorId)) return 'host';
  return meeting.coHostUserIds.includes(operatorId) ? 'co_host' : 'none';
}

function roleLine(role: OperatorRole, operatorId: string): Localized {
  switch (role) {
    case 'host':
      return {
        'zh-CN': `你（${operatorId}）是主持人：可以通过 SIP/H.323 地址呼叫`,
        'en-US': `you (${operatorId}) are host: SIP/H.323 calls allowed`,
      };
    case 'co_host':
      return {
        'zh-CN': `你（${operatorId}）是联席主持人：可以通过 SIP/H.323 地址呼叫`,
        'en-US': `you (${operatorId}) are co-host: SIP/H.323 calls allowed`,
      };
    case 'none':
      return {
        'zh-CN': `你（${operatorId}）不是主持人或联席主持人：SIP/H.323 呼叫会被拒绝，按 Rooms ID 呼叫需要企业管理员或参会成员`,
        'en-US': `you (${operatorId}) are neither host nor co-host: SIP/H.323 calls will be refused; calls by Rooms ID need an enterprise admin or a participant`,
      };
  }
}

/** Start – end in the operator's language and this PC's time zone; the date once when both are on the same day. */
function timeRange(meeting: MeetingInfo, locale: Locale): string {
  const { startTime, endTime } = meeting;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  if (startTime === undefined || endTime === undefined || endTime < startTime) {
    const one = (s: number | undefined) => (s === undefined ? '?' : format.format(s * 1000));
    return `${one(startTime)} – ${one(endTime)}`;
  }
  return format.formatRange(startTime * 1000, endTime * 1000);
}

export async function showMeeting(
  client: WemeetClient,
  ref: MeetingRef,
  operatorId: string,
  reporter: Reporter,
): Promise<void> {
  const m = await client.resolveMeeting(ref);
  const role = operatorRole(m, operatorId);
  const zh = reporter.locale === 'zh-CN';
  const people = (ids: readonly string[]) => ids.join(', ') || (zh ? '无' : 'none');
  const lines = zh
    ? [
        m.subject,
        `  会议号 ${formatMeetingCode(m.meetingCode)}  会议 ID ${m.meetingId}`,
        `  ${timeRange(m, 'zh-CN')}  ${meetingStateLabel(m.status)['zh-CN']}`,
        `  主持人 ${people(m.hostUserIds)}`,
        `  联席主持人 ${people(m.coHostUserIds)}`,
        `  ${roleLine(role, operatorId)['zh-CN']}`,
      ]
    : [
        m.subject,
        `  code ${formatMeetingCode(m.meetingCode)}  meeting ID ${m.meetingId}`,
        `  ${timeRange(m, 'en-US')}  ${meetingStateLabel(m.status)['en-US']}`,
        `  hosts ${people(m.hostUserIds)}`,
        `  co-hosts ${people(m.coHostUserIds)}`,
        `  ${roleLine(role, operatorId)['en-US']}`,
      ];
  reporter.result(
    {
      meeting_id: m.meetingId,
      meeting_code: m.meetingCode,
      subject: m.subject,
      start_time: m.startTime ?? null,
      end_time: m.endTime ?? null,
      status: m.status,
      hosts: m.hostUserIds,
      co_hosts: m.coHostUserIds,
      operator_role: role,
    },
    lines.join('\n'),
  );
}

export async function listRooms(client: WemeetClient, name: string | undefined, reporter: Reporter): Promise<void> {
  const rooms = await client.listMeetingRooms(name ? { name } : {});
  const notCallable = reporter.locale === 'zh-CN' ? '\t(不可呼叫)' : '\t(not callable)';
  const lines = rooms.map((r) => `${r.meetingRoomId}\t${r.name}\t${r.location}${r.isAllowCall ? '' : notCallable}`);
  reporter.result(
    {
      rooms: rooms.map((r) => ({
        meeting_room_id: r.meetingRoomId,
        name: r.name,
        location: r.location,
        status: r.roomStatus ?? null,
        is_allow_call: r.isAllowCall,
      })),
    },
    [...lines, reporter.locale === 'zh-CN' ? `共 ${rooms.length} 个会议室` : `${rooms.length} rooms`].join('\n'),
  );
}
