/**
 * "Add this page as a source" in the top frame (Alt+Shift+S, the popup's button, the context menu, the
 * dashboard's update): reads the page locally (the article reader chunk, loaded on first use), sends it to
 * the background with `saveSource`, and says in a toast what happened, offering the next step where there
 * is one: update a page already kept, or keep the selection when the page has no article.
 */
import { formatDate } from '../../shared/format-date';
import type { SaveSourceOutcome } from '../../shared/library/library-types';
import type { Result } from '../../shared/result';
import { DEFAULT_MAX_SOURCE_CHARS, type ExtractedSource } from '../../shared/sources/source-types';
import type { ToastMessage } from '../ui/Toast';
import type { ArticleReader } from './load-article-reader';
import type { SourceLabels } from './source-labels';

/** What the flow needs from the page session. */
export interface AddSourceDeps {
  loadReader: () => Promise<ArticleReader>;
  save: (source: ExtractedSource, replaceId: string | undefined) => Promise<Result<SaveSourceOutcome>>;
  toast: { show: (message: ToastMessage, isFocused?: boolean) => void; hide: () => void };
  labels: () => SourceLabels;
  /** Whether text is selected on the page (outside Gloss's UI). */
  hasSelection: () => boolean;
}

/** Keeps pages as sources, one at a time. */
export class SourceAdder {
  private isBusy = false;

  constructor(private readonly deps: AddSourceDeps) {}

  /** Reads the page and saves it; `replaceId` updates that source without asking. */
  async addPage(replaceId?: string): Promise<void> {
    if (this.isBusy) return;
    this.isBusy = true;
    const labels = this.deps.labels();
    try {
      this.deps.toast.show({ text: labels.reading });
      const reader = await this.deps.loadReader();
      const outcome = reader.extractArticle(document);
      if (outcome.kind === 'article') {
        await this.save(outcome.source, replaceId);
        return;
      }
      // The selection is read now: by the time the reader presses the button it may have changed.
      const fromSelection = this.deps.hasSelection()
        ? reader.selectionAsSource(document, document.getSelection())
        : undefined;
      if (fromSelection?.kind === 'article') {
        const { source } = fromSelection;
        this.deps.toast.show(
          {
            text: outcome.reason,
            actions: [
              {
                label: labels.saveSelection,
                isPrimary: true,
                onAct: () => void this.save(source, replaceId),
              },
            ],
          },
          true,
        );
      } else this.deps.toast.show({ text: outcome.reason, detail: labels.selectHint });
    } catch (e) {
      this.deps.toast.show({
        text: labels.failed(e instanceof Error ? e.message : String(e)),
        isError: true,
      });
    } finally {
      this.isBusy = false;
    }
  }

  /** Sends `source` and shows the answer. */
  private async save(source: ExtractedSource, replaceId: string | undefined): Promise<void> {
    const labels = this.deps.labels();
    const r = await this.deps.save(source, replaceId);
    if (!r.ok) {
      this.deps.toast.show({ text: labels.failed(r.error), isError: true });
      return;
    }
    const outcome = r.value;
    if (outcome.status === 'exists') {
      const { existing } = outcome;
      const date = existing.addedAt === undefined ? undefined : formatDate(existing.addedAt);
      this.deps.toast.show(
        {
          text: labels.exists(date),
          actions: [
            { label: labels.update, isPrimary: true, onAct: () => void this.save(source, existing.id) },
            { label: labels.cancel, onAct: () => this.deps.toast.hide() },
          ],
        },
        true,
      );
      return;
    }
    const { source: kept, isUpdate } = outcome;
    const title = kept.title || source.title;
    this.deps.toast.show({
      text: `${isUpdate ? labels.updated(title) : labels.saved(title)} ${labels.mentions(kept.entityCount)}`,
      detail: kept.isTruncated || source.isTruncated ? labels.truncated(DEFAULT_MAX_SOURCE_CHARS) : undefined,
    });
  }
}
