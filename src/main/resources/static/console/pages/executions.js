// Executions: filtered by state machine, status, start time (and parent, for a distributed Map's
// children), newest first, paged.
import { api, describeError } from '../api.js';
import { h, clear, badge, stateMachineLink, executionLink, time, table, params, setTitle, errorBox, between, duration, fill, append } from '../dom.js';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

function localInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

export async function render(main) {
  setTitle('Executions');
  const q = params();
  const stateMachine = h('input', { id: 'filter-state-machine', type: 'text', value: q.get('stateMachine') || '', placeholder: 'any' });
  const status = h('select', { id: 'filter-status' }, h('option', { value: '' }, 'any'),
    STATUSES.map((s) => h('option', { value: s, selected: q.get('status') === s }, s.toLowerCase().replace('_', ' '))));
  const after = h('input', { id: 'filter-after', type: 'datetime-local', value: localInput(q.get('startedAfter')) });
  const before = h('input', { id: 'filter-before', type: 'datetime-local', value: localInput(q.get('startedBefore')) });
  const parent = q.get('parentExecution');
  const results = h('div', { id: 'execution-results', 'aria-live': 'polite' });
  const tokens = [];
  const form = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); tokens.length = 0; load(null); } },
    h('label', { for: 'filter-state-machine' }, 'State machine'), stateMachine,
    h('label', { for: 'filter-status' }, 'Status'), status,
    h('label', { for: 'filter-after' }, 'Started after'), after,
    h('label', { for: 'filter-before' }, 'Started before'), before,
    h('button', { type: 'submit', class: 'primary' }, 'Apply'));
  append(main, h('div', { class: 'page-head' }, h('h1', {}, parent ? 'Child executions' : 'Executions')),
    parent ? h('p', {}, 'Children of the distributed Map run of ', executionLink(parent), '.') : null,
    form, results);

  async function load(token) {
    const query = new URLSearchParams();
    if (stateMachine.value.trim()) query.set('stateMachine', stateMachine.value.trim());
    if (status.value) query.set('status', status.value);
    if (after.value) query.set('startedAfter', new Date(after.value).toISOString());
    if (before.value) query.set('startedBefore', new Date(before.value).toISOString());
    if (parent) query.set('parentExecution', parent);
    history.replaceState(null, '', `${location.pathname}?${query}`);
    if (token) query.set('pageToken', token);
    query.set('pageSize', '25');
    try {
      const page = await api(`/console/api/executions?${query}`);
      clear(results);
      if (!page.items.length) {
        results.append(h('p', { class: 'empty' }, 'No executions match.'));
      } else {
        results.append(table(['Execution', 'State machine', 'Status', 'Started', 'Duration', 'Error'], page.items.map((e) => h('tr', {},
          h('td', {}, executionLink(e.executionId, e.name)),
          h('td', {}, stateMachineLink(e.stateMachine, e.revision), h('span', { class: 'muted' }, ` rev ${e.revision}`)),
          h('td', {}, badge(e.status)),
          h('td', {}, time(e.startedAt)),
          h('td', {}, duration(between(e.startedAt, e.stoppedAt))),
          h('td', {}, e.error || '')))));
      }
      results.append(h('div', { class: 'pager' },
        tokens.length ? h('button', { type: 'button', onclick: () => { tokens.pop(); load(tokens[tokens.length - 1] || null); } }, '← Newer') : null,
        page.nextPageToken ? h('button', { type: 'button', onclick: () => { tokens.push(page.nextPageToken); load(page.nextPageToken); } }, 'Older →') : null));
    } catch (e) {
      fill(results, errorBox(describeError(e)));
    }
  }
  await load(null);
}
