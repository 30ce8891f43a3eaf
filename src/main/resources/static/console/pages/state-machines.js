// State machines: searchable and paged, each with its running executions and last outcome.
import { api } from '../api.js';
import { h, clear, badge, stateMachineLink, executionLink, time, table, params, setTitle, errorBox, fill, append } from '../dom.js';
import { describeError } from '../api.js';

const PAGE = 25;

export async function render(main) {
  setTitle('State machines');
  const q = params();
  const search = h('input', { type: 'search', id: 'sm-search', value: q.get('search') || '', placeholder: 'Name contains…' });
  const results = h('div', { id: 'sm-results', 'aria-live': 'polite' });
  append(main, 
    h('div', { class: 'page-head' }, h('h1', {}, 'State machines'),
      h('a', { href: '/editor', class: 'button primary' }, 'New state machine')),
    h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); load(0); } },
      h('label', { for: 'sm-search' }, 'Search'), search, h('button', { type: 'submit' }, 'Search')),
    results);
  let timer;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => load(0), 250); });

  async function load(offset) {
    const text = search.value.trim();
    const url = new URL(location.href);
    if (text) url.searchParams.set('search', text); else url.searchParams.delete('search');
    if (offset) url.searchParams.set('offset', offset); else url.searchParams.delete('offset');
    history.replaceState(null, '', url);
    try {
      const page = await api(`/console/api/state-machines?pageSize=${PAGE}&offset=${offset}&search=${encodeURIComponent(text)}`);
      clear(results);
      if (!page.items.length) {
        results.append(h('p', { class: 'empty' }, text ? `No state machine has “${text}” in its name.` :
          'No state machines yet. Create one with “New state machine”, or POST /v1/state-machines.'));
        return;
      }
      results.append(table(['Name', 'Revision', 'Updated', 'Running', 'Last execution'], page.items.map((sm) =>
        h('tr', {},
          h('td', {}, stateMachineLink(sm.name)),
          h('td', {}, String(sm.revision)),
          h('td', {}, time(sm.updatedAt)),
          h('td', {}, String(sm.running)),
          h('td', {}, sm.lastStatus ? [badge(sm.lastStatus), ' ', executionLink(sm.lastExecutionId, 'open'), ' ', time(sm.lastStartedAt)] : '—')))));
      results.append(h('div', { class: 'pager' },
        offset > 0 ? h('button', { type: 'button', onclick: () => load(Math.max(0, offset - PAGE)) }, '← Previous') : null,
        h('span', {}, `${offset + 1}–${offset + page.items.length}`),
        page.nextOffset !== null ? h('button', { type: 'button', onclick: () => load(page.nextOffset) }, 'Next →') : null));
    } catch (e) {
      fill(results, errorBox(describeError(e)));
    }
  }
  await load(Number(q.get('offset') || 0));
}
