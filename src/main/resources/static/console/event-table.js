// AWS's event table: id, type, state, time, time since start, details to expand; paged.
import { api, describeError } from './api.js';
import { h, clear, time, errorBox, duration, json, fill } from './dom.js';

const PAGE = 100;

export function eventTable(executionId) {
  const body = h('div', { id: 'events' });
  const newestFirst = h('input', { type: 'checkbox', id: 'events-reverse' });
  const element = h('div', {}, h('label', { class: 'check' }, newestFirst, ' Newest first'), body);
  const tokens = [];
  let current = null;
  let atEnd = false;
  let startedAt = null;
  newestFirst.addEventListener('change', () => { tokens.length = 0; load(null); });

  async function load(token = current) {
    current = token;
    const query = new URLSearchParams({ pageSize: PAGE, reverse: newestFirst.checked });
    if (token) query.set('pageToken', token);
    try {
      const page = await api(`/v1/executions/${encodeURIComponent(executionId)}/history?${query}`);
      if (!startedAt && page.events.length && page.events[0].id === 1) startedAt = page.events[0].timestamp;
      if (!startedAt) {
        const first = await api(`/v1/executions/${encodeURIComponent(executionId)}/history?pageSize=1`);
        startedAt = first.events.length ? first.events[0].timestamp : null;
      }
      atEnd = !page.nextPageToken && !newestFirst.checked;
      fill(body, 
        h('div', { class: 'table-wrap' }, h('table', { class: 'events' },
          h('thead', {}, h('tr', {}, ['ID', 'Type', 'State', 'Time', 'Since start', 'Details'].map((x) => h('th', { scope: 'col' }, x)))),
          h('tbody', {}, page.events.map((e) => h('tr', { 'data-event-id': e.id, 'data-type': e.type },
            h('td', {}, String(e.id)),
            h('td', {}, e.type),
            h('td', {}, e.details && e.details.name ? e.details.name : ''),
            h('td', {}, time(e.timestamp)),
            h('td', {}, startedAt ? duration(new Date(e.timestamp) - new Date(startedAt)) : ''),
            h('td', {}, Object.keys(e.details || {}).length ? h('details', {}, h('summary', {}, 'details'), h('pre', { class: 'json' }, json(e.details))) : '')))))),
        h('div', { class: 'pager' },
          tokens.length ? h('button', { type: 'button', onclick: () => { tokens.pop(); load(tokens[tokens.length - 1] || null); } }, '← Previous') : null,
          h('span', { class: 'muted' }, `page ${tokens.length + 1}`),
          page.nextPageToken ? h('button', { type: 'button', id: 'events-next', onclick: () => { tokens.push(page.nextPageToken); load(page.nextPageToken); } }, 'Next →') : null));
    } catch (e) {
      fill(body, errorBox(describeError(e)));
    }
  }

  return {
    element,
    load: () => load(null),
    refreshIfAtEnd: () => { if (atEnd) load(current); },
  };
}
