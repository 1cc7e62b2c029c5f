// /help: what Newsdesk can do, from the command list itself.
import { z } from 'zod';
import { r, reply } from '../src/reply/model.js';
import { type AnyCommand, defineCommand } from './define-command.js';

/** /help needs the list it belongs to; index.ts passes it in, so there is no import cycle. */
export function createHelp(list: () => readonly AnyCommand[]) {
  return defineCommand({
    name: 'help',
    description: 'What Newsdesk can do',
    options: z.object({}),
    async run() {
      return reply(
        [
          r.heading('Newsdesk'),
          r.text('I read the news and answer from the articles, citing article and paragraph.'),
          ...list().map((c) => {
            const args = (c.positional ?? []).map((p) => `<${p}>`).join(' ');
            return r.bullet(`/${c.name}${args ? ` ${args}` : ''}: ${c.description}`);
          }),
        ],
        { ephemeral: true },
      );
    },
  });
}
