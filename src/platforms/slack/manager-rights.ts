// Whether a Slack user may manage channel settings: workspace admins and owners, looked up with users.info.
import type { webApi } from '@slack/bolt';
import { errorMessage } from '../../errors.js';
import type { Logger } from '../../logger.js';

export interface ManagerRights {
  /** True for workspace admins and owners; false when unknown (the lookup failed). */
  canManage(userId: string): Promise<boolean>;
}

export interface ManagerRightsOptions {
  client: webApi.WebClient;
  logger: Logger;
  /** How long an answer is reused (default 5 minutes): roles change rarely, commands come often. */
  ttlMs?: number;
  now?: () => number;
}

export function createManagerRights(options: ManagerRightsOptions): ManagerRights {
  const ttl = options.ttlMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { value: boolean; until: number }>();
  return {
    async canManage(userId) {
      const hit = cache.get(userId);
      if (hit && hit.until > now()) return hit.value;
      let value = false;
      try {
        const res = await options.client.users.info({ user: userId });
        const u = res.user;
        value = Boolean(u && (u.is_admin || u.is_owner || u.is_primary_owner));
      } catch (error) {
        // Fail closed: without users:read nobody gets manager rights, and the log says why.
        options.logger.warn(
          { userId, err: errorMessage(error) },
          'slack users.info failed; treating user as non-manager',
        );
      }
      cache.set(userId, { value, until: now() + ttl });
      return value;
    },
  };
}
