// The explicit list of commands: every platform serves exactly these (no auto-loading).
import { brief } from './brief.js';
import type { AnyCommand } from './define-command.js';
import { digest } from './digest.js';
import { createHelp } from './help.js';
import { quotes } from './quotes.js';
import { sources } from './sources.js';
import { summary } from './summary.js';
import { topics } from './topics.js';
import { whosaid } from './whosaid.js';

export const commands: readonly AnyCommand[] = [
  brief as unknown as AnyCommand,
  summary as unknown as AnyCommand,
  whosaid as unknown as AnyCommand,
  quotes as unknown as AnyCommand,
  topics as unknown as AnyCommand,
  digest as unknown as AnyCommand,
  sources as unknown as AnyCommand,
  createHelp(() => commands) as unknown as AnyCommand,
];
