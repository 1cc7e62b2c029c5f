// /quotes <person>: what a person said, verbatim, each quote with the speaker's role and source.
import { z } from 'zod';
import { r, reply } from '../src/reply/model.js';
import { quoteBlock } from './brief.js';
import { defineCommand } from './define-command.js';

export const quotes = defineCommand({
  name: 'quotes',
  description: 'What a person said, verbatim',
  options: z.object({ person: z.string().trim().min(2).max(100).describe('A person, e.g. bolton') }),
  positional: ['person'],
  autocomplete: { person: 'person' },
  async run({ options, services }) {
    const res = await services.briefing.quotesBy(options.person);
    if (!res.person || res.quotes.length === 0) {
      const who = res.person ?? options.person;
      const tip = res.suggestions.length ? ` People quoted: ${res.suggestions.join(', ')}.` : '';
      return reply([r.text(`No quotes from "${who}" in these articles.${tip}`)], { ephemeral: true });
    }
    return reply([
      r.heading(`${res.person}${res.role ? `, ${res.role}` : ''}`),
      r.context(`${res.quotes.length} quote${res.quotes.length === 1 ? '' : 's'}`),
      ...res.quotes.map(quoteBlock),
    ]);
  },
});
