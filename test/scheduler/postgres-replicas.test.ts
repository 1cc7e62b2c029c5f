// Replicas on one Postgres: two scheduler+store instances in-process, and two real `newsdesk start` processes.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { sampleArticles } from '../store/fixtures.js';
import { freshSchema, postgresUnavailable } from '../store/postgres.js';
import { recordingPlatform, testScheduler } from './helpers.js';

const unavailable = await postgresUnavailable();
if (unavailable) console.warn(`Skipping Postgres replica tests: ${unavailable}`);

describe.skipIf(unavailable !== null)(
  `digests on Postgres replicas${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('sends each digest exactly once with two schedulers on separate pools ticking at the same instants', async () => {
      const schema = await freshSchema();
      const clock = createManualClock('2024-03-29T07:59:00Z');
      const a = await createPostgresStore({ url: schema.url, clock });
      const b = await createPostgresStore({ url: schema.url, clock });
      try {
        const channels = ['C1', 'C2', 'C3', 'C4'];
        for (const c of channels) {
          await a.upsertSubscription(
            {
              platform: 'slack',
              channelId: c,
              schedule: '* * * * *',
              timeZone: 'Europe/Paris',
              topics: [],
              quietWhenEmpty: false,
              createdBy: 'u',
            },
            clock.now(),
          );
        }
        for (const { article, analysis } of sampleArticles()) await a.upsertArticle(article, analysis);
        const pa = recordingPlatform('slack');
        const pb = recordingPlatform('slack');
        const sa = testScheduler(a, clock, [pa.platform], { holderId: 'replica-a' });
        const sb = testScheduler(b, clock, [pb.platform], { holderId: 'replica-b' });
        const minutes = 20;
        for (let i = 1; i <= minutes; i++) {
          clock.set(Date.parse('2024-03-29T07:59:00Z') + i * 60_000);
          await Promise.all([sa.tick(), sb.tick(), sa.tick(), sb.tick()]);
        }
        const all = [...pa.posts, ...pb.posts];
        expect(all).toHaveLength(minutes * channels.length);
        const perChannel = new Map<string, number>();
        for (const p of all) perChannel.set(p.channelId, (perChannel.get(p.channelId) ?? 0) + 1);
        expect([...perChannel.values()]).toEqual(channels.map(() => minutes));
        // Both replicas did some of the work, and the articles went out once per channel (in its first digest).
        expect(pa.posts.length).toBeGreaterThan(0);
        expect(pb.posts.length).toBeGreaterThan(0);
        expect(all.filter((p) => p.text.includes('Grain exports resume from Odesa'))).toHaveLength(channels.length);
      } finally {
        await a.close();
        await b.close();
        await schema.drop();
      }
      // 20 simulated minutes of 4 racing ticks against a real Postgres: seconds on a quiet machine,
      // more on a loaded one, so it gets more than the default 20 s.
    }, 60_000);

    it('two `newsdesk start` processes on one database print each per-minute digest once', async () => {
      const schema = await freshSchema();
      const dir = mkdtempSync(join(tmpdir(), 'newsdesk-replicas-'));
      const children: ChildProcess[] = [];
      try {
        const content = join(dir, 'content');
        mkdirSync(join(content, 'articles'), { recursive: true });
        writeFileSync(join(content, 'topics.yaml'), '- name: NATO\n  aliases: [the alliance]\n');
        writeFileSync(
          join(content, 'articles', 'note.md'),
          '---\ntitle: NATO ministers meet\ndate: 2024-03-01\nsource: Test Wire\n---\nNATO ministers met in Brussels on Friday to discuss spending.\n',
        );
        // Subscribed five minutes ago: at start-up the newest missed minute is a catch-up both processes race for.
        const setup = await createPostgresStore({ url: schema.url });
        await setup.upsertSubscription(
          {
            platform: 'console',
            channelId: 'console',
            schedule: '* * * * *',
            timeZone: 'UTC',
            topics: [],
            quietWhenEmpty: false,
            createdBy: 'test',
          },
          Date.now() - 5 * 60_000,
        );
        const outputs = ['', ''];
        for (const i of [0, 1]) {
          const child = spawn(process.execPath, [resolve('bin/newsdesk.js'), 'start'], {
            env: {
              ...process.env,
              DATABASE_URL: schema.url,
              CONTENT_DIR: content,
              DATA_DIR: join(dir, `data${i}`),
              SLACK_BOT_TOKEN: '',
              DISCORD_TOKEN: '',
            },
            stdio: ['pipe', 'pipe', 'pipe'],
          });
          child.stdout?.on('data', (d: Buffer) => {
            outputs[i] += d.toString();
          });
          child.stderr?.on('data', (d: Buffer) => {
            outputs[i] += d.toString();
          });
          children.push(child);
        }
        // Poll until two slots are sent (the catch-up and the next minute's), however long start-up takes on
        // a loaded machine, then give a duplicate send time to show before counting.
        const id = (await setup.getSubscription('console', 'console'))?.id ?? '';
        const deadline = Date.now() + 130_000;
        let slots = await setup.listClaims(id, 10);
        while (slots.filter((c) => c.status === 'sent').length < 2 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 500));
          slots = await setup.listClaims(id, 10);
        }
        await new Promise((r) => setTimeout(r, 3_000));
        slots = await setup.listClaims(id, 10);
        await setup.close();
        const printed = outputs.join('\n').match(/Newsdesk digest: /g) ?? [];
        const sent = slots.filter((c) => c.status === 'sent');
        expect(sent.length, outputs.join('\n----\n')).toBeGreaterThanOrEqual(2);
        expect(printed).toHaveLength(sent.length);
        expect(new Set(sent.map((c) => c.slot)).size).toBe(sent.length);
      } finally {
        for (const c of children) c.kill('SIGTERM');
        await Promise.all(
          children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve())),
        );
        rmSync(dir, { recursive: true, force: true });
        await schema.drop();
      }
    }, 150_000);
  },
);
