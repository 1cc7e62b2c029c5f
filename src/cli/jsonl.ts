// JSONL batch runner shared by `extract` and `summarize`: one output line per input line, errors included.
import { z } from 'zod';
import { MAX_ARTICLE_CHARS } from '../article/schema.js';
import { errorMessage } from '../errors.js';
import { type CliIo, readLines, writeLine } from './io.js';

const inputLine = z.object({ id: z.union([z.string(), z.number()]).transform(String), text: z.string() });

/**
 * Applies `fn` to each `{"id","text"}` line of stdin and writes `{"id", ...result}`.
 * A bad line, or a text over MAX_ARTICLE_CHARS, gets `{"id","error"}` and the rest go on. Returns how many lines failed.
 */
export async function mapJsonl(
  io: CliIo,
  fn: (text: string, id: string) => Record<string, unknown>,
): Promise<{ ok: number; failed: number }> {
  let ok = 0;
  let failed = 0;
  let lineNo = 0;
  for await (const raw of readLines(io.stdin)) {
    lineNo++;
    if (!raw.trim()) continue;
    let id: string | null = null;
    try {
      const json: unknown = JSON.parse(raw);
      const maybeId = (json as { id?: unknown } | null)?.id;
      if (typeof maybeId === 'string' || typeof maybeId === 'number') id = String(maybeId);
      const parsed = inputLine.safeParse(json);
      if (!parsed.success) {
        throw new Error(
          `line ${lineNo}: expected {"id","text"}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'line'} ${i.message}`).join('; ')}`,
        );
      }
      id = parsed.data.id;
      // Refused, never cut: a summary or quote list of half an article would read as the whole of it.
      if (parsed.data.text.length > MAX_ARTICLE_CHARS) {
        throw new Error(
          `line ${lineNo}: id ${id}: text too large (${parsed.data.text.length} characters; the limit is ${MAX_ARTICLE_CHARS})`,
        );
      }
      await writeLine(io.stdout, JSON.stringify({ id, ...fn(parsed.data.text, id) }));
      ok++;
    } catch (error) {
      failed++;
      const message = error instanceof SyntaxError ? `line ${lineNo}: not JSON: ${error.message}` : errorMessage(error);
      await writeLine(io.stdout, JSON.stringify({ id, error: message }));
    }
  }
  return { ok, failed };
}
