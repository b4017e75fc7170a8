/** Highlight tints per entity type, shared by the generated `content.css` and the runtime style sheet. */
import type { EntityType } from './kb-types';
import type { NoteColor } from './notes/note-types';

/** Tint per type: [light-scheme rgba, dark-scheme rgba]. */
export const TINTS: Record<EntityType, readonly [string, string]> = {
  'threat-actor': ['rgba(220, 38, 38, 0.2)', 'rgba(248, 113, 113, 0.35)'],
  company: ['rgba(37, 99, 235, 0.18)', 'rgba(96, 165, 250, 0.35)'],
  'government-body': ['rgba(22, 163, 74, 0.2)', 'rgba(74, 222, 128, 0.3)'],
  'military-unit': ['rgba(101, 163, 13, 0.22)', 'rgba(163, 230, 53, 0.3)'],
  agreement: ['rgba(147, 51, 234, 0.18)', 'rgba(192, 132, 252, 0.35)'],
  programme: ['rgba(217, 119, 6, 0.2)', 'rgba(251, 191, 36, 0.3)'],
  policy: ['rgba(217, 119, 6, 0.2)', 'rgba(251, 191, 36, 0.3)'],
  organisation: ['rgba(13, 148, 136, 0.2)', 'rgba(45, 212, 191, 0.3)'],
  person: ['rgba(219, 39, 119, 0.18)', 'rgba(244, 114, 182, 0.35)'],
};

/** The tints of one type. */
export const tintFor = (type: EntityType): readonly [string, string] => TINTS[type];

/**
 * Note colours: a marker-strength fill and a solid underline, so a reader's own highlights never look like
 * the lighter, underline-free entity tints. [fill, underline, dark-scheme fill].
 */
export const NOTE_TINTS: Record<NoteColor, readonly [string, string, string]> = {
  yellow: ['rgba(250, 204, 21, 0.5)', '#ca8a04', 'rgba(250, 204, 21, 0.35)'],
  green: ['rgba(74, 222, 128, 0.45)', '#16a34a', 'rgba(74, 222, 128, 0.3)'],
  blue: ['rgba(96, 165, 250, 0.45)', '#2563eb', 'rgba(96, 165, 250, 0.35)'],
  pink: ['rgba(244, 114, 182, 0.45)', '#db2777', 'rgba(244, 114, 182, 0.35)'],
  purple: ['rgba(192, 132, 252, 0.45)', '#9333ea', 'rgba(192, 132, 252, 0.35)'],
};
