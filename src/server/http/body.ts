/**
 * Reading and validating a JSON body within the protocol's size limit. The declared Content-Length is checked
 * first (cheap refusal), then the bytes actually read are counted, because a chunked body declares no length
 * and a declared one is only a claim. Every failure is a `HTTPException` with a JSON `{error}` reply, so
 * handlers read as the happy path.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as v from 'valibot';

/** A refusal with a JSON body the client can show. */
export function refuse(
  status: 400 | 401 | 403 | 413 | 415 | 429,
  error: string,
  headers?: HeadersInit,
): never {
  throw new HTTPException(status, {
    res: new Response(JSON.stringify({ error }), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    }),
  });
}

async function readText(c: Context, maxBytes: number): Promise<string> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > maxBytes)
    refuse(413, `request body over ${maxBytes} bytes`);
  const stream = c.req.raw.body;
  if (!stream) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      refuse(413, `request body over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The issues in one line: where, and what is wrong (the first few are enough to fix a client). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${v.getDotPath(i) ?? 'body'}: ${i.message}`)
    .join('; ');
}

/** The body parsed as JSON and checked against `schema`. */
export async function readBody<S extends v.GenericSchema>(
  c: Context,
  schema: S,
  maxBytes: number,
): Promise<v.InferOutput<S>> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
    refuse(415, 'send the body as application/json');
  const text = await readText(c, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    refuse(400, 'the body is not valid JSON');
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) refuse(400, `invalid request: ${describeIssues(parsed.issues)}`);
  return parsed.output;
}
