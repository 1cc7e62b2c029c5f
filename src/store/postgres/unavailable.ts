// Which Postgres errors mean the database is unreachable (not the request wrong), and a guard that says so.
import { StoreUnavailableError } from '../../errors.js';

/** Connection failures and server shutdowns: the store is unavailable, not the request wrong. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error instanceof Error && /connect|terminat|timeout/i.test(error.message);
  return /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|57P0[123]|08\w{3}|53300|53400)$/.test(code);
}

/** Runs `fn`, turning an unreachable database into StoreUnavailableError ("Postgres store: <what> failed"). */
export async function guardUnavailable<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isUnavailable(error)) throw new StoreUnavailableError(`Postgres store: ${what} failed`, { cause: error });
    throw error;
  }
}
