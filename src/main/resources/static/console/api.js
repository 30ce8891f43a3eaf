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

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json', [CONSOLE_HEADER]: '1' };
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
  if (!response.ok) throw new ApiError(response.status, json || { title: response.statusText });
  return json;
}

export function describeError(e) {
  if (!(e instanceof ApiError)) return String(e && e.message || e);
  const p = e.problem || {};
  const head = `${e.status ? e.status + ' ' : ''}${p.title || 'Error'}`;
  return p.detail ? `${head}: ${p.detail}` : head;
}
