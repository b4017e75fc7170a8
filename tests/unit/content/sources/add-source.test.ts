// @vitest-environment happy-dom
/**
 * "Add this page as a source" in the page: what each answer of `saveSource` shows, and that only the
 * reader's own clicks act (a page's synthetic click on Update or "Save the selection" sends nothing).
 * The background is a faked `save`; the toast is the real one, read through the shadow host.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceAdder } from '../../../../src/content/sources/add-source';
import type { ArticleReader } from '../../../../src/content/sources/load-article-reader';
import { sourceLabels } from '../../../../src/content/sources/source-labels';
import { LazyShadowHost } from '../../../../src/content/ui/shadow-host';
import { ToastController } from '../../../../src/content/ui/toast-controller';
import type { SaveSourceOutcome, SourceListItem } from '../../../../src/shared/library/library-types';
import { err, ok, type Result } from '../../../../src/shared/result';
import type { ExtractedSource } from '../../../../src/shared/sources/source-types';

vi.mock('../../../../src/platform/browser', async () => ({
  browser: (await import('../../helpers/fake-browser')).fakeBrowser,
}));

const flush = () => new Promise((r) => setTimeout(r, 0));

const SOURCE: ExtractedSource = {
  url: 'https://news.example/cicada',
  title: 'Cicada returns',
  blocks: [{ kind: 'paragraph', text: 'Cicada is back.' }],
  textLength: 15,
  isTruncated: false,
};

const item = (patch: Partial<SourceListItem> = {}): SourceListItem => ({
  id: 'src-1',
  origin: 'user',
  title: 'Cicada returns',
  site: 'news.example',
  entityCount: 3,
  textLength: 15,
  isTruncated: false,
  ...patch,
});

/** A click as the reader makes it (happy-dom marks none as trusted). */
function trustedClick(el: Element): void {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}

let stop: AbortController;
let host: LazyShadowHost;
let save: ReturnType<
  typeof vi.fn<(s: ExtractedSource, id: string | undefined) => Promise<Result<SaveSourceOutcome>>>
>;

const articleReader = (source: ExtractedSource | undefined): ArticleReader =>
  ({
    extractArticle: () =>
      source
        ? { kind: 'article', source }
        : { kind: 'no-article', reason: 'Gloss found no article on this page.' },
    selectionAsSource: (_doc: Document, selection: Selection | null) => ({
      kind: 'article',
      source: {
        ...SOURCE,
        title: 'Selected',
        blocks: [{ kind: 'paragraph', text: selection?.toString() ?? '' }],
      },
    }),
  }) as unknown as ArticleReader;

function adder(reader: ArticleReader, hasSelection = false): SourceAdder {
  return new SourceAdder({
    loadReader: async () => reader,
    save,
    toast: new ToastController(host, () => 'Dismiss', stop.signal),
    labels: sourceLabels,
    hasSelection: () => hasSelection,
  });
}

