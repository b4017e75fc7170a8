/**
 * What the library tab tests share: the page under test in a fresh element, DOM queries by visible text,
 * typing as a reader does, and builders of the background's answers. Each test file mocks
 * `platform/browser` with the fake browser itself (vi.mock is per file).
 */
import { render } from 'preact';
import type {
  EntityListItem,
  SourceListItem,
  SuggestionView,
} from '../../../../src/shared/library/library-types';
import { sent } from '../../helpers/fake-browser';

/** The element the page renders into. */
export const page = { root: document.body as HTMLElement };

/** A fresh root. */
export function mountRoot(): void {
  page.root = document.createElement('div');
  document.body.append(page.root);
}

/** Unmounts and removes the root. */
export function unmountRoot(): void {
  render(null, page.root);
  page.root.remove();
}

export const $ = <E extends Element = HTMLElement>(selector: string, scope: ParentNode = page.root) =>
  scope.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(selector: string, scope: ParentNode = page.root) => [
  ...scope.querySelectorAll<E>(selector),
];

/** The button whose accessible name (aria-label, else text) is `label` (undefined when there is none). */
export const button = (label: string, scope: ParentNode = page.root): HTMLButtonElement | undefined =>
  $$<HTMLButtonElement>('button', scope).find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === label,
  );

/** The form control labelled `label` (by `<label for>` or aria-label). */
export function field<E extends HTMLElement = HTMLInputElement>(
  label: string,
  scope: ParentNode = page.root,
): E {
  const byFor = $$<HTMLLabelElement>('label', scope).find((l) => l.textContent === label && l.htmlFor);
  const el = byFor ? document.getElementById(byFor.htmlFor) : $(`[aria-label="${label}"]`, scope);
  if (!el) throw new Error(`no field labelled ${label}`);
  return el as E;
}

/** Types into a box as a reader would. */
export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Picks a value in a select, or clicks a checkbox or radio. */
export function choose(el: HTMLSelectElement | HTMLInputElement, value?: string): void {
  if (value !== undefined) el.value = value;
  else el.click();
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The arguments of every request of one type sent so far. */
export const argsOf = (type: string): unknown[] => sent.filter((m) => m.type === type).map((m) => m.args);

/** Lets Preact render what the last event changed. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The hostile text every string from data is tested with. */
export const EVIL = '<img src=x onerror="window.pwned=1">';

export const sourceItem = (id: string, patch: Partial<SourceListItem> = {}): SourceListItem => ({
  id,
  origin: 'user',
  title: `Source ${id}`,
  site: 'example.com',
  entityCount: 3,
  textLength: 1000,
  isTruncated: false,
  ...patch,
});

export const entityItem = (id: string, patch: Partial<EntityListItem> = {}): EntityListItem => ({
  id,
  name: `Entity ${id}`,
  type: 'organisation',
  origin: 'user',
  isEdited: false,
  isHidden: false,
  aliases: [],
  passageCount: 0,
  ...patch,
});

export const suggestion = (key: string, patch: Partial<SuggestionView> = {}): SuggestionView => ({
  key,
  name: key.toUpperCase(),
  aliases: [],
  reason: 'definition',
  occurrences: 2,
  sourceId: 's1',
  sourceTitle: 'A story',
  passage: { blockIndex: 0, text: `The ${key.toUpperCase()} said so.` },
  ...patch,
});
