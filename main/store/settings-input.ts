// Checking a settings change before it is stored: every value is range-checked with a message naming the field,
// and a patch with any bad value changes nothing (the caller stores the result only when it is ok).
import { validateEndpoint } from '../../common/endpoint';
import { RETRY_LIMITS, type RetryPolicy } from '../../common/retry-policy';
import { invalid, valid, type Validated } from '../../common/validation';
import {
  SETTINGS_LIMITS,
  SETTINGS_LOCALES,
  type Settings,
  type SettingsLocale,
  type WindowBounds,
} from '../../common/store-schema';

export type SettingsPatch = Partial<Settings>;

const SETTINGS_FIELDS = [
  'locale',
  'pollIntervalMs',
  'maxConcurrentDials',
  'instanceId',
  'endpoint',
  'window',
  'historyLimit',
  'batchConfirmAbove',
  'requestsPerMinute',
  'retry',
  'otherHosts',
] as const;

function wholeNumber(
  value: unknown,
  field: string,
  range: { readonly min: number; readonly max: number },
  unit: { readonly zh: string; readonly en: string } = { zh: '', en: '' },
): Validated<number> {
  if (typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max) {
    return valid(value);
  }
  return invalid(field, {
    'zh-CN': `${field}：必须是 ${range.min} 到 ${range.max} 之间的整数${unit.zh}`,
    'en-US': `${field}: must be a whole number from ${range.min} to ${range.max}${unit.en}`,
  });
}

function validateLocale(value: unknown, field = 'locale'): Validated<SettingsLocale> {
  if (typeof value === 'string' && (SETTINGS_LOCALES as readonly string[]).includes(value)) {
    return valid(value as SettingsLocale);
  }
  return invalid(field, {
    'zh-CN': `${field}：必须是 zh-CN（中文）、en-US（英文）或 system（跟随系统）`,
    'en-US': `${field}: must be zh-CN (Chinese), en-US (English) or system (follow the system)`,
  });
}

function validateWindow(value: unknown, field = 'window'): Validated<WindowBounds> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(field, {
      'zh-CN': `${field}：必须包含 x、y、width、height`,
      'en-US': `${field}: must have x, y, width and height`,
    });
  }
  const bounds = value as Record<string, unknown>;
  const extra = Object.keys(bounds).find((key) => !['x', 'y', 'width', 'height'].includes(key));
  if (extra !== undefined) {
    return invalid(`${field}.${extra}`, {
      'zh-CN': `${field}.${extra}：不是窗口位置的字段`,
      'en-US': `${field}.${extra}: is not a window bounds field`,
    });
  }
  const px = { zh: '（像素）', en: ' (pixels)' };
  const x = wholeNumber(bounds['x'], `${field}.x`, SETTINGS_LIMITS.windowCoordinate, px);
  if (!x.ok) return x;
  const y = wholeNumber(bounds['y'], `${field}.y`, SETTINGS_LIMITS.windowCoordinate, px);
  if (!y.ok) return y;
  const width = wholeNumber(bounds['width'], `${field}.width`, SETTINGS_LIMITS.windowSize, px);
  if (!width.ok) return width;
  const height = wholeNumber(bounds['height'], `${field}.height`, SETTINGS_LIMITS.windowSize, px);
  if (!height.ok) return height;
  return valid({ x: x.value, y: y.value, width: width.value, height: height.value });
}

function validateField(key: (typeof SETTINGS_FIELDS)[number], value: unknown): Validated<unknown> {
  switch (key) {
    case 'locale':
      return validateLocale(value);
    case 'pollIntervalMs':
      return wholeNumber(value, key, SETTINGS_LIMITS.pollIntervalMs, { zh: '（毫秒）', en: ' (milliseconds)' });
    case 'maxConcurrentDials':
      return wholeNumber(value, key, SETTINGS_LIMITS.maxConcurrentDials);
    case 'instanceId':
      return wholeNumber(value, key, SETTINGS_LIMITS.instanceId);
    case 'endpoint':
      return typeof value === 'string'
        ? validateEndpoint(value, key)
        : invalid(key, { 'zh-CN': `${key}：必须是文本`, 'en-US': `${key}: must be text` });
    case 'window':
      return validateWindow(value);
    case 'historyLimit':
      return wholeNumber(value, key, SETTINGS_LIMITS.historyLimit, { zh: '（条通话）', en: ' (calls)' });
    case 'batchConfirmAbove':
      return wholeNumber(value, key, SETTINGS_LIMITS.batchConfirmAbove, { zh: '（个会议室）', en: ' (rooms)' });
    case 'requestsPerMinute':
      return wholeNumber(value, key, SETTINGS_LIMITS.requestsPerMinute, { zh: '（次/分钟）', en: ' (per minute)' });
    case 'retry':
      return validateRetryPolicy(value, key);
    case 'otherHosts':
      return validateUserIds(value, key);
  }
}

