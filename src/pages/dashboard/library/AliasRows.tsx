/** The aliases of the entity form: one row per way of writing the name, with its notices as they are typed. */
import { t } from '../../../platform/i18n';
import { type AliasDraft, aliasNotice, emptyAlias } from './entity-draft';

/** Props of `AliasRows`. */
export interface AliasRowsProps {
  rows: AliasDraft[];
  /** Gets a function of the latest rows, so two quick edits never work from the same stale list. */
  onChange: (update: (rows: AliasDraft[]) => AliasDraft[]) => void;
}

const input = (event: Event): HTMLInputElement => event.currentTarget as HTMLInputElement;

/** Each field is labelled for screen readers with the row's alias ("Cue words for NCSC"). */
export function AliasRows({ rows, onChange }: AliasRowsProps) {
  const patch = (key: number, change: Partial<AliasDraft>): void =>
    onChange((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  return (
    <fieldset class="entity-form-aliases">
      <legend>{t('libFormAliases')}</legend>
      <p class="entity-form-hint">{t('libFormAliasesHint')}</p>
      {rows.map((row, index) => {
        const notice = aliasNotice(row);
        const which = row.text.trim() || String(index + 1);
        const noticeId = `alias-notice-${row.key}`;
        return (
          <div class="alias-row" key={row.key}>
            <input
              type="text"
              class="alias-text"
              value={row.text}
              aria-label={t('libFormAliasText', String(index + 1))}
              aria-describedby={notice ? noticeId : undefined}
              aria-invalid={notice?.kind === 'error'}
              onInput={(e) => patch(row.key, { text: input(e).value })}
            />
            <label class="alias-case">
              <input
                type="checkbox"
                checked={row.caseSensitive}
                onChange={(e) => patch(row.key, { caseSensitive: input(e).checked })}
              />{' '}
              {t('libFormMatchCase')}
            </label>
            <input
              type="text"
              class="alias-cues"
              value={row.cues}
              placeholder={t('libFormCues')}
              aria-label={t('libFormCuesFor', which)}
              onInput={(e) => patch(row.key, { cues: input(e).value })}
            />
            <input
              type="text"
              class="alias-vetoes"
              value={row.vetoes}
              placeholder={t('libFormVetoes')}
              aria-label={t('libFormVetoesFor', which)}
              onInput={(e) => patch(row.key, { vetoes: input(e).value })}
            />
            <button
              type="button"
              class="alias-remove"
              aria-label={t('libFormRemoveAlias', which)}
              onClick={() => onChange((current) => current.filter((other) => other.key !== row.key))}
            >
              {t('libFormRemove')}
            </button>
            {notice && (
              <p id={noticeId} class={`alias-notice is-${notice.kind}`}>
                {notice.text}
              </p>
            )}
          </div>
        );
      })}
      <button
        type="button"
        onClick={(e) => {
          // Typing goes into the new row: focus its alias field once it is drawn.
          const fieldset = (e.currentTarget as HTMLElement).closest('fieldset');
          onChange((current) => [...current, emptyAlias()]);
          setTimeout(() =>
            [...(fieldset?.querySelectorAll<HTMLElement>('.alias-text') ?? [])].at(-1)?.focus(),
          );
        }}
      >
        {t('libFormAddAlias')}
      </button>
    </fieldset>
  );
}
