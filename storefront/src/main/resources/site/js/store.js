// The one place the app's state lives: the session and the cart's line count.
// Views read it and call update(); listeners (the header) re-render from it.
const state = {
  session: null,      // { accessToken, idToken, refreshToken, expiresAt, username, groups }
  cartCount: 0,
};
const listeners = new Set();

export function get() {
  return state;
}

export function update(changes) {
  Object.assign(state, changes);
  for (const listener of listeners) listener(state);
}

export function subscribe(listener) {
  listeners.add(listener);
  listener(state);
}

export function signedIn() {
  return Boolean(state.session);
}

export function isAdmin() {
  return Boolean(state.session?.groups?.includes('admin'));
}
