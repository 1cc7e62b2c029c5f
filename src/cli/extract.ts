// `newsdesk extract --jsonl`: quotes and their speakers for each {"id","text"} line on stdin.

import { UserError } from '../errors.js';
import { analyseText } from '../nlp/analyse.js';
import { type CliIo, hasFlag } from './io.js';
import { mapJsonl } from './jsonl.js';

export async function extract(args: string[], io: CliIo): Promise<number> {
  if (!hasFlag(args, 'jsonl')) throw new UserError('extract reads JSONL: use `newsdesk extract --jsonl < input.jsonl`');
  const { failed } = await mapJsonl(io, (text) => ({
    // An interrupted attribution ("A, they say, B") is printed as its pieces, A and B.
    quotes: analyseText(text).quotes.flatMap((q) =>
      (q.parts ?? [q]).map(({ start, end, kind }) => ({
        quote: text.slice(start, end),
        start,
        end,
        speaker: q.speaker,
        speakerStart: q.speakerStart,
        speakerEnd: q.speakerEnd,
        role: q.role,
        cue: q.cue,
        kind,
      })),
    ),
  }));
  return failed > 0 ? 1 : 0;
}
