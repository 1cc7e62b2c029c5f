// Structured logs (pino) with every configured secret redacted wherever it appears in a line.
import { Writable } from 'node:stream';
import pino from 'pino';

export type Logger = pino.Logger;

export interface LoggerOptions {
  level?: string;
  /** Secret values (tokens, signing secrets, passwords): replaced by [REDACTED] in every line. */
  secrets?: readonly string[];
  /** Where lines go; stderr by default so stdout stays for answers. */
  destination?: NodeJS.WritableStream;
}

const REDACT_PATHS = [
  'token',
  '*.token',
  'headers.authorization',
  '*.headers.authorization',
  'signingSecret',
  '*.signingSecret',
  'password',
];

export function createLogger(options: LoggerOptions = {}): Logger {
  const out = options.destination ?? process.stderr;
  const secrets = [...new Set(options.secrets ?? [])].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  const stream =
    secrets.length === 0
      ? out
      : new Writable({
          write(chunk: Buffer, _enc, done) {
            let line = chunk.toString('utf8');
            for (const s of secrets) line = line.split(s).join('[REDACTED]');
            out.write(line);
            done();
          },
        });
  return pino(
    { level: options.level ?? 'info', base: undefined, redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } },
    stream,
  );
}

/** A logger that writes nothing, for tests and one-shot CLI commands. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
