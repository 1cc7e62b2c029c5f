// Runs a command for any platform: options from text or structured input, validated, errors made friendly.
import type { z } from 'zod';
import type { AnyCommand, Invoker } from '../commands/define-command.js';
import { errorMessage, StoreUnavailableError, UserError } from './errors.js';
import type { RateLimiter } from './rate-limit.js';
import { failure, type Reply } from './reply/model.js';
import type { Services } from './services.js';

export interface DispatchInput {
  /** Free text after the command name (console, Slack). */
  text?: string;
  /** Structured options (Discord). Takes precedence over text. */
  options?: Record<string, unknown>;
}

/** Splits text into words, keeping "quoted phrases" together. */
function tokenize(text: string): string[] {
  return text.match(/[^\s"“”]+:"[^"]*"|"[^"]*"|“[^”]*”|[^\s]+/g) ?? [];
}

const unquote = (s: string) => s.replace(/^["“]|["”]$/g, '');

/** Free text -> raw options: `name:value` pairs, then positional words in order (the last takes the rest). */
export function parseCommandText(command: AnyCommand, text: string): Record<string, unknown> {
  const known = new Set(Object.keys(command.options.shape));
  const out: Record<string, unknown> = {};
  const rest: string[] = [];
  for (const token of tokenize(text.trim())) {
    const m = /^([a-z_]+):(.+)$/i.exec(token);
    if (m?.[1] && known.has(m[1].toLowerCase()) && m[2]) out[m[1].toLowerCase()] = unquote(m[2]);
    else rest.push(token);
  }
  const positional = (command.positional ?? []).filter((p) => !(p in out));
  positional.forEach((name, i) => {
    if (rest.length === 0) return;
    const last = i === positional.length - 1;
    const taken = last ? rest.splice(0) : rest.splice(0, 1);
    out[name] = taken.length === 1 ? unquote(taken[0] ?? '') : taken.join(' ');
  });
  return out;
}

/** One friendly line from a zod error: the option at fault and what is wrong with it. */
export function describeOptionError(command: AnyCommand, error: z.ZodError): string {
  const issue = error.issues[0];
  const name = String(issue?.path[0] ?? 'input');
  const field = command.options.shape[name] as z.ZodType | undefined;
  const hint = field?.description ? ` (${field.description})` : '';
  let what = issue?.message ?? 'is invalid';
  if (issue?.code === 'invalid_type' && issue.input === undefined) what = 'is required';
  else if (issue?.code === 'too_small') what = issue.origin === 'string' ? 'is too short' : 'is too small';
  else if (issue?.code === 'too_big') {
    what =
      issue.origin === 'string'
        ? `is too long (at most ${String(issue.maximum)} characters)`
        : `is too large (at most ${String(issue.maximum)})`;
  } else if (issue?.code === 'invalid_value' || issue?.code === 'invalid_format')
    what = `is not valid: ${issue.message}`;
  return `/${command.name}: ${name} ${what}${hint}.`;
}

export interface Dispatcher {
  /** The commands served, by name. */
  readonly commands: readonly AnyCommand[];
  find(name: string): AnyCommand | undefined;
  run(name: string, input: DispatchInput, invoker: Invoker): Promise<Reply>;
}

export interface DispatcherOptions {
  /** Per-user and per-channel limits; none when absent. */
  rateLimiter?: RateLimiter;
}

export function createDispatcher(
  commands: readonly AnyCommand[],
  services: Services,
  dispatcherOptions: DispatcherOptions = {},
): Dispatcher {
  const byName = new Map(commands.map((c) => [c.name, c]));
  return {
    commands,
    find: (name) => byName.get(name.replace(/^\//, '').toLowerCase()),
    async run(name, input, invoker) {
      const command = byName.get(name.replace(/^\//, '').toLowerCase());
      if (!command) return failure(`Unknown command /${name.replace(/^\//, '')}. Try /help.`);
      const limit = dispatcherOptions.rateLimiter?.take(
        `${invoker.platform}:${invoker.userId}`,
        `${invoker.platform}:${invoker.channelId}`,
      );
      if (limit && !limit.ok) {
        const who = limit.scope === 'user' ? 'you are' : 'this channel is';
        return failure(`Slow down: ${who} sending commands too fast. Try again in ${limit.retryAfterSeconds} s.`);
      }
      const raw = input.options ?? parseCommandText(command, input.text ?? '');
      const parsed = command.options.safeParse(raw);
      if (!parsed.success) return failure(describeOptionError(command, parsed.error));
      const options = parsed.data as Record<string, unknown>;
      const needsManager =
        typeof command.requiresManageChannel === 'function'
          ? command.requiresManageChannel(options)
          : (command.requiresManageChannel ?? false);
      if (needsManager && !invoker.canManageChannel) {
        return failure(`/${command.name}: you need permission to manage this channel to do that.`);
      }
      try {
        return await command.run({ options, services, invoker });
      } catch (error) {
        if (error instanceof UserError) return failure(error.message);
        if (error instanceof StoreUnavailableError) {
          services.logger.error({ err: error, command: command.name }, 'store unavailable');
          return failure(
            'Newsdesk is temporarily unavailable (its database is not answering). Please try again in a minute.',
          );
        }
        services.logger.error(
          { err: error, command: command.name, platform: invoker.platform },
          `command failed: ${errorMessage(error)}`,
        );
        return failure(`Sorry, something went wrong answering /${command.name}. It has been logged.`);
      }
    },
  };
}
