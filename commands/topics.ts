// /topics: the topics the articles cover, most covered first.
import { z } from 'zod';
import { r, reply } from '../src/reply/model.js';
import { defineCommand } from './define-command.js';

export const topics = defineCommand({
  name: 'topics',
  description: 'List the topics the news covers',
  options: z.object({}),
  async run({ services }) {
    const list = await services.briefing.topics(30);
    if (list.length === 0) return reply([r.text('No topics yet: there are no articles.')]);
    return reply([
      r.heading('Topics'),
      ...list.map((t) => r.bullet(`${t.name} (${t.articles} article${t.articles === 1 ? '' : 's'})`)),
      r.context('Ask /brief <topic> for a brief.'),
    ]);
  },
});
