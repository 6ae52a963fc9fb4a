// Sign-up, sign-in, refresh and sign-out over Cognito's JSON protocol (the
// same calls against real Cognito and the local identity endpoint). Tokens
// stay in this tab's storage and are refreshed a minute before they expire.
import { config } from './config.js';
import * as store from './store.js';

const KEY = 'shop.session';
const REFRESH_EARLY_MS = 60_000;
let refreshTimer;
let refreshing;

export class AuthError extends Error {
  constructor(type, message) {
    super(message);
    this.type = type;
    this.title = friendlyTitle(type);
    this.detail = message;
  }
}

function friendlyTitle(type) {
  switch (type) {
    case 'NotAuthorizedException': return 'Wrong email or password';
    case 'UsernameExistsException': return 'An account with this email exists';
    case 'InvalidPasswordException': return 'The password is too weak';
    case 'UserNotConfirmedException': return 'Confirm your account first';
    case 'InvalidParameterException': return 'Check the form';
    default: return 'Sign-in failed';
  }
}

async function cognito(operation, body) {
  let response;
  try {
    response = await fetch(config().cognitoEndpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
  } catch (network) {
    throw new AuthError('NetworkError', 'The sign-in service cannot be reached. Try again.');
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const type = (json.__type ?? response.headers.get('x-amzn-ErrorType') ?? 'Error').split('#').pop().split(':')[0];
    throw new AuthError(type, json.message ?? `HTTP ${response.status}`);
  }
  return json;
}

export async function signUp(email, password) {
  await cognito('SignUp', {
    ClientId: config().clientId,
    Username: email,
    Password: password,
    UserAttributes: [{ Name: 'email', Value: email }],
  });
}

export async function signIn(email, password) {
  const result = await cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: config().clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  if (!result.AuthenticationResult) {
    throw new AuthError('ChallengeNotSupported', `This account needs the ${result.ChallengeName} step, which the shop does not offer.`);
  }
  keep(result.AuthenticationResult, null);
}

export function signOut() {
  clearTimeout(refreshTimer);
  sessionStorage.removeItem(KEY);
  store.update({ session: null, cartCount: 0 });
}

/** Restores this tab's session after a reload. */
export function restore() {
  const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  if (saved?.refreshToken) {
    store.update({ session: saved });
    schedule(saved);
  }
}

/** The access token, refreshed first when it is about to expire; null when signed out. */
export async function accessToken() {
  const session = store.get().session;
  if (!session) return null;
  if (Date.now() > session.expiresAt - REFRESH_EARLY_MS) {
    await refresh();
  }
  return store.get().session?.accessToken ?? null;
}

/** REFRESH_TOKEN_AUTH; when the refresh token is refused too, the session ends. */
export function refresh() {
  refreshing ??= (async () => {
    const session = store.get().session;
    try {
      const result = await cognito('InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: config().clientId,
        AuthParameters: { REFRESH_TOKEN: session.refreshToken },
      });
      keep(result.AuthenticationResult, session.refreshToken);
    } catch (failure) {
      if (failure.type !== 'NetworkError') signOut();
      throw failure;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function keep(result, previousRefreshToken) {
  const claims = decode(result.AccessToken);
  const idClaims = result.IdToken ? decode(result.IdToken) : {};
  const session = {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    refreshToken: result.RefreshToken ?? previousRefreshToken,
    expiresAt: claims.exp ? claims.exp * 1000 : Date.now() + (result.ExpiresIn ?? 3600) * 1000,
    username: idClaims.email ?? claims.username ?? claims['cognito:username'] ?? '',
    groups: claims['cognito:groups'] ?? [],
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  store.update({ session });
  schedule(session);
}

function schedule(session) {
  clearTimeout(refreshTimer);
  const wait = Math.max(0, session.expiresAt - REFRESH_EARLY_MS - Date.now());
  refreshTimer = setTimeout(() => refresh().catch(() => {}), wait);
}

function decode(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const padded = part + '='.repeat((4 - (part.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), c => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}
