/**
 * A translated sentence with elements inside it ("Press <kbd>…</kbd>, or click <button look>…"), without
 * cutting the sentence into pieces that translators would have to order blind: the message keeps its
 * placeholders where its language puts them, and each one becomes the element given for it.
 */
import type { ComponentChild } from 'preact';
import { Fragment } from 'preact';
import { t } from '../../platform/i18n';

/** Characters no message contains, standing in for the elements while the browser fills the placeholders. */
const marker = (index: number): string => `\u2063${index}\u2063`;
const MARKERS = /\u2063(\d+)\u2063/;

/** `t(key)` with its `$1`, `$2`… placeholders replaced by `parts[0]`, `parts[1]`…. */
export function richMessage(key: string, parts: readonly ComponentChild[]): ComponentChild[] {
  const text = t(
    key,
    parts.map((_, i) => marker(i)),
  );
  // split() with a capturing group alternates text and captured indexes: [text, 0, text, 1, text].
  return text
    .split(MARKERS)
    .map((piece, i) =>
      i % 2 === 0 ? piece : <Fragment key={`part-${piece}`}>{parts[Number(piece)]}</Fragment>,
    );
}
