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

// With authentication on (stepwise.security.mode api-key or oidc), the console sends the key or
// token the user entered as a bearer token; it is kept for this tab only (session storage).
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
  const headers = { Accept: 'application/json', [CONSOLE_HEADER]: '1' };
  if (apiKey()) headers.Authorization = `Bearer ${apiKey()}`;
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { title: 'No answer', detail: `The service did not answer (${e.message})` });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = { detail: text }; }
  }
  if (response.status === 401 && !retried && askForKey()) return api(path, { method, body }, true);
  if (!response.ok) throw new ApiError(response.status, json || { title: response.statusText });
  return json;
}

export function describeError(e) {
  if (!(e instanceof ApiError)) return String(e && e.message || e);
  const p = e.problem || {};
  const head = `${e.status ? e.status + ' ' : ''}${p.title || 'Error'}`;
  return p.detail ? `${head}: ${p.detail}` : head;
}
