// /brief <topic>: key facts on a topic across the articles, cited, with the strongest quotes.
import { z } from 'zod';
import type { BriefQuote, TopicBrief } from '../src/briefing/briefing.js';
import { type Block, type Reply, r, reply } from '../src/reply/model.js';
import { defineCommand } from './define-command.js';

/**
 * A quote as a block. Reported (indirect) speech is the article's words about what was said, so
 * it is shown as a report with its cue, never in quotation marks as if the speaker had said it.
 */
export function quoteBlock(q: BriefQuote): Block {
  if (q.kind === 'indirect') {
    const who = q.role ? `${q.speaker}, ${q.role}` : q.speaker;
    return r.bullet(`Reported (${who}, ${q.cue ?? 'said'}): ${q.text}`, q.citation);
  }
  return r.quote(q.text, q.speaker, { role: q.role ?? undefined, cue: q.cue ?? undefined, citation: q.citation });
}

export function renderBrief(b: TopicBrief): Reply {
  if (!b.topic) {
    const tip = b.suggestions.length ? ` Closest known topics: ${b.suggestions.join(', ')}.` : ' Try /topics.';
    return reply([r.text(`No article mentions "${b.query}".${tip}`)], { ephemeral: true });
  }
  const blocks: Block[] = [
    r.heading(`Brief: ${b.topic}${b.page > 1 ? ` (page ${b.page})` : ''}`),
    r.context(`From ${b.articleCount} article${b.articleCount === 1 ? '' : 's'}.`),
  ];
  if (b.facts.length) {
    blocks.push(r.text('Key facts'));
    for (const f of b.facts) {
      const also = f.alsoIn.length ? ` (also in ${f.alsoIn.map((c) => `${c.title}, ¶${c.paragraph}`).join('; ')})` : '';
      blocks.push(r.bullet(`${f.text}${also}`, f.citation));
    }
  }
  if (b.quotes.length) {
    blocks.push(r.divider(), r.text('What they said'));
    for (const q of b.quotes) blocks.push(quoteBlock(q));
  }
  if (b.otherVoices.length) {
    blocks.push(r.divider(), r.text('Other voices'));
    for (const q of b.otherVoices) blocks.push(quoteBlock(q));
  }
  if (!b.facts.length && !b.quotes.length) blocks.push(r.text('Nothing more on this topic.'));
  return reply(blocks, { more: b.hasMore ? `/brief ${b.query} page:${b.page + 1}` : undefined });
}

export const brief = defineCommand({
  name: 'brief',
  description: 'Brief me on a topic from the news',
  options: z.object({
    topic: z.string().trim().min(1).max(100).describe('Topic, e.g. nato'),
    page: z.coerce.number().int().min(1).max(50).optional().describe('Page of the brief (for more)'),
  }),
  positional: ['topic'],
  autocomplete: { topic: 'topic' },
  async run({ options, services }) {
    return renderBrief(await services.briefing.brief(options.topic, { page: options.page }));
  },
});
