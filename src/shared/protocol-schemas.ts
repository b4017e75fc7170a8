/**
 * Runtime validation of every background request. Content scripts are an untrusted channel (a compromised
 * or hostile page can influence what they send), so the background never trusts a message's shape.
 */
import * as v from 'valibot';
import type { RequestEnvelope, RequestName } from './protocol';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));
const url = v.pipe(v.string(), v.maxLength(8192));
const empty = v.strictObject({});

/** Argument schemas, one per request; `satisfies` keeps this list and the protocol in step. */
export const REQUEST_SCHEMAS = {
  getPageConfig: v.strictObject({ url }),
  getCard: v.strictObject({ entityId: id }),
  reportMentions: v.strictObject({
    url,
    counts: v.pipe(
      v.record(id, v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
      v.check((r) => Object.keys(r).length <= 1000, 'too many entities'),
    ),
  }),
  openReader: v.strictObject({
    sourceId: id,
    entityId: v.optional(id),
    passageId: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}:\d{1,6}:\d{1,7}$/))),
  }),
  openOptions: empty,
  getTabSummary: v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  setSiteEnabled: v.strictObject({
    host: v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^[a-z0-9.\-:[\]]+$/i)),
    isEnabled: v.boolean(),
  }),
  getSource: v.strictObject({ sourceId: id }),
  listKb: empty,
} satisfies Record<RequestName, v.GenericSchema>;

const EnvelopeSchema = v.strictObject({
  gloss: v.literal(1),
  type: v.picklist(Object.keys(REQUEST_SCHEMAS) as RequestName[]),
  args: v.unknown(),
});

/**
 * Checks that `raw` is a well-formed request; returns the typed envelope or a message saying what is wrong.
 * Messages that are not ours at all (no `gloss` tag) return `null` so other listeners may answer them.
 */
export function parseRequest(raw: unknown): RequestEnvelope | { error: string } | null {
  if (typeof raw !== 'object' || raw === null || (raw as { gloss?: unknown }).gloss === undefined)
    return null;
  const envelope = v.safeParse(EnvelopeSchema, raw);
  if (!envelope.success) return { error: `malformed message: ${v.summarize(envelope.issues)}` };
  const { type, args } = envelope.output;
  const parsed = v.safeParse(REQUEST_SCHEMAS[type], args ?? {});
  if (!parsed.success) return { error: `invalid arguments for ${type}: ${v.summarize(parsed.issues)}` };
  return { gloss: 1, type, args: parsed.output } as RequestEnvelope;
}
