/** The links of the entity form: label and web address rows. */
import { t } from '../../../platform/i18n';
import { emptyLink, type LinkDraft } from './entity-draft';

/** Props of `LinkRows`. */
export interface LinkRowsProps {
  rows: LinkDraft[];
  /** Gets a function of the latest rows, so two quick edits never work from the same stale list. */
  onChange: (update: (rows: LinkDraft[]) => LinkDraft[]) => void;
}

const value = (event: Event): string => (event.currentTarget as HTMLInputElement).value;

/** The address is checked on save (http or https only), not while it is typed. */
export function LinkRows({ rows, onChange }: LinkRowsProps) {
  const patch = (key: number, change: Partial<LinkDraft>): void =>
    onChange((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <fieldset class="entity-form-links">
      <legend>{t('libFormLinks')}</legend>
      {rows.map((row, index) => (
        <div class="link-row" key={row.key}>
          <input
            type="text"
            value={row.label}
            placeholder={t('libFormLinkLabel')}
            aria-label={t('libFormLinkLabelFor', String(index + 1))}
            onInput={(e) => patch(row.key, { label: value(e) })}
          />
          <input
            type="url"
            value={row.url}
            placeholder="https://"
            aria-label={t('libFormLinkUrlFor', String(index + 1))}
            onInput={(e) => patch(row.key, { url: value(e) })}
          />
          <button
            type="button"
            onClick={() => onChange((current) => current.filter((other) => other.key !== row.key))}
          >
            {t('libFormRemoveLink', String(index + 1))}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange((current) => [...current, emptyLink()])}>
        {t('libFormAddLink')}
      </button>
    </fieldset>
  );
}
