/** What a glossary import did: the file's errors, the conflicts to choose for, or what was imported. */
import { useRef, useState } from 'preact/hooks';
import { t, tCount, tNumber } from '../../../platform/i18n';
import type { GlossaryConflictView, GlossaryImportOutcome } from '../../../shared/library/library-types';

/** Props of `GlossaryOutcome`. */
export interface GlossaryOutcomeProps {
  outcome: GlossaryImportOutcome;
  isBusy: boolean;
  /** Sends the file again with the reader's choices (conflict key → claimant's choice). */
  onChoose: (choices: Record<string, string>) => void;
}

type ImportError = Extract<GlossaryImportOutcome, { status: 'invalid' }>['errors'][number];

/** "Line 12, column aliases: …"; a JSON error may have no line (0) and no column. */
function errorLine(error: ImportError): string {
  const line = String(error.line);
  if (error.line > 0 && error.field) return t('libImportErrorLineField', [line, error.field, error.message]);
  if (error.line > 0) return t('libImportErrorLine', [line, error.message]);
  if (error.field) return t('libImportErrorField', [error.field, error.message]);
  return error.message;
}

function conflictText(conflict: GlossaryConflictView): string {
  return conflict.kind === 'duplicate-name'
    ? t('libConflictName', conflict.alias)
    : t('libConflictAlias', conflict.alias);
}

function Notices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <ul class="glossary-notices">
      {notices.map((notice, index) => (
        // Notices may repeat word for word (two rows with the same alias), so the index is part of the key.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole, never reordered.
        <li key={index}>{notice}</li>
      ))}
    </ul>
  );
}

/** One radio group per conflict, its first claimant chosen to begin with. */
function Conflicts({
  conflicts,
  isBusy,
  onChoose,
}: { conflicts: GlossaryConflictView[] } & Omit<GlossaryOutcomeProps, 'outcome'>) {
  const [choices, setChoices] = useState<Record<string, string>>(() =>
    Object.fromEntries(conflicts.map((conflict) => [conflict.key, conflict.claimants[0]?.choice ?? ''])),
  );
  // Submit reads the latest choices from here: a click right after a choice may run before the re-render.
  const latest = useRef(choices);
  const choose = (key: string, choice: string): void => {
    latest.current = { ...latest.current, [key]: choice };
    setChoices(latest.current);
  };
  return (
    <form
      class="glossary-conflicts"
      onSubmit={(e) => {
        e.preventDefault();
        onChoose(latest.current);
      }}
    >
      <p>{t('libConflictsIntro')}</p>
      {conflicts.map((conflict) => (
        <fieldset key={conflict.key} class="glossary-conflict">
          <legend>{conflictText(conflict)}</legend>
          {conflict.claimants.map((claimant) => (
            <label key={claimant.choice}>
              <input
                type="radio"
                name={`conflict-${conflict.key}`}
                value={claimant.choice}
                checked={choices[conflict.key] === claimant.choice}
                onChange={() => choose(conflict.key, claimant.choice)}
              />{' '}
              {claimant.label}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit" disabled={isBusy}>
        {t('libImportWithChoices')}
      </button>
    </form>
  );
}

/** Every text from the file or the background is rendered as text. */
export function GlossaryOutcome({ outcome, isBusy, onChoose }: GlossaryOutcomeProps) {
  switch (outcome.status) {
    case 'invalid':
      return (
        <div class="glossary-outcome" role="alert">
          <p>{t('libImportInvalid')}</p>
          <ul class="glossary-errors">
            {outcome.errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two errors may read the same; the list is never reordered.
              <li key={index}>{errorLine(error)}</li>
            ))}
          </ul>
        </div>
      );
    case 'conflicts':
      return (
        <div class="glossary-outcome">
          <Conflicts
            key={outcome.conflicts.map((c) => c.key).join('|')}
            conflicts={outcome.conflicts}
            isBusy={isBusy}
            onChoose={onChoose}
          />
          <Notices notices={outcome.notices} />
        </div>
      );
    case 'imported':
      return (
        // biome-ignore lint/a11y/useSemanticElements: not every screen reader announces <output> as a live region.
        <div class="glossary-outcome" role="status">
          <p>{t('libImported', [tCount('libImportedNew', outcome.added), tNumber(outcome.updated)])}</p>
          <Notices notices={outcome.notices} />
        </div>
      );
  }
}
