// Slash-command JSON from zod schemas: types, requiredness, bounds, choices, descriptions, permissions.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AnyCommand, defineCommand } from '../../../commands/define-command.js';
import { commands } from '../../../commands/index.js';
import { commandJson } from '../../../src/platforms/discord/command-json.js';
import { notice } from '../../../src/reply/model.js';
import { commandProblem } from '../../helpers/fake-discord.js';

const run = async () => notice('ok');

describe('commandJson', () => {
  it('gives every Newsdesk command JSON that Discord accepts', () => {
    for (const c of commands) expect(commandProblem(commandJson(c))).toBeUndefined();
  });

  it('types options from zod and puts required ones first', () => {
    const json = commandJson(
      defineCommand({
        name: 'mixed',
        description: 'Mixed options',
        options: z.object({
          ratio: z.number().positive().max(1).optional().describe('A ratio'),
          count: z.number().int().gt(0).lt(10).describe('How many'),
          flag: z.boolean().default(false),
          mode: z.enum(['daily', 'weekly']).describe('How often'),
        }),
        run,
      }) as unknown as AnyCommand,
    );
    expect(json.options).toEqual([
      { name: 'count', description: 'How many', required: true, type: 4, min_value: 1, max_value: 9 },
      {
        name: 'mode',
        description: 'How often',
        required: true,
        type: 3,
        choices: [
          { name: 'daily', value: 'daily' },
          { name: 'weekly', value: 'weekly' },
        ],
      },
      { name: 'ratio', description: 'A ratio', required: false, type: 10, min_value: 0, max_value: 1 },
      { name: 'flag', description: 'flag', required: false, type: 5 },
    ]);
  });

  it('cuts descriptions to Discord’s 100 characters', () => {
    const json = commandJson(
      defineCommand({
        name: 'wordy',
        description: 'd'.repeat(150),
        options: z.object({ x: z.string().describe('e'.repeat(150)) }),
        run,
      }) as unknown as AnyCommand,
    );
    expect(json.description).toHaveLength(100);
    expect(json.options?.[0]?.description).toHaveLength(100);
  });

  it('asks Manage Channels by default of every command that changes channel settings, and of no other', () => {
    const always = defineCommand({
      name: 'always',
      description: 'Always',
      options: z.object({}),
      requiresManageChannel: true,
      run,
    }) as unknown as AnyCommand;
    const sometimes = defineCommand({
      name: 'sometimes',
      description: 'Sometimes',
      options: z.object({ action: z.enum(['list', 'add']) }),
      requiresManageChannel: (o) => o.action !== 'list',
      run,
    }) as unknown as AnyCommand;
    const never = defineCommand({
      name: 'never',
      description: 'Never',
      options: z.object({}),
      run,
    }) as unknown as AnyCommand;
    expect(commandJson(always).default_member_permissions).toBe('16');
    expect(commandJson(sometimes).default_member_permissions).toBe('16');
    expect(commandJson(never).default_member_permissions).toBeUndefined();
  });
});
