// The Slack app manifest stays in step with the command list: every command declared once, served, and listed.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { commands } from '../../../commands/index.js';

const manifest = z.object({
  features: z.object({
    slash_commands: z.array(z.object({ command: z.string(), url: z.string(), description: z.string().max(100) })),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({ interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string() }) }),
});

async function load() {
  const text = await readFile(new URL('../../../slack-manifest.yaml', import.meta.url), 'utf8');
  return manifest.parse(parse(text));
}

describe('slack-manifest.yaml', () => {
  it('lists exactly the commands in commands/index.ts', async () => {
    const m = await load();
    expect(m.features.slash_commands.map((c) => c.command).sort()).toEqual(commands.map((c) => `/${c.name}`).sort());
  });

  it('points every command and the buttons at /slack/events', async () => {
    const m = await load();
    for (const c of m.features.slash_commands) expect(c.url).toMatch(/\/slack\/events$/);
    expect(m.settings.interactivity).toMatchObject({ is_enabled: true });
    expect(m.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
  });

  it('asks for the scopes the adapter uses', async () => {
    const m = await load();
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read']));
  });
});
