// A grid worker's phone, written with rsocket-js (a client nobody on this project wrote), against mobile-api over
// RSocket/WebSocket: log in, open the feed, receive an offer, accept, report progress, finish, then reconnect with
// the last cursor and receive what happened while away — nothing lost, nothing twice. Run by
// RealClientSystemTests with the system started; exits non-zero on failure.
//
// Environment: MOBILE_URL, BACKEND_URL, AGENT_TOKEN, DISPATCHER_TOKEN, WORKER (username), GRID_CODE.
import { RSocketConnector } from 'rsocket-core';
import { WebsocketClientTransport } from 'rsocket-websocket-client';
import {
  WellKnownMimeType, encodeCompositeMetadata, encodeRoute, encodeBearerAuthMetadata,
} from 'rsocket-composite-metadata';
import WebSocket from 'ws';
import assert from 'node:assert/strict';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const mobileUrl = env('MOBILE_URL');
const backendUrl = env('BACKEND_URL');

const http = async (method, url, token, body) => {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
};

const login = await http('POST', `${mobileUrl}/mobile/v1/auth/login`, null,
  { username: env('WORKER'), password: `${env('WORKER')}-demo` });
const token = login.accessToken;
assert.ok(token, 'no access token');

const metadata = (route) => encodeCompositeMetadata([
  [WellKnownMimeType.MESSAGE_RSOCKET_ROUTING, encodeRoute(route)],
  [WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION, encodeBearerAuthMetadata(token)],
]);

const connect = () => new RSocketConnector({
  setup: {
    keepAlive: 5_000,
    lifetime: 30_000,
    dataMimeType: 'application/json',
    metadataMimeType: WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.string,
    payload: {
      data: null,
      metadata: encodeCompositeMetadata([
        [WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION, encodeBearerAuthMetadata(token)],
      ]),
    },
  },
  transport: new WebsocketClientTransport({
    url: `${mobileUrl.replace(/^http/, 'ws')}/rsocket`,
    wsCreator: (url) => new WebSocket(url),
  }),
}).connect();

/** Opens mobile.feed and collects its items; waitFor(predicate) resolves with the first matching item. */
const openFeed = (rsocket, cursor) => {
  const items = [];
  const waiters = [];
  const check = () => {
    for (const w of [...waiters]) {
      const found = items.find(w.predicate);
      if (found) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(found);
      }
    }
  };
  let failure = null;
  const subscription = rsocket.requestStream(
    { data: Buffer.from(JSON.stringify({ cursor })), metadata: metadata('mobile.feed') },
    2_147_483_647,
    {
      onNext(payload) {
        items.push(JSON.parse(payload.data.toString()));
        check();
      },
      onError(error) {
        failure = error;
        waiters.forEach((w) => w.reject(error));
      },
      onComplete() {},
      onExtension() {},
    });
  return {
    items,
    cancel: () => subscription.cancel(),
    waitFor: (predicate, what, ms = 15_000) => new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(items)}`)), ms);
      waiters.push({ predicate, resolve: (v) => { clearTimeout(timer); resolve(v); }, reject });
      check();
    }),
  };
};

const request = (rsocket, route, body) => new Promise((resolve, reject) => {
  rsocket.requestResponse({ data: Buffer.from(JSON.stringify(body)), metadata: metadata(route) }, {
    onNext(payload) { resolve(JSON.parse(payload.data.toString())); },
    onError: reject,
    onComplete() {},
    onExtension() {},
  });
});

const units = await http('GET', `${backendUrl}/api/v1/org/units`, env('DISPATCHER_TOKEN'));
const grid = units.find((u) => u.code === env('GRID_CODE'));
assert.ok(grid, `no grid ${env('GRID_CODE')}`);
const createTicket = async (title) => {
  const created = await http('POST', `${backendUrl}/api/v1/intake`, env('AGENT_TOKEN'), {
    channel: 'HOTLINE', title, content: `${title}，请尽快处理`, citizen: { phone: '13700001234' }, location: grid.name,
  });
  const id = created.ticket.id;
  await http('POST', `${backendUrl}/api/v1/tickets/${id}/submit`, env('AGENT_TOKEN'), {});
  await http('POST', `${backendUrl}/api/v1/tickets/${id}/dispatch`, env('DISPATCHER_TOKEN'),
    { unitId: grid.parentId, gridId: grid.id, note: 'rsocket-js' });
  return id;
};

let rsocket = await connect();
let feed = openFeed(rsocket, null);
await feed.waitFor((i) => i.kind === 'LIVE', 'LIVE');

const first = await createTicket('井盖缺失');
const offered = await feed.waitFor((i) => i.kind === 'OFFERED' && i.ticket.id === first, 'OFFERED');
assert.equal(offered.ticket.status, 'DISPATCHED');
assert.doesNotMatch(JSON.stringify(offered), /13700001234/, 'the full citizen number reached the phone feed');

const commandId = crypto.randomUUID();
const accepted = await request(rsocket, 'mobile.accept', { commandId, ticketId: first });
assert.equal(accepted.ticket.status, 'ACCEPTED');
const retried = await request(rsocket, 'mobile.accept', { commandId, ticketId: first });
assert.equal(retried.replayed, true, 'a retried accept applied twice');
const progress = await request(rsocket, 'mobile.progress',
  { commandId: crypto.randomUUID(), ticketId: first, note: '已到现场' });
assert.equal(progress.ticket.status, 'ACCEPTED');
const finished = await request(rsocket, 'mobile.finish',
  { commandId: crypto.randomUUID(), ticketId: first, note: '已补装井盖' });
assert.equal(finished.ticket.status, 'FEEDBACK_SUBMITTED');
await feed.waitFor((i) => i.kind === 'REMOVED' && i.ticket.id === first && i.ticket.status === 'FEEDBACK_SUBMITTED',
  'the finished ticket leaving the feed, sent to audit');

// Go away: remember the last cursor, disconnect, let something happen, come back with the cursor.
const cursor = feed.items.at(-1).cursor;
feed.cancel();
rsocket.close();
const second = await createTicket('路面塌陷');

rsocket = await connect();
feed = openFeed(rsocket, cursor);
const missed = await feed.waitFor((i) => i.kind === 'OFFERED' && i.ticket.id === second, 'the offer made while away');
const streamId = (id) => id.split('-').map(BigInt);
const newer = ([ms, seq], [ms0, seq0]) => ms > ms0 || (ms === ms0 && seq > seq0);
assert.ok(newer(streamId(missed.cursor), streamId(cursor)), `resumed item's cursor ${missed.cursor} is not after ${cursor}`);
await feed.waitFor((i) => i.kind === 'LIVE', 'LIVE after resume');
const repeats = feed.items.filter((i) => i.ticket && i.ticket.id === first);
assert.equal(repeats.length, 0, `changes from before the cursor came again: ${JSON.stringify(repeats)}`);
const offers = feed.items.filter((i) => i.kind === 'OFFERED' && i.ticket.id === second);
assert.equal(offers.length, 1, 'the missed offer came more than once');
feed.cancel();
rsocket.close();
console.log(`phone (rsocket-js): offer → accept (retry replayed) → progress → finish; resumed from ${cursor} and got the missed offer once`);
process.exit(0);