const toast = () => host.get().query<HTMLElement>('.gloss-toast', 'toast');
const button = (label: string) =>
  [...(toast()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === label);

beforeEach(() => {
  stop = new AbortController();
  host = new LazyShadowHost(stop.signal);
  save = vi.fn();
});
afterEach(() => {
  stop.abort();
  document.body.replaceChildren();
});

describe('adding the page as a source', () => {
  it('confirms a save with the number of entities, and says when the text was cut', async () => {
    save.mockResolvedValue(ok({ status: 'saved', source: item({ isTruncated: true }), isUpdate: false }));
    await adder(articleReader(SOURCE)).addPage();
    expect(save).toHaveBeenCalledWith(SOURCE, undefined);
    expect(toast()?.getAttribute('role')).toBe('status');
    expect(toast()?.textContent).toContain('Saved “Cicada returns” to your sources. It mentions 3 entities.');
    expect(toast()?.textContent).toContain('Only the first 200,000 characters were kept.');
    expect(button('×')?.getAttribute('aria-label')).toBe('Dismiss');
  });

  it('offers Update for a page already kept; only a trusted click re-sends it with replaceId', async () => {
    save.mockResolvedValueOnce(
      ok({ status: 'exists', existing: item({ id: 'src-7', addedAt: Date.UTC(2026, 0, 5) }) }),
    );
    await adder(articleReader(SOURCE)).addPage();
    expect(toast()?.textContent).toMatch(/This page is already in your sources \(added .*2026\)\./);
    const update = button('Update');
    expect(update).toBeDefined();
    expect(button('Cancel')).toBeDefined();

    update!.click();
    await flush();
    expect(save).toHaveBeenCalledTimes(1);

    save.mockResolvedValueOnce(
      ok({ status: 'saved', source: item({ id: 'src-7', entityCount: 1 }), isUpdate: true }),
    );
    trustedClick(update!);
    await flush();
    expect(save).toHaveBeenLastCalledWith(SOURCE, 'src-7');
    expect(toast()?.textContent).toContain('Updated “Cicada returns” in your sources. It mentions 1 entity.');
  });

  it('Cancel (trusted) takes the toast away', async () => {
    save.mockResolvedValueOnce(ok({ status: 'exists', existing: item() }));
    await adder(articleReader(SOURCE)).addPage();
    expect(toast()?.textContent).toContain('This page is already in your sources.');
    trustedClick(button('Cancel')!);
    expect(toast()).toBeNull();
  });

  it('without an article, offers to keep the selection, on a trusted click only', async () => {
    document.body.innerHTML = '<p id="p">A short remark about Cicada.</p>';
    const text = document.getElementById('p')!.firstChild!;
    document.getSelection()!.setBaseAndExtent(text, 0, text, 7);
    save.mockResolvedValue(ok({ status: 'saved', source: item({ title: 'Selected' }), isUpdate: false }));
    await adder(articleReader(undefined), true).addPage();
    expect(toast()?.textContent).toContain('Gloss found no article on this page.');
    const keep = button('Save the selection as a source');
    expect(keep).toBeDefined();
    keep!.click();
    await flush();
    expect(save).not.toHaveBeenCalled();
    trustedClick(keep!);
    await flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0].blocks).toEqual([{ kind: 'paragraph', text: 'A short' }]);
  });

  it('without an article or a selection, says how to keep a passage', async () => {
    await adder(articleReader(undefined), false).addPage();
    expect(toast()?.textContent).toContain('Gloss found no article on this page.');
    expect(toast()?.textContent).toContain(
      'Select the passage you want to keep and press Alt+Shift+S again.',
    );
    expect(button('Save the selection as a source')).toBeUndefined();
    expect(save).not.toHaveBeenCalled();
  });

  it('uses the real article reader: a tiny page has no article', async () => {
    document.body.innerHTML = '<p>Just a line.</p>';
    const reader = (await import('../../../../src/content/sources/article-reader')) as ArticleReader;
    await adder(reader, false).addPage();
    expect(toast()?.textContent).toContain('Gloss found no article on this page.');
  });

  it('shows the background’s refusal', async () => {
    save.mockResolvedValue(err('source is too large'));
    await adder(articleReader(SOURCE)).addPage();
    expect(toast()?.textContent).toContain('Could not save this page: source is too large');
  });

  it('goes away after 8 seconds unless hovered', async () => {
    vi.useFakeTimers();
    try {
      save.mockResolvedValue(ok({ status: 'saved', source: item(), isUpdate: false }));
      await adder(articleReader(SOURCE)).addPage();
      toast()!.dispatchEvent(new MouseEvent('mouseenter'));
      vi.advanceTimersByTime(9000);
      expect(toast()).not.toBeNull();
      toast()!.dispatchEvent(new MouseEvent('mouseleave'));
      vi.advanceTimersByTime(8100);
      expect(toast()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
