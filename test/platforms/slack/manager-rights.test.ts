// canManageChannel on Slack: workspace admins and owners via users.info, cached, failing closed.
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../../src/logger.js';
import { createManagerRights } from '../../../src/platforms/slack/manager-rights.js';
import { createFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await createFakeSlack();
  fake.setUser({ id: 'UADMIN', is_admin: true });
  fake.setUser({ id: 'UOWNER', is_owner: true });
  fake.setUser({ id: 'UMEMBER' });
});
afterAll(async () => {
  await fake?.close();
});

function rights(now = () => 0) {
  const client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  return createManagerRights({ client, logger: createSilentLogger(), now });
}

describe('manager rights', () => {
  it.each([
    ['UADMIN', true],
    ['UOWNER', true],
    ['UMEMBER', false],
    ['UNKNOWN', false],
  ])('%s may manage channels: %s', async (user, expected) => {
    expect(await rights().canManage(user)).toBe(expected);
  });

  it('asks Slack once per user within five minutes', async () => {
    let t = 0;
    const r = rights(() => t);
    const before = fake.callsTo('users.info').length;
    await r.canManage('UADMIN');
    await r.canManage('UADMIN');
    expect(fake.callsTo('users.info').length - before).toBe(1);
    t = 5 * 60_000 + 1;
    await r.canManage('UADMIN');
    expect(fake.callsTo('users.info').length - before).toBe(2);
  });
});
