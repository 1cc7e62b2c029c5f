// How a command is declared: once, platform-neutral, with its options as a zod schema.
import type { z } from 'zod';
import type { Reply } from '../src/reply/model.js';
import type { Services } from '../src/services.js';

/** Who asked, and where: platforms fill this in from their own request. */
export interface Invoker {
  platform: 'console' | 'cli' | 'slack' | 'discord';
  userId: string;
  /** The channel the command came from (digests post here); "console" in the console chat. */
  channelId: string;
  /** Whether the invoker may change this channel's settings (Discord Manage Channels, Slack admin/owner...). */
  canManageChannel: boolean;
}

/** What an option offers as autocomplete on platforms that have it. */
export type AutocompleteKind = 'topic' | 'person' | 'article';

export interface CommandContext<O> {
  options: O;
  services: Services;
  invoker: Invoker;
}

export interface Command<S extends z.ZodObject = z.ZodObject> {
  /** Slash-command name, lower case ("brief"). */
  name: string;
  /** One line for /help and the platforms' command pickers (≤ 100 chars). */
  description: string;
  /** The options; `.describe()` on each gives its help text. */
  options: S;
  /** Options filled from free text (console, Slack), in this order; the last takes the rest of the line. */
  positional?: readonly string[];
  /** Whether running it (with these options) needs channel-manager rights. */
  requiresManageChannel?: boolean | ((options: z.infer<S>) => boolean);
  /** Option name -> what it autocompletes from. */
  autocomplete?: Partial<Record<string, AutocompleteKind>>;
  run(context: CommandContext<z.infer<S>>): Promise<Reply>;
}

/** Declares a command; the identity function keeps the option types. */
export function defineCommand<S extends z.ZodObject>(command: Command<S>): Command<S> {
  return command;
}

/** Every command with its schema widened, for the registries that list them. */
export type AnyCommand = Command<z.ZodObject>;
