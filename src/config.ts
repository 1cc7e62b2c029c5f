// The only reader of process.env: one zod schema, and one error that lists every bad variable.
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';

const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const port = (fallback: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : v), z.coerce.number().int().min(0).max(65535));
const optionalPort = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.coerce.number().int().min(0).max(65535).optional(),
);
const positiveNumber = (fallback: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : v), z.coerce.number().positive());

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z
  .object({
    DATA_DIR: z.string().default('./data'),
    CONTENT_DIR: z.string().default('./content'),
    DATABASE_URL: optionalString.refine(
      (v) => v === undefined || /^(postgres(ql)?|sqlite|file):/.test(v) || !v.includes('://'),
      'must be a postgres:// URL, a sqlite: URL or a file path',
    ),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SLACK_BOT_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString,
    SLACK_PORT: port(3000),
    SLACK_API_URL: optionalUrl,
    DISCORD_TOKEN: optionalString,
    DISCORD_GUILD_ID: optionalString.refine((v) => v === undefined || /^\d{5,25}$/.test(v), 'must be a snowflake id'),
    DISCORD_API_URL: optionalUrl,
    DIGEST_TIMEZONE: z
      .string()
      .default('UTC')
      .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Paris'),
    DIGEST_CATCHUP_HOURS: positiveNumber(6),
    HEALTH_PORT: optionalPort,
    FEEDS_ALLOW_PRIVATE_ADDRESSES: z
      .enum(['true', 'false', '1', '0', ''])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    RATE_LIMIT_USER_PER_MINUTE: positiveNumber(20),
    RATE_LIMIT_CHANNEL_PER_MINUTE: positiveNumber(60),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'SLACK_BOT_TOKEN is set: set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)',
      });
    }
  });

export interface Config {
  dataDir: string;
  contentDir: string;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  slack?: {
    botToken: string;
    signingSecret?: string | undefined;
    appToken?: string | undefined;
    port: number;
    apiUrl?: string | undefined;
  };
  discord?: { token: string; guildId?: string | undefined; apiUrl?: string | undefined };
  digest: { timeZone: string; catchupHours: number };
  healthPort?: number | undefined;
  rateLimits: { userPerMinute: number; channelPerMinute: number };
  /** Whether feeds added from chat may point at loopback or private addresses (off: no probing the local network). */
  feeds: { allowPrivateAddresses: boolean };
  /** Every secret value, so logs can redact them wherever they appear. */
  secrets: string[];
}

/** Parses the environment; throws ConfigError naming every bad variable before anything connects. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const url = e.DATABASE_URL;
  const database: Config['database'] =
    url && /^postgres(ql)?:/.test(url)
      ? { kind: 'postgres', url }
      : {
          kind: 'sqlite',
          path: url ? resolve(url.replace(/^(sqlite|file):(\/\/)?/, '')) : resolve(dataDir, 'newsdesk.db'),
        };
  const secrets = [e.SLACK_BOT_TOKEN, e.SLACK_SIGNING_SECRET, e.SLACK_APP_TOKEN, e.DISCORD_TOKEN].filter(
    (s): s is string => typeof s === 'string' && s.length >= 4,
  );
  const dbPassword = url && /^postgres/.test(url) ? safePassword(url) : undefined;
  if (dbPassword) secrets.push(dbPassword);
  return {
    dataDir,
    contentDir: resolve(e.CONTENT_DIR),
    database,
    logLevel: e.LOG_LEVEL,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          appToken: e.SLACK_APP_TOKEN,
          port: e.SLACK_PORT,
          apiUrl: e.SLACK_API_URL,
        }
      : undefined,
    discord: e.DISCORD_TOKEN
      ? { token: e.DISCORD_TOKEN, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL }
      : undefined,
    digest: { timeZone: e.DIGEST_TIMEZONE, catchupHours: e.DIGEST_CATCHUP_HOURS },
    healthPort: e.HEALTH_PORT,
    rateLimits: { userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE, channelPerMinute: e.RATE_LIMIT_CHANNEL_PER_MINUTE },
    feeds: { allowPrivateAddresses: e.FEEDS_ALLOW_PRIVATE_ADDRESSES },
    secrets,
  };
}

function safePassword(url: string): string | undefined {
  try {
    const p = decodeURIComponent(new URL(url).password);
    return p.length >= 4 ? p : undefined;
  } catch {
    return undefined;
  }
}
