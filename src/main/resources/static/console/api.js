// Every call the console makes: JSON in, JSON out, the cross-site request header on each, and the
// API's problem details turned into an error that pages show as they are.
export const CONSOLE_HEADER = 'X-Stepwise-Console';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

// How this console is signed in, asked once (GET /console/api/login): 'provider' through the
// OpenID Connect provider (the REST API is then called through /console/v1, with the CSRF token on
// every change), 'bearer' with an API key or token the user enters, or 'none'.
let signedIn = null;

export function login() {
  if (!signedIn) {
    signedIn = fetch('/console/api/login', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : { mode: r.status === 401 ? 'provider' : 'bearer' }))
      .catch(() => ({ mode: 'bearer' }));
  }
  return signedIn;
}

// With bearer authentication (stepwise.security.mode api-key, or oidc without the console's
// login), the console sends the key or token the user entered; it is kept for this tab only
// (session storage).
const KEY = 'stepwise.apiKey';

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

function askForKey() {
  const entered = window.prompt('This Stepwise asks for an API key or token (kept for this tab only):');
  if (!entered || !entered.trim()) return false;
  sessionStorage.setItem(KEY, entered.trim());
  return true;
}

export async function api(path, { method = 'GET', body } = {}, retried = false) {
  const state = await login();
  const viaProvider = state.mode === 'provider';
  const headers = { Accept: 'application/json', [CONSOLE_HEADER]: '1' };
  let url = path;
  if (viaProvider) {
    if (path.startsWith('/v1/')) url = `/console${path}`;
    if (method !== 'GET' && state.csrf) headers[state.csrf.header] = state.csrf.token;
  } else if (apiKey()) {
    headers.Authorization = `Bearer ${apiKey()}`;
  }
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { title: 'No answer', detail: `The service did not answer (${e.message})` });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = { detail: text }; }
  }
  if (response.status === 401 && !viaProvider && !retried && askForKey()) return api(path, { method, body }, true);
  if (!response.ok) throw new ApiError(response.status, json || { title: response.statusText });
  return json;
}

// Ends the console's login here and at the provider, then goes where the service says (the
// provider's sign-out page, or the console's start).
export async function signOut() {
  const state = await login();
  const response = await fetch(state.logout, {
    method: 'POST',
    headers: { Accept: 'application/json', [CONSOLE_HEADER]: '1', [state.csrf.header]: state.csrf.token },
    credentials: 'same-origin',
  });
  const answer = response.ok ? await response.json() : {};
  location.assign(answer.location || '/');
}

export function describeError(e) {
  if (!(e instanceof ApiError)) return String(e && e.message || e);
  const p = e.problem || {};
  const head = `${e.status ? e.status + ' ' : ''}${p.title || 'Error'}`;
  return p.detail ? `${head}: ${p.detail}` : head;
}
