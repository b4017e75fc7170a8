/** Export (JSON-LD or Markdown, saved as a file) and import (a JSON-LD file picked from disk). */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { request } from '../../platform/messaging';
import { formatMegabytes, MAX_FILE_BYTES } from '../../shared/notes/web-annotation/import-limits';
import { errorText } from '../shared/error-text';
import { downloadText } from './download';
import { importFailureText, importSummaryText } from './import-summary';

/** Props of `ImportExport`. */
export interface ImportExportProps {
  /** Export is offered only when there is something to export. */
  hasNotes: boolean;
  /** Called after a successful import, so the list is read again. */
  onImported: () => Promise<void>;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'busy'; text: string }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/**
 * The file input is visually hidden and out of the tab order; the visible button opens it, so the control
 * reads and works like the other buttons. Both live regions are always present so each outcome is announced.
 */
export function ImportExport({ hasNotes, onImported }: ImportExportProps) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const picker = useRef<HTMLInputElement>(null);
  const isBusy = outcome.kind === 'busy';

  const exportAs = async (format: 'jsonld' | 'markdown'): Promise<void> => {
    setOutcome({ kind: 'busy', text: t('dashboardExporting') });
    try {
      const file = await request('exportNotes', { format });
      downloadText(file.filename, file.mimeType, file.text);
      setOutcome({ kind: 'done', text: t('dashboardExported', file.filename) });
    } catch (e) {
      setOutcome({ kind: 'error', text: t('dashboardExportFailed', errorText(e)) });
    }
  };

  const importFile = async (file: File): Promise<void> => {
    // The background refuses such a file too, but only after the page has read it all and sent it over.
    if (file.size > MAX_FILE_BYTES) {
      const sizes = [formatMegabytes(file.size), formatMegabytes(MAX_FILE_BYTES)];
      setOutcome({ kind: 'error', text: t('dashboardImportTooBig', sizes) });
      return;
    }
    setOutcome({ kind: 'busy', text: t('dashboardImporting', file.name) });
    try {
      const summary = await request('importNotes', { text: await file.text() });
      setOutcome({ kind: 'done', text: importSummaryText(summary) });
      await onImported();
    } catch (e) {
      setOutcome({ kind: 'error', text: importFailureText(e) });
    }
  };

  const onPicked = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires `change` again.
    input.value = '';
    if (file) void importFile(file);
  };

  return (
    <div class="import-export">
      <div class="import-export-buttons">
        <button type="button" disabled={isBusy || !hasNotes} onClick={() => void exportAs('jsonld')}>
          {t('dashboardExportJsonLd')}
        </button>
        <button type="button" disabled={isBusy || !hasNotes} onClick={() => void exportAs('markdown')}>
          {t('dashboardExportMarkdown')}
        </button>
        <button type="button" disabled={isBusy} onClick={() => picker.current?.click()}>
          {t('dashboardImport')}
        </button>
        <input
          ref={picker}
          id="import-file"
          class="visually-hidden"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          tabIndex={-1}
          aria-label={t('dashboardImportFile')}
          onChange={onPicked}
        />
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: not every screen reader announces <output> as a live region. */}
      <p class="import-export-status" role="status">
        {outcome.kind === 'busy' || outcome.kind === 'done' ? outcome.text : ''}
      </p>
      <p class="import-export-error" role="alert">
        {outcome.kind === 'error' ? outcome.text : ''}
      </p>
    </div>
  );
}
