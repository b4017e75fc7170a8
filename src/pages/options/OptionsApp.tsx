/** The options page: highlight settings (saved as they change), syncing notes, and the knowledge base. */
import { t } from '../../platform/i18n';
import { Notice } from '../shared/Notice';
import { EntityTypesField, withType } from './EntityTypesField';
import { HighlightStyleField } from './HighlightStyleField';
import { HoverDelayField } from './HoverDelayField';
import { KbSection } from './KbSection';
import { SaveStatus } from './SaveStatus';
import { SyncSection } from './SyncSection';
import { useSettingsEditor } from './use-settings-editor';

/** No Save button: every control saves on change, and the status line confirms it. */
export function OptionsApp() {
  const { settings, loadError, saveState, update } = useSettingsEditor();
  return (
    <main class="options">
      <div class="options-title">
        <span class="brand-mark" aria-hidden="true" />
        <h1>{t('optionsTitle')}</h1>
      </div>
      <section class="options-section" aria-labelledby="highlights-heading">
        <h2 id="highlights-heading">{t('optionsHighlights')}</h2>
        {loadError && <Notice kind="error">{t('optionsLoadError', loadError)}</Notice>}
        {!settings && !loadError && <Notice>{t('optionsLoading')}</Notice>}
        {settings && (
          <form class="settings-form" onSubmit={(event) => event.preventDefault()}>
            <HighlightStyleField
              value={settings.highlightStyle}
              onChange={(highlightStyle) => update({ highlightStyle })}
            />
            <EntityTypesField
              value={settings.enabledTypes}
              onToggle={(type, isOn) =>
                update((s) => ({ enabledTypes: withType(s.enabledTypes, type, isOn) }))
              }
            />
            <HoverDelayField
              value={settings.hoverDelayMs}
              onCommit={(hoverDelayMs) => update({ hoverDelayMs })}
            />
          </form>
        )}
        <SaveStatus state={saveState} />
      </section>
      <SyncSection />
      <KbSection />
    </main>
  );
}
