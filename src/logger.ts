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
  'headers.Authorization',
  '*.headers.Authorization',
  'signingSecret',
  '*.signingSecret',
  'password',
];

/**
 * Keys of HTTP client errors that carry request credentials (axios from @slack/web-api keeps the
 * Authorization header in `config.headers` and the raw request in `request`): never serialized.
 */
const DROPPED_ERROR_KEYS = new Set([
  'config',
  'request',
  'response',
  'headers',
  'rawHeaders',
  'socket',
  'agent',
  'httpAgent',
  'httpsAgent',
  'requestBody',
]);

/** Credential shapes redacted even when the value was not configured (a token from another source). */
const CREDENTIAL_PATTERNS: readonly [RegExp, string][] = [
  [/\bBearer\s+[\w.~+/=-]{8,}/g, 'Bearer [REDACTED]'],
  // Discord bot tokens are three dot-separated base64 parts; plain words after "Bot" stay readable.
  [/\bBot\s+[\w-]{10,}\.[\w-]{3,}\.[\w-]{10,}/g, 'Bot [REDACTED]'],
  [/\bx(?:ox[abposr]|app)-[\w-]{6,}/g, '[REDACTED]'],
  [/(\bpostgres(?:ql)?:\/\/[^:/@\s"]*):[^@\s"]*@/g, '$1:[REDACTED]@'],
];

/** A serialized error without request config, headers or sockets, at any depth (causes and wrapped originals). */
function scrub(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (DROPPED_ERROR_KEYS.has(key)) continue;
    out[key] = scrub(v, depth + 1);
  }
  return out;
}

/** pino's error serializer (message, stack, cause, own fields) minus anything that can hold credentials. */
export function serializeError(error: unknown): unknown {
  return scrub(error instanceof Error ? pino.stdSerializers.err(error) : error);
}

/** Replaces configured secret values and credential-shaped strings in one log line. */
export function redactLine(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const s of secrets) out = out.split(s).join('[REDACTED]');
  for (const [pattern, replacement] of CREDENTIAL_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const out = options.destination ?? process.stderr;
  const values = (options.secrets ?? []).flatMap((s) => {
    // A password may appear URL-encoded (in a DATABASE_URL) as well as plain.
    const encoded = encodeURIComponent(s);
    return encoded === s ? [s] : [s, encoded];
  });
  const secrets = [...new Set(values)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out.write(redactLine(chunk.toString('utf8'), secrets));
      done();
    },
  });
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      serializers: { err: serializeError, error: serializeError },
    },
    stream,
  );
}

/** A logger that writes nothing, for tests and one-shot CLI commands. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
