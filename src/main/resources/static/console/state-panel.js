// The panel of one state of an execution: its entries (input, output, error, cause, attempts,
// timings), a Map's iteration counts and iterations (a distributed Map's child executions), a
// Parallel state's branches.
import { api, describeError } from './api.js';
import { h, clear, badge, time, pre, between, duration, errorBox, executionLink, table, fill, append } from './dom.js';

const ENTRIES = 5;

export async function statePanel(panel, { executionId, execution, state, graph, offset = 0, iterationOffset = 0 }) {
  const base = `/console/api/executions/${encodeURIComponent(executionId)}/states/${encodeURIComponent(state)}`;
  let detail;
  try {
    detail = await api(`${base}?pageSize=${ENTRIES}&offset=${offset}&iterationOffset=${iterationOffset}`);
  } catch (e) {
    fill(panel, errorBox(describeError(e)));
    return;
  }
  const node = find(graph && graph.nodes, state);
  const again = (o, io) => statePanel(panel, { executionId, execution, state, graph, offset: o, iterationOffset: io });
  fill(panel, 
    h('h2', { id: 'panel-title' }, state),
    h('p', { class: 'meta' }, detail.type, ' · ', detail.entries === 0 ? 'not reached' : `${detail.entries} entr${detail.entries === 1 ? 'y' : 'ies'}`),
    node && node.type === 'Parallel' ? branches(node) : null,
    detail.iterationCounts ? iterations(detail, iterationOffset, (io) => again(offset, io)) : null,
    node && node.mode === 'distributed' ? children(executionId) : null,
    detail.items.map((entry) => h('article', { class: 'entry', 'data-status': entry.status },
      h('h3', {}, `Entry ${entry.number} `, badge(entry.status)),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Entered'), h('dd', {}, time(entry.enteredAt)),
        h('dt', {}, 'Left'), h('dd', {}, time(entry.exitedAt)),
        h('dt', {}, 'Duration'), h('dd', {}, duration(between(entry.enteredAt, entry.exitedAt || (execution.stoppedAt || null)))),
        entry.attempts ? [h('dt', {}, 'Attempts'), h('dd', { class: 'attempts' }, String(entry.attempts))] : null,
        entry.error ? [h('dt', {}, 'Error'), h('dd', { class: 'state-error' }, entry.error)] : null,
        entry.cause ? [h('dt', {}, 'Cause'), h('dd', { class: 'state-cause' }, entry.cause)] : null),
      h('h4', {}, 'Input'), pre(entry.input),
      entry.output !== null && entry.output !== undefined ? [h('h4', {}, 'Output'), pre(entry.output)] : null)),
    detail.entries > ENTRIES ? h('div', { class: 'pager' },
      offset > 0 ? h('button', { type: 'button', onclick: () => again(Math.max(0, offset - ENTRIES), iterationOffset) }, '← Newer entries') : null,
      offset + ENTRIES < detail.entries ? h('button', { type: 'button', onclick: () => again(offset + ENTRIES, iterationOffset) }, 'Older entries →') : null) : null);
}

function find(nodes, name) {
  for (const node of nodes || []) {
    if (node.name === name && node.type !== 'Branch') return node;
    const inner = find(node.children, name);
    if (inner) return inner;
  }
  return null;
}

function branches(node) {
  const statusOf = (name) => {
    const g = document.querySelector(`#execution-graph [data-state-name="${CSS.escape(name)}"]`);
    return g ? g.getAttribute('data-status') : 'not-reached';
  };
  return h('div', { class: 'branches' }, h('h3', {}, 'Branches'),
    h('ol', {}, node.children.map((branch) => h('li', {}, branch.name, ': ',
      branch.children.filter((c) => c.type !== 'Start' && c.type !== 'End').map((c) => h('span', { class: 'branch-state' }, c.name, ' ', badge(statusOf(c.name)), ' '))))));
}

function iterations(detail, iterationOffset, page) {
  const c = detail.iterationCounts;
  const rows = detail.iterations.map((it) => h('tr', { 'data-status': it.status },
    h('td', {}, String(it.index)), h('td', {}, badge(it.status)), h('td', {}, time(it.startedAt)), h('td', {}, duration(between(it.startedAt, it.endedAt)))));
  return h('div', { class: 'iterations' },
    h('h3', {}, 'Iterations'),
    h('p', { class: 'map-counts' }, `${c.total} in all: ${c.succeeded} succeeded, ${c.failed} failed, ${c.running} running`, c.cancelled ? `, ${c.cancelled} cancelled` : ''),
    rows.length ? h('details', {}, h('summary', {}, `Iterations ${iterationOffset}–${iterationOffset + rows.length - 1}`),
      table(['Index', 'Status', 'Started', 'Duration'], rows),
      h('div', { class: 'pager' },
        iterationOffset > 0 ? h('button', { type: 'button', onclick: () => page(Math.max(0, iterationOffset - 200)) }, '← Earlier') : null,
        rows.length === 200 ? h('button', { type: 'button', onclick: () => page(iterationOffset + 200) }, 'Later →') : null)) : null);
}

function children(executionId) {
  const box = h('div', { class: 'children' }, h('h3', {}, 'Child executions'),
    h('p', {}, h('a', { href: `/executions?parentExecution=${encodeURIComponent(executionId)}` }, 'All child executions →')));
  api(`/v1/executions?parentExecution=${encodeURIComponent(executionId)}&pageSize=10`).then((page) => {
    append(box, h('ul', {}, page.items.map((e) => h('li', {}, executionLink(e.executionId, e.name), ' ', badge(e.status)))));
  }).catch((e) => box.append(errorBox(describeError(e))));
  return box;
}
