/** "Import glossary…" (CSV or Gloss JSON, all or nothing, with the reader's choice for each conflict) and export. */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../../platform/i18n';
import { request } from '../../../platform/messaging';
import type { GlossaryImportOutcome } from '../../../shared/library/library-types';
import { errorText } from '../../shared/error-text';
import { downloadText } from '../download';
import { GlossaryOutcome } from './GlossaryOutcome';

/** Props of `GlossaryTools`. */
export interface GlossaryToolsProps {
  /** Called after an import stored something, so the list is read again. */
  onImported: () => Promise<void>;
}

/** A file waiting for the reader's choices, sent again as it was. */
interface Pending {
  text: string;
  format: 'csv' | 'json';
}

type Status =
  | { kind: 'none' }
  | { kind: 'busy'; text: string }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/** The file's format from its name: `.json` is JSON, anything else is read as CSV. */
const formatOf = (name: string): 'csv' | 'json' => (/\.json$/i.test(name) ? 'json' : 'csv');

/** The picker is hidden and opened by the visible button, as the notes import does. */
export function GlossaryTools({ onImported }: GlossaryToolsProps) {
  const [status, setStatus] = useState<Status>({ kind: 'none' });
  const [outcome, setOutcome] = useState<GlossaryImportOutcome | undefined>();
  const [pending, setPending] = useState<Pending | undefined>();
  const picker = useRef<HTMLInputElement>(null);
  const isBusy = status.kind === 'busy';

  const send = async (file: Pending, choices?: Record<string, string>): Promise<void> => {
    setStatus({ kind: 'busy', text: t('libImporting') });
    try {
      const result = await request('importGlossary', choices ? { ...file, choices } : file);
      setOutcome(result);
      setPending(result.status === 'conflicts' ? file : undefined);
      setStatus({ kind: 'none' });
      if (result.status === 'imported') await onImported();
    } catch (e) {
      setStatus({ kind: 'error', text: t('libImportFailed', errorText(e)) });
    }
  };

  const onPicked = async (event: Event): Promise<void> => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setOutcome(undefined);
    await send({ text: await file.text(), format: formatOf(file.name) });
  };

  const exportAs = async (format: 'csv' | 'json'): Promise<void> => {
    setStatus({ kind: 'busy', text: t('dashboardExporting') });
    try {
      const file = await request('exportGlossary', { format });
      downloadText(file.filename, file.mimeType, file.text);
      setStatus({ kind: 'done', text: t('dashboardExported', file.filename) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('libExportFailed', errorText(e)) });
    }
  };

  return (
    <div class="glossary-tools">
      <div class="import-export-buttons">
        <button type="button" disabled={isBusy} onClick={() => picker.current?.click()}>
          {t('libImportGlossary')}
        </button>
        <input
          ref={picker}
          class="visually-hidden"
          type="file"
          accept=".csv,.json"
          tabIndex={-1}
          aria-label={t('libImportGlossaryFile')}
          onChange={(e) => void onPicked(e)}
        />
        <button type="button" disabled={isBusy} onClick={() => void exportAs('csv')}>
          {t('libExportCsv')}
        </button>
        <button type="button" disabled={isBusy} onClick={() => void exportAs('json')}>
          {t('libExportJson')}
        </button>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: not every screen reader announces <output> as a live region. */}
      <p class="import-export-status" role="status">
        {status.kind === 'busy' || status.kind === 'done' ? status.text : ''}
      </p>
      <p class="import-export-error" role="alert">
        {status.kind === 'error' ? status.text : ''}
      </p>
      {outcome && (
        <GlossaryOutcome
          outcome={outcome}
          isBusy={isBusy}
          onChoose={(choices) => pending && void send(pending, choices)}
        />
      )}
    </div>
  );
}
