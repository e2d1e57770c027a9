/**
 * `fetchDetail` against a real HTTP server on 127.0.0.1, as a consumer of a
 * thin notification meets one: it serves stored detail documents (some of an
 * old version), and also a 404, a 500, a body that is not JSON, an answer
 * that never comes, and a body that stops half way. Every failure comes back
 * as an issue with its own code, never as a throw.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDetail } from '../../src/index.js';
import { example } from '../support/examples.js';

const CANCELLED = 'approved-premises.booking.cancelled';
const stored = {
  v1: example(CANCELLED, 'detail.v1.cancelled.valid.json'),
  v2: example(CANCELLED, 'detail.v2.cancelled.valid.json'),
  invalid: example(CANCELLED, 'detail.v2.missing-cancelled-at-date.invalid.json'),
};

let server: Server;
let base = '';
const seen: Array<{ url: string | undefined; headers: Record<string, unknown> }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url, headers: request.headers });
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    switch (request.url) {
      case '/events/booking-cancelled/v1':
        return json(200, stored.v1);
      case '/events/booking-cancelled/v2':
        return json(200, stored.v2);
      case '/events/booking-cancelled/extra':
        return json(200, { ...stored.v2, eventDetails: { ...(stored.v2.eventDetails as object), servedBy: 'api' } });
      case '/events/booking-cancelled/invalid':
        return json(200, stored.invalid);
      case '/events/booking-cancelled/missing':
        return json(404, { status: 404, userMessage: 'No event found' });
      case '/events/booking-cancelled/broken':
        return json(500, { status: 500 });
      case '/events/booking-cancelled/html':
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.end('<html><body>Sign in</body></html>');
      case '/events/booking-cancelled/silent':
        return; // never answers
      case '/events/booking-cancelled/slow-body':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"id": "');
        return; // the rest never comes
      default:
        return json(404, {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const notification = (path: string) => ({ eventType: CANCELLED, detailUrl: `${base}${path}` });

describe('fetchDetail reads what the producer serves, upcast to the latest version', () => {
  it('a document at the latest version', async () => {
    const result = await fetchDetail(notification('/events/booking-cancelled/v2'));
    expect(result).toEqual({ success: true, detail: stored.v2, version: 2 });
  });

  it('a stored version 1 document, upcast to version 2 (the version is found from the document)', async () => {
    const result = await fetchDetail(notification('/events/booking-cancelled/v1'));
    expect(result.success && { version: result.version, upgradedFrom: result.upgradedFrom }).toEqual({ version: 2, upgradedFrom: 1 });
    const details = result.success ? (result.detail.eventDetails as unknown as Record<string, unknown>) : {};
    // v1's cancelledAt is midnight UTC on 4 March; in Europe/London that is the same day. v2 also records when: the document's timestamp.
    expect(details).toMatchObject({ cancelledAtDate: '2024-03-04', cancellationRecordedAt: stored.v1.timestamp });
  });

  it('with the version pinned, reads the document as that version only', async () => {
    const pinned = await fetchDetail(notification('/events/booking-cancelled/v1'), { version: 2 });
    expect(pinned.success || pinned.error.code).toBe('invalid_event');
    const asV1 = await fetchDetail(notification('/events/booking-cancelled/v1'), { version: null });
    expect(asV1.success && asV1.upgradedFrom).toBe(1);
  });

  it('reads as it is told: a property the contract does not name is kept, or with unknownProperties: reject refused', async () => {
    const kept = await fetchDetail(notification('/events/booking-cancelled/extra'));
    expect(kept.success && kept.warnings?.map((w) => w.path)).toEqual(['/eventDetails/servedBy']);
    const refused = await fetchDetail(notification('/events/booking-cancelled/extra'), { unknownProperties: 'reject' });
    expect(refused.success || refused.error.issues.map((i) => `${i.code} ${i.path}`)).toEqual(['unknown_property /eventDetails/servedBy']);
  });

  it('sends accept: application/json and the headers it is given', async () => {
    await fetchDetail(notification('/events/booking-cancelled/v2'), { headers: { authorization: 'Bearer token' } });
    expect(seen.at(-1)?.headers).toMatchObject({ accept: 'application/json', authorization: 'Bearer token' });
  });

  it('uses the fetch it is given', async () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      urls.push(String(input));
      return globalThis.fetch(input, init);
    };
    const result = await fetchDetail(notification('/events/booking-cancelled/v2'), { fetch });
    expect({ success: result.success, urls }).toEqual({ success: true, urls: [`${base}/events/booking-cancelled/v2`] });
  });
});

describe('every failure is an issue with its own code', () => {
  it.each<[string, { path?: string; event?: object; options?: object; want: { code: string; path: string } }]>([
    ['a notification without detailUrl', { event: { eventType: CANCELLED }, want: { code: 'detail_url_missing', path: '/detailUrl' } }],
    ['404', { path: '/events/booking-cancelled/missing', want: { code: 'not_found', path: '/detailUrl' } }],
    ['500', { path: '/events/booking-cancelled/broken', want: { code: 'http_error', path: '/detailUrl' } }],
    ['a body that is not JSON', { path: '/events/booking-cancelled/html', want: { code: 'invalid_json', path: '' } }],
    ['no answer in time', { path: '/events/booking-cancelled/silent', options: { timeoutMs: 200 }, want: { code: 'fetch_timeout', path: '/detailUrl' } }],
    ['a body that stops', { path: '/events/booking-cancelled/slow-body', options: { timeoutMs: 200 }, want: { code: 'body_timeout', path: '/detailUrl' } }],
    ['nothing listening', { event: { eventType: CANCELLED, detailUrl: 'http://127.0.0.1:9/events/x' }, want: { code: 'fetch_failed', path: '/detailUrl' } }],
    ['a document no version accepts', { path: '/events/booking-cancelled/invalid', want: { code: 'invalid_event', path: '/eventDetails' } }],
  ])('%s', async (_, { path, event, options, want }) => {
    const result = await fetchDetail((event ?? notification(path as string)) as never, options);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect({ code: result.error.code, issue: result.error.issues[0]?.code }).toEqual({
      code: want.code,
      issue: want.code === 'invalid_event' ? 'required' : want.code,
    });
    expect(result.error.issues[0]?.path.startsWith(want.path)).toBe(true);
    expect(result.error.message.length).toBeGreaterThan(0);
  });

  it('says what it learned of the document: nothing of one it never got, the type and the version it was read at of one it read', async () => {
    const missing = await fetchDetail(notification('/events/booking-cancelled/missing'));
    const invalid = await fetchDetail(notification('/events/booking-cancelled/invalid'));
    expect(Object.keys(missing)).toEqual(['success', 'error']);
    expect(invalid.success || { eventType: invalid.eventType, version: invalid.version }).toEqual({ eventType: CANCELLED, version: 2 });
  });

  it('names the status of an HTTP error', async () => {
    const result = await fetchDetail(notification('/events/booking-cancelled/broken'));
    expect(result.success || result.error.issues[0]).toMatchObject({ code: 'http_error', expected: '500' });
  });

  it('an abort from the caller is a fetch_failed', async () => {
    const controller = new AbortController();
    const pending = fetchDetail(notification('/events/booking-cancelled/silent'), { signal: controller.signal, timeoutMs: 5_000 });
    controller.abort();
    const result = await pending;
    expect(result.success || result.error.code).toBe('fetch_failed');
  });
});
