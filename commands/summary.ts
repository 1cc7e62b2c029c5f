// /summary [article]: a short summary of one article (the newest when none is named).
import { z } from 'zod';
import { r, reply } from '../src/reply/model.js';
import { quoteBlock } from './brief.js';
import { defineCommand } from './define-command.js';

export const summary = defineCommand({
  name: 'summary',
  description: 'Summarize an article (the newest if none is named)',
  options: z.object({
    article: z.string().trim().max(200).optional().describe('Article id or words of its title'),
  }),
  positional: ['article'],
  autocomplete: { article: 'article' },
  async run({ options, services }) {
    const s = await services.briefing.summary(options.article || undefined);
    const a = s.article;
    const blocks = [
      r.heading(a.title),
      r.context(
        `${a.source}, ${a.date}${a.author ? `, by ${a.author}` : ''}${a.url ? ` · ${a.url}` : ''} · id ${a.id}`,
      ),
      ...s.sentences.map((x) =>
        r.bullet(x.text, {
          articleId: a.id,
          title: a.title,
          paragraph: x.paragraph,
          source: a.source,
          url: a.url,
          date: a.date,
        }),
      ),
    ];
    if (s.topQuote) blocks.push(r.divider(), quoteBlock(s.topQuote));
    return reply(blocks);
  },
});
