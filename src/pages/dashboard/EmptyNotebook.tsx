/**
 * What the dashboard shows before the first note: what the page is for and the three steps to a note, with
 * the shortcut and the "✎ Add note" button drawn as they look, so a new reader knows what to look for.
 */
import { Fragment } from 'preact';
import { t } from '../../platform/i18n';
import { richMessage } from '../shared/rich-message';

/** The add-note shortcut (src/content/ui/interactions.ts), one key cap per key. */
const SHORTCUT = ['Alt', 'Shift', 'N'];

function ShortcutKeys() {
  return (
    <kbd class="shortcut">
      {SHORTCUT.map((key, i) => (
        <Fragment key={key}>
          {i > 0 && '+'}
          <kbd>{key}</kbd>
        </Fragment>
      ))}
    </kbd>
  );
}

/** A picture of the page's "✎ Add note" button; not a control, so it is plain text to assistive technology. */
function AddNoteLook() {
  return (
    <span class="add-note-look">
      <span aria-hidden="true">✎ </span>
      {t('noteAdd')}
    </span>
  );
}

/** The empty state: a heading, one line of purpose, the steps, and the other way in (import). */
export function EmptyNotebook() {
  return (
    <section class="empty-notebook" aria-labelledby="empty-notebook-heading">
      <h2 id="empty-notebook-heading">{t('dashboardEmpty')}</h2>
      <p class="empty-notebook-intro">{t('dashboardEmptyIntro')}</p>
      <ol class="empty-notebook-steps">
        <li>{t('dashboardEmptyStepSelect')}</li>
        <li>
          {richMessage('dashboardEmptyStepAdd', [<ShortcutKeys key="keys" />, <AddNoteLook key="button" />])}
        </li>
        <li>{t('dashboardEmptyStepSave')}</li>
      </ol>
      <p class="hint">{t('dashboardEmptyImport')}</p>
    </section>
  );
}
