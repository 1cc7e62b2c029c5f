// The console chat: type /brief nato; each line is a command, answered in plain text.
import { createInterface } from 'node:readline';
import type { Invoker } from '../../../commands/define-command.js';
import type { Dispatcher } from '../../dispatch.js';
import { renderPlain } from '../../reply/render-plain.js';

export const CONSOLE_INVOKER: Invoker = {
  platform: 'console',
  userId: 'console',
  channelId: 'console',
  canManageChannel: true,
};

export interface ConsoleChatOptions {
  dispatcher: Dispatcher;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  /** Shown once at the start when the input is a terminal. */
  banner?: string;
}

/** Splits "/brief nato" into the command name and the rest of the line. */
export function splitCommandLine(line: string): { name: string; text: string } | null {
  const m = /^\/?([a-z][\w-]*)\s*([\s\S]*)$/i.exec(line.trim());
  return m?.[1] ? { name: m[1].toLowerCase(), text: m[2] ?? '' } : null;
}

/** Answers each line until the input ends (or "quit"); resolves when done. */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { dispatcher, input, output } = options;
  const interactive = Boolean(input.isTTY);
  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  if (interactive) {
    output.write(
      options.banner ?? 'Newsdesk console. Type /brief nato, /whosaid putin was a good guy, /help, or quit.\n',
    );
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit' || line === '/quit') break;
    if (line) {
      const parsed = splitCommandLine(line);
      const reply = parsed
        ? await dispatcher.run(parsed.name, { text: parsed.text }, CONSOLE_INVOKER)
        : await dispatcher.run('help', {}, CONSOLE_INVOKER);
      output.write(renderPlain(reply));
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
