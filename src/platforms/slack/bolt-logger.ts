// Bolt's Logger interface on top of our pino logger, so Slack's own logs share our format and secret redaction.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logger.js';

function fromPino(level: string): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

const line = (parts: unknown[]): string =>
  parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');

/** Wraps a pino logger for Bolt, the Web API client and the Socket Mode client. */
export function createBoltLogger(logger: Logger): BoltLogger {
  let name = 'slack';
  return {
    debug: (...msg: unknown[]) => logger.debug({ component: name }, line(msg)),
    info: (...msg: unknown[]) => logger.info({ component: name }, line(msg)),
    warn: (...msg: unknown[]) => logger.warn({ component: name }, line(msg)),
    error: (...msg: unknown[]) => logger.error({ component: name }, line(msg)),
    // LOG_LEVEL decides; Bolt and its clients call setLevel with their own defaults, which must not override it.
    setLevel: (_level: LogLevel) => undefined,
    getLevel: () => fromPino(logger.level),
    setName: (value: string) => {
      name = value;
    },
  };
}
