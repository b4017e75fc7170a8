import * as v from 'valibot';
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
}

/** Defaults for a fresh profile: every type on, a dwell close to Wikipedia's page previews. */
export const DEFAULT_SETTINGS: Settings = {
  highlightStyle: 'background',
  enabledTypes: [...ENTITY_TYPES],
  hoverDelayMs: 300,
};

/** Bounds of the hover delay the options page offers. */
export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

const SettingsSchema = v.object({
  highlightStyle: v.picklist(['background', 'underline', 'both']),
  enabledTypes: v.array(v.picklist(ENTITY_TYPES as EntityType[])),
  hoverDelayMs: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(HOVER_DELAY_RANGE.min),
    v.maxValue(HOVER_DELAY_RANGE.max),
  ),
});

/**
 * Reads settings from untrusted storage: each field that is missing or invalid (an older version, a
 * hand-edited profile) falls back to its default instead of failing the whole object.
 */
export function parseSettings(raw: unknown): Settings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out: Settings = { ...DEFAULT_SETTINGS, enabledTypes: [...DEFAULT_SETTINGS.enabledTypes] };
  for (const key of Object.keys(SettingsSchema.entries) as Array<keyof Settings>) {
    const field = v.safeParse(SettingsSchema.entries[key], input[key]);
    if (field.success) (out as unknown as Record<string, unknown>)[key] = field.output;
  }
  return out;
}

/** The `storage.sync` key under which settings live. */
export const SETTINGS_KEY = 'settings';