/** A retry policy within RETRY_LIMITS; settings.retry and a room set's override (room-set-input.ts) both use it. */
export function validateRetryPolicy(value: unknown, field: string): Validated<RetryPolicy> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(field, {
      'zh-CN': `${field}：必须包含 retries、backoffMs、rejoinOnDrop、rejoins`,
      'en-US': `${field}: must have retries, backoffMs, rejoinOnDrop and rejoins`,
    });
  }
  const policy = value as Record<string, unknown>;
  const extra = Object.keys(policy).find((key) => !['retries', 'backoffMs', 'rejoinOnDrop', 'rejoins'].includes(key));
  if (extra !== undefined) {
    return invalid(`${field}.${extra.slice(0, 64)}`, {
      'zh-CN': `${field}.${extra.slice(0, 64)}：不是重呼策略的字段`,
      'en-US': `${field}.${extra.slice(0, 64)}: is not a retry policy field`,
    });
  }
  const retries = wholeNumber(policy['retries'], `${field}.retries`, RETRY_LIMITS.retries, { zh: '（次）', en: '' });
  if (!retries.ok) return retries;
  const rejoins = wholeNumber(policy['rejoins'], `${field}.rejoins`, RETRY_LIMITS.rejoins, { zh: '（次）', en: '' });
  if (!rejoins.ok) return rejoins;
  if (typeof policy['rejoinOnDrop'] !== 'boolean') {
    return invalid(`${field}.rejoinOnDrop`, {
      'zh-CN': `${field}.rejoinOnDrop：必须是“是”或“否”`,
      'en-US': `${field}.rejoinOnDrop: must be yes or no`,
    });
  }
  const backoff = policy['backoffMs'];
  if (!Array.isArray(backoff) || backoff.length === 0 || backoff.length > RETRY_LIMITS.retries.max) {
    return invalid(`${field}.backoffMs`, {
      'zh-CN': `${field}.backoffMs：必须是 1 到 ${RETRY_LIMITS.retries.max} 个等待时间`,
      'en-US': `${field}.backoffMs: must be 1 to ${RETRY_LIMITS.retries.max} waiting times`,
    });
  }
  const waits: number[] = [];
  for (const [i, wait] of backoff.entries()) {
    const checked = wholeNumber(wait, `${field}.backoffMs[${i}]`, RETRY_LIMITS.backoffMs, {
      zh: '（毫秒）',
      en: ' (ms)',
    });
    if (!checked.ok) return checked;
    waits.push(checked.value);
  }
  return valid({
    retries: retries.value,
    backoffMs: waits,
    rejoinOnDrop: policy['rejoinOnDrop'],
    rejoins: rejoins.value,
  });
}

function validateUserIds(value: unknown, field: string): Validated<string[]> {
  const max = SETTINGS_LIMITS.otherHosts.max;
  if (!Array.isArray(value) || value.length > max) {
    return invalid(field, {
      'zh-CN': `${field}：必须是最多 ${max} 个 userid`,
      'en-US': `${field}: must be at most ${max} userids`,
    });
  }
  const ids: string[] = [];
  for (const [i, id] of value.entries()) {
    if (typeof id !== 'string' || !/^[\w.@-]{1,64}$/.test(id.trim())) {
      return invalid(`${field}[${i}]`, {
        'zh-CN': `${field}[${i}]：userid 只能包含字母、数字和 _ . @ -，最多 64 个字符`,
        'en-US': `${field}[${i}]: a userid has only letters, digits and _ . @ -, at most 64 characters`,
      });
    }
    ids.push(id.trim());
  }
  return valid([...new Set(ids)]);
}

/**
 * `current` with the patch applied, or the first bad field. Keys whose value is undefined are left as they are;
 * unknown keys are errors (a typo must not look like a saved setting).
 */
export function applySettingsPatch(current: Settings, patch: unknown): Validated<Settings> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return invalid('settings', {
      'zh-CN': 'settings：必须是要修改的设置项',
      'en-US': 'settings: must be the settings to change',
    });
  }
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!(SETTINGS_FIELDS as readonly string[]).includes(key)) {
      return invalid(key, { 'zh-CN': `${key}：不是已知的设置项`, 'en-US': `${key}: is not a known setting` });
    }
    const checked = validateField(key as (typeof SETTINGS_FIELDS)[number], value);
    if (!checked.ok) return checked;
    next[key] = checked.value;
  }
  return valid(next as Settings);
}
