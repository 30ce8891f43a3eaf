// A state machine: its graph (any revision) beside its definition, its recent executions, and the
// actions: start an execution, edit the definition (a new revision), delete.
import { api, describeError } from '../api.js';
import { h, clear, badge, executionLink, time, table, params, setTitle, errorBox, json, between, duration, append } from '../dom.js';
import { drawGraph } from '../graph.js';
import { confirmDialog, jsonField, textField } from '../dialogs.js';
import { definitionEditor } from '../definition-editor.js';

export async function render(main, name) {
  setTitle(name);
  const latest = await api(`/v1/state-machines/${encodeURIComponent(name)}`);
  const wanted = Number(params().get('revision')) || latest.revision;
  const shown = wanted === latest.revision ? latest
    : await api(`/v1/state-machines/${encodeURIComponent(name)}/revisions/${wanted}`);

  const revisions = h('select', { id: 'revision', 'aria-label': 'Revision' },
    Array.from({ length: latest.revision }, (_, i) => latest.revision - i).map((r) =>
      h('option', { value: r, selected: r === wanted }, `revision ${r}${r === latest.revision ? ' (latest)' : ''}`)));
  revisions.addEventListener('change', () => {
    location.assign(`/state-machines/${encodeURIComponent(name)}?revision=${revisions.value}`);
  });
  const startButton = h('button', { type: 'button', class: 'primary', id: 'start-execution', onclick: () => startExecution(name) }, 'Start execution');
  const editButton = h('button', { type: 'button', id: 'edit-definition' }, 'Edit definition');
  const deleteButton = h('button', { type: 'button', class: 'danger', id: 'delete-state-machine' }, 'Delete');
  append(main, 
    h('div', { class: 'page-head' },
      h('h1', {}, h('span', { class: 'kind' }, 'State machine '), name),
      h('div', { class: 'actions' }, startButton, editButton, deleteButton)),
    h('p', { class: 'meta' }, revisions, ' · updated ', time(latest.updatedAt),
      latest.description ? [' · ', latest.description] : ''));

  const body = h('div', { id: 'sm-body' });
  append(main, body);
  const showGraph = async () => {
    clear(body);
    const graphBox = h('div', { class: 'graph-box', id: 'sm-graph' });
    const details = h('div', { class: 'side' }, h('h2', {}, 'Definition'), h('pre', { class: 'json definition', id: 'definition-json', tabindex: '0' }, json(shown.definition)));
    body.append(h('div', { class: 'graph-grid' }, h('section', { 'aria-label': 'Graph' }, h('h2', { class: 'sr-only' }, 'Graph'), graphBox), details));
    const graph = await api('/console/api/graph', { method: 'POST', body: { definition: shown.definition } });
    drawGraph(graphBox, graph, {
      label: `Graph of ${name}, revision ${shown.revision}`,
      onSelect: (state) => highlight(details.querySelector('pre'), state),
    });
  };
  editButton.addEventListener('click', () => edit());
  deleteButton.addEventListener('click', () => confirmDialog({
    title: 'Delete state machine', danger: true, confirm: 'Delete',
    message: `Delete “${name}”? New starts are refused; running executions finish.`,
    action: async () => {
      await api(`/v1/state-machines/${encodeURIComponent(name)}`, { method: 'DELETE' });
      location.assign('/state-machines');
    },
  }));

  async function edit() {
    clear(body);
    const editor = definitionEditor(JSON.stringify(latest.definition, null, 2));
    const save = h('button', { type: 'button', class: 'primary', id: 'save-definition' }, 'Save as new revision');
    const cancel = h('button', { type: 'button', onclick: () => showGraph() }, 'Cancel');
    save.addEventListener('click', () => confirmDialog({
      title: 'Save definition', confirm: 'Save',
      message: `Save this definition as revision ${latest.revision + 1} of “${name}”? Running executions keep their revision.`,
      action: async () => {
        await api(`/v1/state-machines/${encodeURIComponent(name)}`, { method: 'PUT', body: { definition: JSON.parse(editor.text()), description: latest.description } });
        location.assign(`/state-machines/${encodeURIComponent(name)}`);
      },
    }));
    body.append(h('div', { class: 'buttons' }, save, cancel), editor.element);
    await editor.refresh();
  }

  await (params().has('edit') ? edit() : showGraph());
  append(main, h('section', { id: 'recent-executions' }, h('h2', {}, 'Recent executions'), await recentExecutions(name)));
}

function highlight(pre, state) {
  const text = pre.textContent;
  const at = text.indexOf(JSON.stringify(state) + ':');
  if (at < 0) return;
  pre.focus();
  const lines = text.slice(0, at).split('\n').length;
  pre.scrollTop = Math.max(0, (lines - 3) * 16);
}

async function recentExecutions(name) {
  try {
    const page = await api(`/v1/executions?stateMachine=${encodeURIComponent(name)}&pageSize=10`);
    if (!page.items.length) return h('p', { class: 'empty' }, 'No executions yet. Start one with “Start execution”.');
    return h('div', {},
      table(['Execution', 'Status', 'Revision', 'Started', 'Duration'], page.items.map((e) => h('tr', {},
        h('td', {}, executionLink(e.executionId, e.name)),
        h('td', {}, badge(e.status)),
        h('td', {}, String(e.revision)),
        h('td', {}, time(e.startedAt)),
        h('td', {}, duration(between(e.startedAt, e.stoppedAt)))))),
      h('p', {}, h('a', { href: `/executions?stateMachine=${encodeURIComponent(name)}` }, 'All executions of this state machine →')));
  } catch (e) {
    return errorBox(describeError(e));
  }
}

export function startExecution(name) {
  const executionName = textField({ label: 'Execution name (optional)', id: 'execution-name', placeholder: 'generated when empty', pattern: '[A-Za-z0-9_-]{1,80}' });
  const input = jsonField({ label: 'Input (JSON)', id: 'execution-input', value: '{}' });
  return confirmDialog({
    title: `Start an execution of ${name}`,
    fields: [executionName.element, input.element],
    confirm: 'Start',
    action: async () => {
      const body = { input: input.value() };
      if (executionName.input.value.trim()) body.name = executionName.input.value.trim();
      const started = await api(`/v1/state-machines/${encodeURIComponent(name)}/executions`, { method: 'POST', body });
      location.assign(`/executions/${encodeURIComponent(started.executionId)}`);
    },
  });
}
