// The store contract: one suite every backend (SQLite, Postgres) must pass, given a factory for a fresh store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.js';
import type { Store } from '../../src/store/store.js';
import type { NewSubscription } from '../../src/store/subscriptions.js';
import { fixture, sampleArticles } from './fixtures.js';

export type ManualClock = ReturnType<typeof createManualClock>;

export interface StoreHandle {
  store: Store;
  clock: ManualClock;
  /** Closes the store and removes what the factory made (a temp file, a schema). */
  dispose(): Promise<void>;
}

/** Makes a fresh, empty store on the given clock. */
export type StoreFactory = (clock: ManualClock) => Promise<StoreHandle>;

const T0 = Date.parse('2024-03-10T08:00:00Z');

const consoleSub = (extra: Partial<NewSubscription> = {}): NewSubscription => ({
  platform: 'console',
  channelId: 'console',
  schedule: '0 8 * * *',
  timeZone: 'UTC',
  topics: ['nato'],
  quietWhenEmpty: false,
  createdBy: 'tester',
  ...extra,
});

export function describeStoreContract(name: string, factory: StoreFactory): void {
  describe(`${name} store contract`, () => {
    let handle: StoreHandle;
    let store: Store;
    let clock: ManualClock;

    beforeEach(async () => {
      clock = createManualClock(T0);
      handle = await factory(clock);
      store = handle.store;
    });
    afterEach(async () => {
      await handle.dispose();
    });

    async function loadSamples() {
      for (const { article, analysis } of sampleArticles()) {
        await store.upsertArticle(article, analysis);
        clock.advance(1000);
      }
    }

    describe('articles', () => {
      it('inserts a new article, leaves it unchanged for the same hash, and updates it for a new hash', async () => {
        const [first] = sampleArticles();
        if (!first) throw new Error('no sample');
        expect(await store.upsertArticle(first.article, first.analysis)).toBe('inserted');
        expect(await store.upsertArticle(first.article, first.analysis)).toBe('unchanged');
        clock.advance(60_000);
        const changed = fixture({
          id: 'summit',
          title: 'Alliance leaders meet again',
          date: '2024-03-02',
          paragraphs: ['A second day of talks on drones.'],
          hash: 'hash-summit-v2',
        });
        expect(await store.upsertArticle(changed.article, changed.analysis)).toBe('updated');
        expect(await store.articleHash('summit')).toBe('hash-summit-v2');
        expect(await store.countArticles()).toBe(1);
        const stored = await store.getArticle('summit');
        expect(stored?.title).toBe('Alliance leaders meet again');
        expect(stored?.ingestedAt).toBe(T0 + 60_000);
        expect(stored?.analysis.sentences).toHaveLength(1);
        expect(await store.searchSentences(['Vilnius'], 10)).toEqual([]);
        expect((await store.searchSentences(['drones'], 10)).map((h) => h.articleId)).toEqual(['summit']);
        // The new reading names no one: the names only the old one used are gone, not left at zero articles.
        expect(await store.findNames(['Stoltenberg', 'NATO'])).toEqual([]);
        expect(await store.suggestNames('sto', 10)).toEqual([]);
      });

      it('writes a batch in one call with an outcome per article, and keeps names counted once per article', async () => {
        const samples = sampleArticles();
        const first = await store.upsertArticles(samples);
        expect(first).toEqual(samples.map(() => 'inserted'));
        expect(await store.countArticles()).toBe(samples.length);
        const [one] = samples;
        if (!one) throw new Error('no sample');
        const again = await store.upsertArticles([one, { ...one, article: { ...one.article, hash: 'changed' } }]);
        expect(again).toEqual(['unchanged', 'updated']);
        expect(await store.countArticles()).toBe(samples.length);
        const before = await store.listTopics(50);
        await store.upsertArticles([{ ...one, article: { ...one.article, hash: 'changed-again' } }]);
        expect(await store.listTopics(50)).toEqual(before);
      });

      it('keeps the paragraph each summary line cites, inside the stored reading', async () => {
        const cited = fixture({
          id: 'cited',
          title: 'Harbour wall to be rebuilt',
          date: '2024-03-03',
          paragraphs: ['The council approved the harbour plan.', 'Work starts in June.'],
        });
        const analysis = { ...cited.analysis, summaryParagraphs: [1, 2] };
        await store.upsertArticle(cited.article, analysis);
        const stored = await store.getArticle('cited');
        expect(stored?.summary).toEqual(analysis.summary);
        expect(stored?.analysis.summaryParagraphs).toEqual([1, 2]);
      });

      it('returns an article with its body, reading, topics and summary', async () => {
        await loadSamples();
        const a = await store.getArticle('grain');
        expect(a).toMatchObject({
          id: 'grain',
          title: 'Grain exports resume from Odesa',
          date: '2024-02-20',
          source: 'Test Wire',
          topics: ['Ukraine'],
          hash: 'hash-grain',
          ingestedAt: T0 + 1000,
        });
        expect(a?.url).toBeUndefined();
        expect(a?.body).toContain('Ships loaded with grain');
        expect(a?.summary).toHaveLength(2);
        expect(a?.analysis.quotes[0]?.speaker).toBe('a port official');
        expect(await store.getArticle('missing')).toBeUndefined();
        expect(await store.articleHash('missing')).toBeUndefined();
      });

      it('lists articles newest first and filters on ingest time with since', async () => {
        await loadSamples();
        expect((await store.listArticles()).map((a) => a.id)).toEqual(['spending', 'summit', 'grain']);
        expect((await store.listArticles({ since: T0 + 1000 })).map((a) => a.id)).toEqual(['spending', 'grain']);
        expect((await store.listArticles({ limit: 1, offset: 1 })).map((a) => a.id)).toEqual(['summit']);
        expect(await store.countArticles()).toBe(3);
      });

      it('finds articles by id and by the words of their title', async () => {
        await loadSamples();
        expect((await store.findArticles('grain', 5)).map((a) => a.id)).toEqual(['grain']);
        expect((await store.findArticles('nato spending', 5)).map((a) => a.id)).toEqual(['spending']);
        expect(await store.findArticles('nothing like this', 5)).toEqual([]);
        expect(await store.findArticles('%', 5)).toEqual([]);
      });

      it('returns the text of one paragraph', async () => {
        await loadSamples();
        expect(await store.paragraphText('grain', 1)).toBe(
          'Ships loaded with grain left Odesa on Tuesday under a new corridor deal.',
        );
        expect(await store.paragraphText('grain', 9)).toBeUndefined();
      });
    });

    describe('search', () => {
      it('finds sentences by any of several phrases, with stemming, citing where they come from', async () => {
        await loadSamples();
        const hits = await store.searchSentences(['defence spending', 'corridor deals'], 10);
        expect(new Set(hits.map((h) => h.articleId))).toEqual(new Set(['summit', 'spending', 'grain']));
        const grain = hits.find((h) => h.articleId === 'grain');
        expect(grain).toMatchObject({ paragraph: 1, index: 0, title: 'Grain exports resume from Odesa' });
        expect(grain?.text.slice(0, 5)).toBe('Ships');
        expect(typeof grain?.rank).toBe('number');
      });

      it('matches a phrase only when its words are adjacent', async () => {
        await loadSamples();
        expect(await store.searchSentences(['spending defence'], 10)).toEqual([]);
      });

      it('treats query syntax and empty terms as plain words', async () => {
        await loadSamples();
        expect(await store.searchSentences(['"); DROP TABLE articles; --', 'OR AND NOT *'], 10)).toEqual([]);
        expect(await store.searchSentences([], 10)).toEqual([]);
        expect(await store.searchSentences(['   '], 10)).toEqual([]);
        expect(await store.countArticles()).toBe(3);
      });

      it('searches quote words in any or all mode, newest first', async () => {
        await loadSamples();
        const any = await store.searchQuotes(['ships', 'ally'], 10, 'any');
        expect(new Set(any.map((q) => q.articleId))).toEqual(new Set(['grain', 'spending']));
        const all = await store.searchQuotes(['fair', 'share'], 10, 'all');
        expect(all.map((q) => q.speaker)).toEqual(['Jens Stoltenberg']);
        expect(all[0]).toMatchObject({ articleId: 'spending', paragraph: 2, index: 0, kind: 'direct' });
        expect(await store.searchQuotes(['fair', 'ships'], 10, 'all')).toEqual([]);
      });

      it('finds quotes in sentences that mention a topic', async () => {
        await loadSamples();
        const hits = await store.quotesMentioning(['the alliance', 'NATO'], 10);
        expect(hits.map((q) => q.articleId)).toEqual(['summit']);
        expect(await store.quotesMentioning(['Odesa'], 10)).toEqual([]);
      });
    });

    describe('quotes and names', () => {
      it('lists quotes by speaker, case-insensitively, newest first', async () => {
        await loadSamples();
        const q = await store.quotesBySpeaker(['jens stoltenberg'], 10);
        expect(q.map((x) => x.articleId)).toEqual(['spending', 'summit']);
        expect(q[1]).toMatchObject({ role: 'secretary general', cue: 'said', rank: 0 });
        expect(await store.quotesBySpeaker([], 10)).toEqual([]);
      });

      it('lists the quotes of given articles', async () => {
        await loadSamples();
        const q = await store.quotesInArticles(['grain', 'summit']);
        expect(q.map((x) => x.articleId).sort()).toEqual(['grain', 'summit']);
        const grain = q.find((x) => x.articleId === 'grain');
        const article = await store.getArticle('grain');
        expect(article?.body.slice(grain?.start, grain?.end)).toBe(grain?.text);
      });

      it('finds names by alias and groups them under the canonical name with an article count', async () => {
        await loadSamples();
        const [nato] = await store.findNames(['The Alliance']);
        expect(nato?.name).toBe('NATO');
        expect(nato?.kind).toBe('organization');
        expect(nato?.articles).toBe(2);
        expect(nato?.aliases).toContain('the alliance');
        const [jens] = await store.findNames(['stoltenberg']);
        expect(jens).toMatchObject({
          name: 'Jens Stoltenberg',
          kind: 'person',
          articles: 2,
          role: 'secretary general',
        });
        expect(await store.findNames(['nobody at all'])).toEqual([]);
      });

      it('suggests names by prefix, most mentioned first, optionally of one kind', async () => {
        await loadSamples();
        const s = await store.suggestNames('jen', 5);
        expect(s.map((n) => n.name)).toEqual(['Jens Stoltenberg']);
        expect(await store.suggestNames('jen', 5, 'place')).toEqual([]);
        expect((await store.suggestNames('od', 5, 'place')).map((n) => n.name)).toEqual(['Odesa']);
      });

      it('lists topics with their article counts, most covered first', async () => {
        await loadSamples();
        const topics = await store.listTopics(10);
        expect(topics.map((t) => [t.name, t.articles])).toEqual([
          ['NATO', 2],
          ['Defence spending', 1],
          ['Ukraine', 1],
        ]);
      });

      it('answers a ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('subscriptions', () => {
      it('creates one subscription per channel and replaces its settings on subscribe again', async () => {
        const a = await store.upsertSubscription(consoleSub(), T0);
        expect(a).toMatchObject({
          platform: 'console',
          channelId: 'console',
          schedule: '0 8 * * *',
          topics: ['nato'],
          quietWhenEmpty: false,
          createdAt: T0,
          coveredUntil: T0,
          lastSlot: null,
          lastSentAt: null,
          disabledReason: null,
        });
        await store.disableSubscription(a.id, 'channel_not_found: gone', T0 + 5);
        expect((await store.getSubscription('console', 'console'))?.disabledReason).toBe('channel_not_found: gone');
        const b = await store.upsertSubscription(
          consoleSub({ schedule: '30 7 * * *', topics: [], quietWhenEmpty: true }),
          T0 + 10,
        );
        expect(b.id).toBe(a.id);
        expect(b).toMatchObject({
          schedule: '30 7 * * *',
          topics: [],
          quietWhenEmpty: true,
          disabledReason: null,
          coveredUntil: T0,
        });
        await store.upsertSubscription(consoleSub({ platform: 'slack', channelId: 'C1' }), T0 + 20);
        expect((await store.listSubscriptions()).map((s) => s.channelId)).toEqual(['console', 'C1']);
        expect((await store.listSubscriptions({ platform: 'slack' })).map((s) => s.channelId)).toEqual(['C1']);
        expect(await store.listSubscriptions({ platform: 'slack', channelId: 'C2' })).toEqual([]);
      });

      it('deletes a subscription with its claims', async () => {
        const sub = await store.upsertSubscription(consoleSub(), T0);
        await store.claimSlot({
          subscriptionId: sub.id,
          slot: T0,
          holder: 'a',
          now: T0,
          leaseMs: 1000,
          kind: 'scheduled',
        });
        expect(await store.deleteSubscription('console', 'console')).toBe(true);
        expect(await store.deleteSubscription('console', 'console')).toBe(false);
        expect(await store.getClaim(sub.id, T0)).toBeUndefined();
      });

      it('lets exactly one holder claim a slot, and another take it over only after the lease', async () => {
        const sub = await store.upsertSubscription(consoleSub(), T0);
        const req = { subscriptionId: sub.id, slot: T0, now: T0, leaseMs: 60_000, kind: 'scheduled' };
        const first = await store.claimSlot({ ...req, holder: 'a' });
        expect(first).toMatchObject({ holder: 'a', attempts: 1, status: 'open', leaseExpiresAt: T0 + 60_000 });
        expect(await store.claimSlot({ ...req, holder: 'b', now: T0 + 59_999 })).toBeNull();
        const taken = await store.claimSlot({ ...req, holder: 'b', now: T0 + 60_000 });
        expect(taken).toMatchObject({ holder: 'b', attempts: 2 });
        // The crashed holder coming back cannot complete what it no longer holds.
        expect(
          await store.completeSlot({
            subscriptionId: sub.id,
            slot: T0,
            holder: 'a',
            now: T0 + 61_000,
            outcome: 'sent',
          }),
        ).toBe(false);
        expect(
          await store.completeSlot({
            subscriptionId: sub.id,
            slot: T0,
            holder: 'b',
            now: T0 + 61_000,
            outcome: 'sent',
            coveredUntil: T0 + 500,
          }),
        ).toBe(true);
        expect(await store.getSubscription('console', 'console')).toMatchObject({
          lastSlot: T0,
          lastSentAt: T0 + 61_000,
          coveredUntil: T0 + 500,
        });
      });

      it('never hands out a slot that was sent or skipped', async () => {
        const sub = await store.upsertSubscription(consoleSub(), T0);
        const req = { subscriptionId: sub.id, now: T0, leaseMs: 1000, kind: 'scheduled' };
        await store.claimSlot({ ...req, slot: T0, holder: 'a' });
        await store.completeSlot({ subscriptionId: sub.id, slot: T0, holder: 'a', now: T0, outcome: 'sent' });
        expect(await store.claimSlot({ ...req, slot: T0, holder: 'b', now: T0 + 86_400_000 })).toBeNull();
        await store.claimSlot({ ...req, slot: T0 + 1, holder: 'a' });
        await store.completeSlot({ subscriptionId: sub.id, slot: T0 + 1, holder: 'a', now: T0, outcome: 'skipped' });
        expect(await store.claimSlot({ ...req, slot: T0 + 1, holder: 'b', now: T0 + 86_400_000 })).toBeNull();
        const after = await store.getSubscription('console', 'console');
        expect(after?.lastSlot).toBe(T0 + 1);
        expect(after?.lastSentAt).toBe(T0);
      });

      it('gives exactly one of many simultaneous claimers the slot', async () => {
        const sub = await store.upsertSubscription(consoleSub(), T0);
        const results = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            store.claimSlot({
              subscriptionId: sub.id,
              slot: T0,
              holder: `h${i}`,
              now: T0,
              leaseMs: 60_000,
              kind: 'scheduled',
            }),
          ),
        );
        expect(results.filter((r) => r !== null)).toHaveLength(1);
      });

      it('retries a failed send only after its backoff, and never after it failed for good', async () => {
        const sub = await store.upsertSubscription(consoleSub(), T0);
        const req = { subscriptionId: sub.id, slot: T0, leaseMs: 60_000, kind: 'scheduled' };
        await store.claimSlot({ ...req, holder: 'a', now: T0 });
        await store.failSlot({
          subscriptionId: sub.id,
          slot: T0,
          holder: 'a',
          now: T0 + 10,
          error: 'rate limited',
          retryAt: T0 + 120_000,
        });
        expect(await store.getClaim(sub.id, T0)).toMatchObject({
          status: 'open',
          lastError: 'rate limited',
          nextAttemptAt: T0 + 120_000,
        });
        expect(await store.claimSlot({ ...req, holder: 'b', now: T0 + 119_999 })).toBeNull();
        const retry = await store.claimSlot({ ...req, holder: 'b', now: T0 + 120_000 });
        expect(retry?.attempts).toBe(2);
        await store.failSlot({
          subscriptionId: sub.id,
          slot: T0,
          holder: 'b',
          now: T0 + 120_010,
          error: 'still down',
          retryAt: null,
        });
        expect((await store.getClaim(sub.id, T0))?.status).toBe('failed');
        expect(await store.claimSlot({ ...req, holder: 'c', now: T0 + 10 * 86_400_000 })).toBeNull();
      });

      it('extends a lease while the holder is alive (heartbeat)', async () => {
        const sub = await store.upsertSubscription(consoleSub(), T0);
        const req = { subscriptionId: sub.id, slot: T0, leaseMs: 60_000, kind: 'scheduled' };
        await store.claimSlot({ ...req, holder: 'a', now: T0 });
        expect(
          await store.renewClaim({ subscriptionId: sub.id, slot: T0, holder: 'a', leaseExpiresAt: T0 + 120_000 }),
        ).toBe(true);
        expect(
          await store.renewClaim({ subscriptionId: sub.id, slot: T0, holder: 'b', leaseExpiresAt: T0 + 999_000 }),
        ).toBe(false);
        expect(await store.claimSlot({ ...req, holder: 'b', now: T0 + 90_000 })).toBeNull();
        expect((await store.claimSlot({ ...req, holder: 'b', now: T0 + 120_000 }))?.holder).toBe('b');
        expect((await store.listClaims(sub.id, 5)).map((c) => c.slot)).toEqual([T0]);
      });
    });
  });
}
