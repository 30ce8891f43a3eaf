// The console's router: each address is a page module that draws into <main>.
import { errorBox, clear, fill } from './dom.js';
import { describeError, login, signOut } from './api.js';

const routes = [
  [/^\/(?:state-machines\/?)?$/, 'state-machines', () => import('./pages/state-machines.js')],
  [/^\/state-machines\/([^/]+)$/, 'state-machines', () => import('./pages/state-machine.js')],
  [/^\/editor$/, 'state-machines', () => import('./pages/editor.js')],
  [/^\/executions\/?$/, 'executions', () => import('./pages/executions.js')],
  [/^\/executions\/([^/]+)$/, 'executions', () => import('./pages/execution.js')],
  [/^\/approvals$/, 'approvals', () => import('./pages/approvals.js')],
  [/^\/overview$/, 'overview', () => import('./pages/overview.js')],
];

async function start() {
  login(); // asked now, so the answer comes while the page's module loads
  const main = document.getElementById('main');
  const path = location.pathname;
  for (const [pattern, section, load] of routes) {
    const match = path.match(pattern);
    if (!match) continue;
    for (const a of document.querySelectorAll('nav a')) {
      if (a.dataset.section === section) a.setAttribute('aria-current', 'page');
    }
    try {
      const page = await load();
      clear(main);
      await page.render(main, ...match.slice(1).map(decodeURIComponent));
    } catch (e) {
      console.error(e);
      fill(main, errorBox(describeError(e)));
    }
    return;
  }
  fill(main, errorBox(`No page at ${path}`));
}

// Signed in through the identity provider: who, and a way out.
async function showLogin() {
  const state = await login();
  if (state.mode !== 'provider' || !state.name) return;
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = `${state.name} (${(state.roles || []).join(', ') || 'no role'})`;
  const out = document.createElement('button');
  out.type = 'button';
  out.id = 'sign-out';
  out.textContent = 'Sign out';
  out.addEventListener('click', () => signOut());
  document.querySelector('header.top').append(who, out);
}

start();
showLogin();
