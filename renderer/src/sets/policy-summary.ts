// A retry policy in one line of the operator's language ("2 retries after 1 min, 3 min; no rejoin"), for the set
// list and the set dialog's note on the rules in Settings.
import type { useI18n } from 'vue-i18n';
import type { RetryPolicy } from '../../../common/retry-policy';

type Translate = ReturnType<typeof useI18n>['t'];

/** Minutes with at most one decimal: waits are whole or half minutes in practice. */
export const waitMinutes = (ms: number): number => Math.round(ms / 6000) / 10;

export function policySummary(policy: RetryPolicy, t: Translate): string {
  const waits = policy.backoffMs.map((ms) => t('sets.minutes', { n: waitMinutes(ms) })).join(t('sets.listSep'));
  const retries = t('sets.retrySummary', { n: policy.retries, waits }, policy.retries);
  const rejoin = policy.rejoinOnDrop ? t('sets.rejoinOn', { n: policy.rejoins }) : t('sets.rejoinOff');
  return t('sets.clauses', { first: retries, second: rejoin });
}
