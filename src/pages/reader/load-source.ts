/** Fetching a source for the reader, telling "no such source" apart from "something went wrong". */
import { request } from '../../platform/messaging';
import type { SourceView } from '../../shared/protocol';

/** A source found, or the sources that do exist when the asked-for one does not. */
export type SourceLoad =
  | { kind: 'found'; view: SourceView }
  | { kind: 'unknown'; sources: Array<{ id: string; title: string }> };

/** The shape of a source id, as the background validates it; anything else cannot name a source. */
const SOURCE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Loads `sourceId`. When that fails, `listKb` decides whether the source simply does not exist (a clear
 * message and the list of real ones) or the failure was something else (its error is rethrown as is).
 */
export async function loadSource(sourceId: string): Promise<SourceLoad> {
  if (!SOURCE_ID.test(sourceId)) return { kind: 'unknown', sources: await listSources().catch(() => []) };
  try {
    return { kind: 'found', view: await request('getSource', { sourceId }) };
  } catch (error) {
    const sources = await listSources().catch(() => undefined);
    if (sources && !sources.some((s) => s.id === sourceId)) return { kind: 'unknown', sources };
    throw error;
  }
}

async function listSources(): Promise<Array<{ id: string; title: string }>> {
  return (await request('listKb', {})).sources;
}
