// The live connection (docs/live-events.md): one WebSocket to config.json's
// webSocketUrl while someone is signed in, offering the shop's subprotocol and
// the current access token (refreshed first, as every API call does). When it
// drops, it reconnects with exponential backoff and full jitter. Events are
// hints, not the record: every (re)connect is announced as {type:'live.connected'}
// so that the view re-reads what it shows, since nothing is replayed for the
// time the socket was closed.
import { config } from './config.js';
import { accessToken, refresh } from './auth.js';
import * as store from './store.js';

const SUBPROTOCOL = 'shop-live.v1';
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
const STABLE_MS = 5_000;

let socket = null;
let user = null;       // whose connection this is (the session's username)
let attempt = 0;       // failed connections in a row, for the backoff
let timer = null;
let refreshFirst = false;
const listeners = new Set();
let view = null;       // { hash, listener }: the page on screen, dropped when the user moves on

/** Connects while someone is signed in, reconnects for another user, closes on sign-out. */
export function start() {
  store.subscribe(state => {
    const who = state.session?.username ?? null;
    if (who === user) return;
    stop();
    user = who;
    if (who && config().webSocketUrl) connect();
  });
}

/** listener(message) for as long as the app runs (the back office's alerts); returns the unsubscribe. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** listener(message) for the page on screen only: it stops when the URL changes or another page calls this. */
export function forView(listener) {
  view = { hash: location.hash, listener };
}

export function connected() {
  return socket?.readyState === WebSocket.OPEN;
}

function stop() {
  clearTimeout(timer);
  timer = null;
  attempt = 0;
  if (socket) {
    const closing = socket;
    socket = null;
    closing.close(1000, 'signed out');
  }
  status('off');
}

async function connect() {
  timer = null;
  const who = user;
  let token;
  try {
    if (refreshFirst) await refresh();
    token = await accessToken();
  } catch (failure) {
    token = null;
  }
  if (who !== user) return;          // signed out or someone else signed in meanwhile
  if (!token) {
    if (store.signedIn()) retry(false);
    return;
  }
  const opened = new WebSocket(config().webSocketUrl, [SUBPROTOCOL, token]);
  socket = opened;
  let openedAt = 0;
  opened.addEventListener('open', () => {
    openedAt = Date.now();
    attempt = 0;
    refreshFirst = false;
    status('on');
    deliver({ type: 'live.connected' });
  });
  opened.addEventListener('message', event => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch (ignored) {
      return;
    }
    deliver(message);
  });
  opened.addEventListener('close', () => {
    if (socket !== opened) return;   // closed on purpose
    socket = null;
    const lasted = openedAt && Date.now() - openedAt > STABLE_MS;
    if (lasted) attempt = 0;
    retry(openedAt > 0);
  });
}

/** Full jitter: a random wait up to a ceiling that doubles with every failure in a row. */
function retry(wasOpen) {
  // a handshake refused at once is most likely a token the authorizer no longer takes
  refreshFirst = !wasOpen;
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
  attempt += 1;
  status('reconnecting');
  timer = setTimeout(connect, Math.random() * ceiling);
}

function deliver(message) {
  for (const listener of listeners) call(listener, message);
  if (view && view.hash === location.hash) call(view.listener, message);
  else view = null;
}

function call(listener, message) {
  try {
    listener(message);
  } catch (failure) {
    console.error('live event listener', failure);
  }
}

function status(state) {
  const element = document.getElementById('live-status');
  if (!element) return;
  element.dataset.state = state;
  element.textContent = { on: 'Live updates on', reconnecting: 'Reconnecting live updates…', off: '' }[state];
}
