// @vitest-environment happy-dom
/**
 * The card's passages: each attributed from its source (a built-in one with a date in words, a page the
 * reader kept with its site and exact date), the first three shown and the rest behind "N more".
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardData, Passage, SourceMeta } from '../../../../src/shared/kb-types';
import { CardBody, type CardBodyLabels } from '../../../../src/shared/ui/CardBody';

const labels: CardBodyLabels = {
  typeLabel: (type) => type,
  sources: 'What the sources say',
  noPassages: 'No passages.',
  readSource: 'Read in source',
  related: 'Related',
  links: 'Links',
  morePassages: (n) => `${n} more`,
};

const builtin: SourceMeta = {
  id: 'orf-1',
  origin: 'builtin',
  title: 'An Article',
  site: 'ORF',
  author: 'A. Writer',
  dateText: 'early 2021',
};
const kept: SourceMeta = {
  id: 'u-1',
  origin: 'user',
  title: 'A Page',
  site: 'news.example',
  publishedAt: '2026-03-04T10:00:00Z',
  url: 'https://news.example/a',
};

const passage = (i: number, source: SourceMeta): Passage & { source: SourceMeta } => ({
  id: `p${i}`,
  entityId: 'cicada',
  sourceId: source.id,
  blockIndex: i,
  start: 0,
  end: 10,
  text: `Passage ${i} about Cicada.`,
  marks: [[`Passage ${i} about `.length, `Passage ${i} about Cicada`.length]],
  source,
});

const card = (passages: CardData['passages']): CardData => ({
  entity: { id: 'cicada', name: 'Cicada', type: 'threat-actor', description: 'A group.', links: [] },
  passages,
  related: [],
});

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const quotes = () => [...root.querySelectorAll('blockquote')].map((q) => q.textContent);
const attributions = () => [...root.querySelectorAll('.gloss-attribution')].map((a) => a.textContent);

describe('CardBody passages', () => {
  it('attributes a built-in source and a page the reader kept', () => {
    render(
      <CardBody
        card={card([passage(1, kept), passage(2, builtin)])}
        labels={labels}
        onOpenSource={() => undefined}
      />,
      root,
    );
    const [first, second] = attributions();
    expect(first).toMatch(/^A Page, news\.example, .*2026\. Read in source$/);
    expect(first).toContain('4');
    expect(second).toBe('An Article, A. Writer, ORF, early 2021. Read in source');
    expect(root.querySelector('cite')?.textContent).toBe('A Page');
  });

  it('shows the first three passages, then "N more" reveals the rest', async () => {
    const passages = [1, 2, 3, 4, 5].map((i) => passage(i, builtin));
    render(<CardBody card={card(passages)} labels={labels} onOpenSource={() => undefined} />, root);
    expect(quotes()).toEqual([
      'Passage 1 about Cicada.',
      'Passage 2 about Cicada.',
      'Passage 3 about Cicada.',
    ]);
    const more = root.querySelector<HTMLButtonElement>('.gloss-more-passages');
    expect(more?.textContent).toBe('2 more');
    more!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(quotes()).toHaveLength(5);
    expect(root.querySelector('.gloss-more-passages')).toBeNull();
  });

  it('has no "more" button for three passages or fewer', () => {
    render(
      <CardBody
        card={card([1, 2, 3].map((i) => passage(i, builtin)))}
        labels={labels}
        onOpenSource={() => undefined}
      />,
      root,
    );
    expect(quotes()).toHaveLength(3);
    expect(root.querySelector('.gloss-more-passages')).toBeNull();
  });

  it('"Read in source" opens the passage', () => {
    const onOpenSource = vi.fn();
    render(<CardBody card={card([passage(1, kept)])} labels={labels} onOpenSource={onOpenSource} />, root);
    root.querySelector<HTMLButtonElement>('.gloss-read-source')!.click();
    expect(onOpenSource).toHaveBeenCalledWith({ sourceId: 'u-1', entityId: 'cicada', passageId: 'p1' });
  });
});
