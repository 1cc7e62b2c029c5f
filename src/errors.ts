// Error types: coded internal errors, errors meant for the user, and configuration errors.

/** A failure inside Newsdesk with a stable code for logs and tests. */
export class NewsdeskError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NewsdeskError';
    this.code = code;
  }
}

/** An expected failure whose message is shown to the user as it is (no stack, no internals). */
export class UserError extends NewsdeskError {
  constructor(message: string, code = 'user_error') {
    super(code, message);
    this.name = 'UserError';
  }
}

/** The environment is unusable: lists every bad variable at once. */
export class ConfigError extends NewsdeskError {
  readonly issues: string[];
  constructor(issues: string[]) {
    super('config_invalid', `Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** A store (database) that cannot be reached or answered with an error. */
export class StoreUnavailableError extends NewsdeskError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store_unavailable', message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** A platform refused a post to a channel; `reason` is the platform's own code. */
export class ChannelError extends NewsdeskError {
  readonly reason: 'channel_not_found' | 'not_in_channel' | 'is_archived' | 'missing_access' | 'other';
  readonly permanent: boolean;
  constructor(reason: ChannelError['reason'], message: string, options?: { cause?: unknown; permanent?: boolean }) {
    super(`channel_${reason}`, message, options);
    this.name = 'ChannelError';
    this.reason = reason;
    this.permanent = options?.permanent ?? reason !== 'other';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
