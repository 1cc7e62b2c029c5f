// /whosaid <words>: who said it, with the exact words, the source and the context.
import { z } from 'zod';
import { r, reply } from '../src/reply/model.js';
import { quoteBlock } from './brief.js';
import { defineCommand } from './define-command.js';

export const whosaid = defineCommand({
  name: 'whosaid',
  description: 'Who said it? Find the speaker of remembered words',
  options: z.object({
    words: z.string().trim().min(2).max(300).describe('The words, roughly, e.g. putin was a good guy'),
  }),
  positional: ['words'],
  async run({ options, services }) {
    const res = await services.briefing.whoSaid(options.words);
    const [best, ...rest] = res.matches;
    if (!best) {
      const blocks = [r.text(`Nobody in these articles said "${options.words}".`)];
      if (res.closest.length) {
        blocks.push(r.text('Closest quotes:'));
        for (const q of res.closest) blocks.push(quoteBlock(q));
      }
      return reply(blocks);
    }
    const blocks = [r.heading(`${best.speaker}${best.role ? `, ${best.role}` : ''}`), quoteBlock(best)];
    if (best.context && best.context !== best.text)
      blocks.push(r.context(`Context (¶${best.citation.paragraph}): ${best.context}`));
    if (rest.length) {
      blocks.push(r.divider(), r.text('Also close:'));
      for (const q of rest) blocks.push(quoteBlock(q));
    }
    return reply(blocks);
  },
});
