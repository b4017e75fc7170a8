/**
 * The options page: highlight settings, the name written into exports and the history (saved as they
 * change), syncing notes, and the knowledge base.
 */
import { useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import type { Settings } from '../../shared/settings';
import { Notice } from '../shared/Notice';
import { CreatorNameField } from './CreatorNameField';
import { EntityTypesField, withType } from './EntityTypesField';
import { HighlightStyleField } from './HighlightStyleField';
import { HistorySection } from './HistorySection';
import { HoverDelayField } from './HoverDelayField';
import { KbSection } from './KbSection';
import { SaveStatus } from './SaveStatus';
import { SyncSection } from './SyncSection';
import { type SaveState, useSettingsEditor } from './use-settings-editor';

/** The sections whose controls save settings; each shows the save status of its own changes. */
type SettingsSection = 'highlights' | 'exports' | 'history';
const IDLE: SaveState = { kind: 'idle' };

/** No Save button: every control saves on change, and the status line of its section confirms it. */
export function OptionsApp() {
  const editor = useSettingsEditor();
  const { settings, loadError, saveState } = editor;
  const [lastSection, setLastSection] = useState<SettingsSection>('highlights');
  const statusOf = (section: SettingsSection): SaveState => (section === lastSection ? saveState : IDLE);
  const update =
    (section: SettingsSection) =>
    (change: Partial<Settings> | ((current: Settings) => Partial<Settings>)): void => {
      setLastSection(section);
      editor.update(change);
    };
  const updateHighlights = update('highlights');
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
              onChange={(highlightStyle) => updateHighlights({ highlightStyle })}
            />
            <EntityTypesField
              value={settings.enabledTypes}
              onToggle={(type, isOn) =>
                updateHighlights((s) => ({ enabledTypes: withType(s.enabledTypes, type, isOn) }))
              }
            />
            <HoverDelayField
              value={settings.hoverDelayMs}
              onCommit={(hoverDelayMs) => updateHighlights({ hoverDelayMs })}
            />
          </form>
        )}
        <SaveStatus state={statusOf('highlights')} />
      </section>
      <section class="options-section" aria-labelledby="exports-heading">
        <h2 id="exports-heading">{t('optionsExports')}</h2>
        {settings && (
          <form class="settings-form" onSubmit={(event) => event.preventDefault()}>
            <CreatorNameField
              value={settings.creatorName}
              onCommit={(creatorName) => update('exports')({ creatorName })}
            />
          </form>
        )}
        <SaveStatus state={statusOf('exports')} />
      </section>
      <HistorySection settings={settings} onChange={update('history')} saveState={statusOf('history')} />
      <SyncSection />
      <KbSection />
    </main>
  );
}
