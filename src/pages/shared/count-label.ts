/**
 * Count phrases ("1 mention", "3 mentions"). `_locales` has no plural rules, so each phrase has a
 * singular key and a plural key; English needs no more than that.
 */
import { t } from '../../platform/i18n';

/** `t(oneKey)` when `count` is 1, otherwise `t(manyKey)`, with the count as `$1`. */
export function countLabel(count: number, oneKey: string, manyKey: string): string {
  return t(count === 1 ? oneKey : manyKey, String(count));
}
