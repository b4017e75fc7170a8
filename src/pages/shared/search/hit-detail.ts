/** A result's detail line as the page shows it: an entity's type, the hit's detail, and its date. */
import { t } from '../../../platform/i18n';
import type { SearchHit } from '../../../shared/search/search-types';

/** Dates as the browser's language writes them ("5 Dec 2026"). */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "Threat actor · Stone Panda, APT10", "example.com · 5 Dec 2026": the parts there are, joined. */
export function hitDetail(hit: SearchHit): string {
  const type = hit.entityType ? t(`entityType_${hit.entityType.replaceAll('-', '_')}`) : '';
  const date = hit.date !== undefined && Number.isFinite(hit.date) ? dateFormat.format(hit.date) : '';
  return [type, hit.detail, date].filter(Boolean).join(' · ');
}
