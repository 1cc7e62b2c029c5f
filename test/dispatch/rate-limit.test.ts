// Per-user and per-channel rate limits: a friendly "slow down", configurable, and the window slides.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.js';
import { createRateLimiter } from '../../src/rate-limit.js';
import { createTestApp } from '../helpers/test-app.js';

describe('rate limits', () => {
  it('refuses a user past the per-user limit, then lets them in again after the window', () => {
    const clock = createManualClock('2024-01-01T00:00:00Z');
    const limiter = createRateLimiter({ userPerMinute: 2, channelPerMinute: 100, clock });
    expect(limiter.take('u1', 'c1').ok).toBe(true);
    expect(limiter.take('u1', 'c1').ok).toBe(true);
    expect(limiter.take('u1', 'c1')).toEqual({ ok: false, scope: 'user', retryAfterSeconds: 60 });
    expect(limiter.take('u2', 'c1').ok).toBe(true);
    clock.advance(60_001);
    expect(limiter.take('u1', 'c1').ok).toBe(true);
  });

  it('refuses a busy channel past the per-channel limit, whoever asks', () => {
    const clock = createManualClock('2024-01-01T00:00:00Z');
    const limiter = createRateLimiter({ userPerMinute: 100, channelPerMinute: 3, clock });
    for (const user of ['a', 'b', 'c']) expect(limiter.take(user, 'busy').ok).toBe(true);
    expect(limiter.take('d', 'busy')).toMatchObject({ ok: false, scope: 'channel' });
    expect(limiter.take('d', 'quiet').ok).toBe(true);
  });

  it('forgets the oldest keys past its memory bound', () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ userPerMinute: 1, channelPerMinute: 1000, clock, maxKeys: 4 });
    limiter.take('first', 'c');
    for (let i = 0; i < 10; i++) limiter.take(`other-${i}`, `c${i}`);
    expect(limiter.take('first', 'c').ok).toBe(true);
  });

  it('answers "slow down" through the dispatcher with limits taken from the config', async () => {
    const app = await createTestApp({ env: { RATE_LIMIT_USER_PER_MINUTE: '2' } });
    try {
      await app.ask('/topics');
      await app.ask('/topics');
      const text = await app.ask('/brief nato');
      expect(text.trim()).toMatch(/^Slow down: you are sending commands too fast\. Try again in \d+ s\.$/);
    } finally {
      await app.close();
    }
  });
});
