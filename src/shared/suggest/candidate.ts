/** What each pattern finder reports: one name as it stands in one block, before merging and ranking. */
import type { EntityType } from '../kb-types';

export type SuggestionReason = 'definition' | 'dubbed' | 'quoted' | 'repeated';

export interface Candidate {
  name: string;
  aliases: string[];
  reason: SuggestionReason;
  blockIndex: number;
  /** Offsets of the name (or the whole definition) in the block's text. */
  start: number;
  end: number;
  /** A type the finder could tell from the pattern itself (a hacking group's code name, a title before it). */
  type?: EntityType;
  /** How many times the finder saw the name (repeated names); 1 otherwise. */
  occurrences: number;
}

/** A block of a source: only headings and paragraphs are read for names (a bio names its author). */
export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'bio';
  text: string;
}
