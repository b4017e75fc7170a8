/** User actions the specs repeat, built on the driver: hovering a mention, waiting for the card, clearing state. */
import type { CardSnapshot, Point, TestPage } from './driver';
import { type MentionBox, mentionBox, waitFor } from './page-scripts';

/** A spot no fixture puts text on: the top-left corner of the viewport, in the page margin. */
export const EMPTY_SPOT: Point = { x: 4, y: 4 };

/** Gloss's default hover dwell (setting `hoverDelayMs`). */
export const DWELL_MS = 300;

/** Moves the pointer from the empty spot onto the `index`-th mention of highlight `name`; returns its box. */
export async function hoverMention(page: TestPage, name: string, index = 0): Promise<MentionBox> {
  const box = await mentionBox(page, name, index);
  if (!box) throw new Error(`no mention ${index} of ${name} to hover`);
  await page.mouseMove(EMPTY_SPOT);
  await page.mouseMove(box, 4);
  return box;
}

/** Waits for an open card that satisfies `accept` (by default: any card whose content has loaded). */
export function waitForCard(
  page: TestPage,
  what: string,
  accept: (card: CardSnapshot) => boolean = (c) => c.quotes.length > 0,
  timeoutMs = 10_000,
): Promise<CardSnapshot> {
  return waitFor(
    () => page.card(),
    (c) => c !== null && accept(c),
    { what, timeoutMs },
  ) as Promise<CardSnapshot>;
}

/** Waits until no card is open. */
export async function waitForNoCard(page: TestPage, what: string, timeoutMs = 5_000): Promise<void> {
  await waitFor(
    () => page.card(),
    (c) => c === null,
    { what, timeoutMs },
  );
}

/** Closes any open card and parks the pointer on the empty spot, so each test starts from the same state. */
export async function resetCard(page: TestPage): Promise<void> {
  await page.mouseMove(EMPTY_SPOT);
  if ((await page.card()) !== null) await page.press('Escape');
  await waitForNoCard(page, 'the card to close before the next test');
}
