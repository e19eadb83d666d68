import { buildSendState, createRateLimit, formatSendLogEntry, isTemporaryFailure, parseSendLog, TEMPLATE_REASON, withRetries, type SendLogEntry } from '../../lib/mail/send-log';

const entry = (over: Partial<SendLogEntry>): SendLogEntry => ({ period: '2026-11', unit: 'SYT', purpose: 'template', reason: TEMPLATE_REASON, channel: 'smtp', outcome: 'sent', at: '2026-11-25T08:00:00+07:00', to: ['vanthu@syt.thanhhoa.gov.vn'], cc: [], attempts: 1, ...over });

describe('the send log', () => {
  it('reads back what it wrote, and reports a damaged line without losing the others', () => {
    const text = `${formatSendLogEntry(entry({ messageId: '<a@x>' }))}{"unit":"STC","outc${'\n'}${formatSendLogEntry(entry({ unit: 'STP', outcome: 'failed' }))}`;
    const { entries, problems } = parseSendLog(text);
    expect(entries.map((e) => [e.unit, e.outcome])).toEqual([['SYT', 'sent'], ['STP', 'failed']]);
    expect(problems).toEqual(['dòng 2: không đọc được']);
  });

  it('says what still has to go: a send is done everywhere, a draft only for the outbox, failures and missing addresses again', () => {
    const state = buildSendState([
      entry({ unit: 'SYT', outcome: 'sent', messageId: '<s@x>' }),
      entry({ unit: 'STC', outcome: 'drafted', channel: 'outbox', messageId: '<d@x>' }),
      entry({ unit: 'STP', outcome: 'failed' }),
      entry({ unit: 'SNV', outcome: 'noAddress' }),
      entry({ unit: 'SYT', purpose: 'reminder', reason: 'chua-gui', outcome: 'sent' }),
    ]);
    const needs = (unit: string, channel: 'smtp' | 'outbox', purpose: 'template' | 'reminder' = 'template', reason = TEMPLATE_REASON) => state.needs(unit, purpose, reason, channel);
    expect([needs('SYT', 'smtp'), needs('SYT', 'outbox'), needs('STC', 'smtp'), needs('STC', 'outbox'), needs('STP', 'smtp'), needs('SNV', 'smtp'), needs('SGDDT', 'smtp')]).toEqual([false, false, true, false, true, true, true]);
    expect([needs('SYT', 'smtp', 'reminder', 'chua-gui'), needs('SYT', 'smtp', 'reminder', 'tu-choi:abc')]).toEqual([false, true]);
    expect([...state.messageIds]).toEqual([['<s@x>', 'SYT'], ['<d@x>', 'STC']]);
    expect(buildSendState([entry({})], { resend: true }).needs('SYT', 'template', TEMPLATE_REASON, 'smtp')).toBe(true);
  });
});

describe('retries and rate limit', () => {
  it('treats 4xx replies and lost connections as temporary, 5xx and login failures as permanent', () => {
    expect([{ responseCode: 421 }, { responseCode: 451 }, { code: 'ECONNECTION' }, { code: 'ETIMEDOUT' }, { responseCode: 550 }, { code: 'EAUTH', responseCode: 535 }, { code: 'EENVELOPE' }].map(isTemporaryFailure)).toEqual([true, true, true, true, false, false, false]);
  });

  it('waits 1×, 2×, 4× the base delay between tries, and stops at a permanent failure', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    let calls = 0;
    const flaky = await withRetries(async () => (++calls < 3 ? Promise.reject({ responseCode: 451 }) : 'ok'), { retries: 3, baseDelayMs: 5000, sleep });
    expect([flaky, waits]).toEqual([{ ok: true, value: 'ok', attempts: 3 }, [5000, 10000]]);
    const permanent = await withRetries(async () => Promise.reject({ responseCode: 550 }), { retries: 3, baseDelayMs: 5000, sleep });
    expect([permanent.ok, permanent.attempts]).toEqual([false, 1]);
    waits.length = 0;
    const exhausted = await withRetries(async () => Promise.reject({ code: 'ECONNECTION' }), { retries: 2, baseDelayMs: 100, sleep });
    expect([exhausted.attempts, waits]).toEqual([3, [100, 200]]);
  });

  it('spaces sends to the rate per minute (the clock is the test\u2019s)', async () => {
    let now = 0;
    const waits: number[] = [];
    const limit = createRateLimit(30, { now: () => now, sleep: async (ms) => void (waits.push(ms), (now += ms)) });
    for (let i = 0; i < 3; i += 1) await limit.wait();
    expect(waits).toEqual([2000, 2000]);
    const free = createRateLimit(0, { now: () => 0, sleep: async () => void waits.push(-1) });
    await free.wait();
    await free.wait();
    expect(waits).toEqual([2000, 2000]);
  });
});
