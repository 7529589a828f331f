// Checking a settings change before it is stored: every value is range-checked with a message naming the field,
// and a patch with any bad value changes nothing (the caller stores the result only when it is ok).
import { validateEndpoint } from '../../common/endpoint';
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
  }
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
