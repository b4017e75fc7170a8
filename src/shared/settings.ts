import { DEFAULT_RETENTION_DAYS, RETENTION_CHOICES, type RetentionDays } from './history/history-types';
import { ENTITY_TYPES, type EntityType } from './kb-types';

/** How highlights are drawn on pages: a tinted background, an underline, or both. */
export type HighlightStyle = 'background' | 'underline' | 'both';

/** The small settings that follow the user's browser profile through `storage.sync`. */
export interface Settings {
  highlightStyle: HighlightStyle;
  /** Entity types to highlight; the others are matched but not drawn or counted. */
  enabledTypes: EntityType[];
  /** Pointer dwell before a card opens, in milliseconds. */
  hoverDelayMs: number;
  /**
   * The reader's name as written into JSON-LD exports (the `creator` of the notes they wrote); '' for
   * none, the default: nothing personal leaves the browser unless the reader types it.
   */
  creatorName: string;
  /**
   * Record, in this browser only, the pages on which each entity was highlighted ("where you have seen
   * it"). Never synced or sent; never in private windows.
   */
  recordHistory: boolean;
  /** Days that history is kept; 0 keeps it until the reader clears it. */
  historyRetentionDays: RetentionDays;
}

/** Defaults for a fresh profile: every type on, a dwell close to Wikipedia's page previews. */
export const DEFAULT_SETTINGS: Settings = {
  highlightStyle: 'background',
  enabledTypes: [...ENTITY_TYPES],
  hoverDelayMs: 300,
  creatorName: '',
  recordHistory: true,
  historyRetentionDays: DEFAULT_RETENTION_DAYS,
};

/** Bounds of the hover delay the options page offers. */
export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

/** Longest creator name the options page takes; names are short, and storage.sync allows ~8 KB an item. */
export const CREATOR_NAME_MAX = 100;

/** A typed name as stored: trimmed, inner whitespace (line breaks too) collapsed to one space. */
export function tidyCreatorName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

const STYLES: readonly HighlightStyle[] = ['background', 'underline', 'both'];

/**
 * Checks of each field. Written out rather than with valibot (which validates every message in the
 * background) because the content script parses settings on every page and three checks do not justify
 * evaluating a validation library there at start-up.
 */
const FIELD_CHECKS: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  highlightStyle: (v): v is HighlightStyle => STYLES.includes(v as HighlightStyle),
  enabledTypes: (v): v is EntityType[] =>
    Array.isArray(v) &&
    v.every((t) => ENTITY_TYPES.includes(t as EntityType)) &&
    new Set(v).size === v.length,
  hoverDelayMs: (v): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= HOVER_DELAY_RANGE.min && v <= HOVER_DELAY_RANGE.max,
  creatorName: (v): v is string => typeof v === 'string' && v.length <= CREATOR_NAME_MAX,
  recordHistory: (v): v is boolean => typeof v === 'boolean',
  historyRetentionDays: (v): v is RetentionDays => RETENTION_CHOICES.includes(v as RetentionDays),
};

/**
 * Reads settings from untrusted storage: each field that is missing or invalid (an older version, a
 * hand-edited profile) falls back to its default instead of failing the whole object.
 */
export function parseSettings(raw: unknown): Settings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out: Settings = { ...DEFAULT_SETTINGS, enabledTypes: [...DEFAULT_SETTINGS.enabledTypes] };
  for (const key of Object.keys(FIELD_CHECKS) as Array<keyof Settings>) {
    const value = input[key];
    if (FIELD_CHECKS[key](value))
      (out as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}

/** The `storage.sync` key under which settings live. */
export const SETTINGS_KEY = 'settings';
