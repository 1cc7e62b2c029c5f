// `newsdesk summarize --jsonl [--sentences N]`: a summary for each {"id","text"} line on stdin.
import { UserError } from '../errors.js';
import { analyseText } from '../nlp/analyse.js';
import { type CliIo, flag, hasFlag } from './io.js';
import { mapJsonl } from './jsonl.js';

export async function summarize(args: string[], io: CliIo): Promise<number> {
  if (!hasFlag(args, 'jsonl'))
    throw new UserError('summarize reads JSONL: use `newsdesk summarize --jsonl < input.jsonl`');
  const n = Number(flag(args, 'sentences') ?? 3);
  if (!Number.isInteger(n) || n < 1 || n > 20) throw new UserError('--sentences must be a whole number from 1 to 20');
  const { failed } = await mapJsonl(io, (text) => ({ summary: analyseText(text, { summarySentences: n }).summary }));
  return failed > 0 ? 1 : 0;
}
