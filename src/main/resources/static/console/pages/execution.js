// An execution: its graph with each state's status, live while it runs (server-sent events), the
// state panel, the timeline, AWS's event table, and the actions (stop, redrive).
import { api, apiKey, describeError } from '../api.js';
import { h, clear, badge, stateMachineLink, executionLink, time, setTitle, errorBox, pre, between, duration, STATUS_ICONS, fill, append } from '../dom.js';
import { drawGraph } from '../graph.js';
import { confirmDialog, textField } from '../dialogs.js';
import { statePanel } from '../state-panel.js';
import { eventTable } from '../event-table.js';
import { timeline } from '../timeline.js';

const LEGEND = ['not-reached', 'running', 'waiting', 'retrying', 'succeeded', 'caught', 'failed', 'cancelled'];

export async function render(main, executionId) {
  const base = `/console/api/executions/${encodeURIComponent(executionId)}`;
  let execution = await api(`/v1/executions/${encodeURIComponent(executionId)}`);
  const revision = await api(`/v1/state-machines/${encodeURIComponent(execution.stateMachine)}/revisions/${execution.revision}`)
    .catch(() => null);
  setTitle(execution.name, 'Execution');

  const head = h('div', { id: 'execution-head' });
  const graphBox = h('div', { class: 'graph-box', id: 'execution-graph' });
  const panel = h('aside', { class: 'side', id: 'state-panel', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Choose a state (click, or Tab and Enter) to see its input, output, error and timings.'));
  const timelineBox = h('div', { id: 'timeline' });
  const events = eventTable(executionId);
  const live = h('span', { id: 'live', class: 'live', 'aria-live': 'polite' });
  append(main, head,
    h('section', { 'aria-label': 'Graph' },
      h('div', { class: 'section-head' }, h('h2', {}, 'Graph'), live),
      h('ul', { class: 'legend', 'aria-label': 'Status legend' }, LEGEND.map((s) => h('li', { 'data-status': s },
        h('span', { class: `swatch status-${s}`, 'aria-hidden': 'true' }, STATUS_ICONS[s]), ' ', s.replace('-', ' ')))),
      h('div', { class: 'graph-grid' }, graphBox, panel)),
    h('section', { 'aria-label': 'Timeline' }, h('h2', {}, 'Timeline'), timelineBox),
    h('section', { 'aria-label': 'Events' }, h('h2', {}, 'Events'), events.element));

  let drawn = null;
  let graph = null;
  let selected = null;
  const panelFor = (name) => statePanel(panel, { executionId, execution, state: name, graph });
  if (revision) {
    graph = await api('/console/api/graph', { method: 'POST', body: { definition: revision.definition } });
    drawn = drawGraph(graphBox, graph, {
      label: `Graph of execution ${execution.name}`,
      onSelect: (name) => { selected = name; panelFor(name); },
    });
  } else {
    graphBox.append(errorBox('The definition of this revision could not be read.'));
  }

  const drawHead = () => {
    fill(head, 
      h('div', { class: 'page-head' },
        h('h1', {}, h('span', { class: 'kind' }, 'Execution '), execution.name, ' ', h('span', { id: 'execution-status' }, badge(execution.status))),
        h('div', { class: 'actions' },
          execution.status === 'RUNNING' ? h('button', { type: 'button', class: 'danger', id: 'stop-execution', onclick: stop }, 'Stop') : null,
          ['FAILED', 'TIMED_OUT', 'ABORTED'].includes(execution.status) ? h('button', { type: 'button', id: 'redrive-execution', onclick: redrive }, 'Redrive') : null)),
      h('dl', { class: 'facts' },
        h('dt', {}, 'State machine'), h('dd', {}, stateMachineLink(execution.stateMachine, execution.revision), ` (revision ${execution.revision})`),
        execution.parentExecutionId ? [h('dt', {}, 'Parent'), h('dd', {}, executionLink(execution.parentExecutionId))] : null,
        h('dt', {}, 'Started'), h('dd', {}, time(execution.startedAt)),
        h('dt', {}, 'Stopped'), h('dd', {}, time(execution.stoppedAt)),
        h('dt', {}, 'Duration'), h('dd', {}, duration(between(execution.startedAt, execution.stoppedAt))),
        execution.redriveCount ? [h('dt', {}, 'Redriven'), h('dd', {}, `${execution.redriveCount} time(s)`)] : null,
        h('dt', {}, 'Id'), h('dd', {}, h('code', {}, execution.executionId))),
      execution.error ? h('div', { class: 'error', role: 'status' }, h('strong', {}, execution.error), execution.cause ? `: ${execution.cause}` : '') : null,
      h('details', { class: 'io' }, h('summary', {}, 'Execution input and output'),
        h('div', { class: 'io-grid' }, h('div', {}, h('h3', {}, 'Input'), pre(execution.input)),
          h('div', {}, h('h3', {}, 'Output'), execution.output === null ? h('p', { class: 'muted' }, '—') : pre(execution.output)))));
  };

  let inFlight = null;
  let again = false;
  async function refresh() {
    if (inFlight) { again = true; return inFlight; }
    inFlight = (async () => {
      try {
        const [current, states] = await Promise.all([
          api(`/v1/executions/${encodeURIComponent(executionId)}`),
          api(`${base}/states`),
        ]);
        execution = current;
        drawHead();
        if (drawn) drawn.setStatuses(states.states);
        timeline(timelineBox, states, execution);
        events.refreshIfAtEnd();
        if (selected) panelFor(selected);
      } catch (e) {
        live.textContent = describeError(e);
      }
    })();
    await inFlight;
    inFlight = null;
    if (again) { again = false; await refresh(); }
  }

  let source = null;
  function follow() {
    if (source || execution.status !== 'RUNNING') return;
    live.textContent = '● live';
    // EventSource cannot send an Authorization header: with an API key, poll once a second.
    if (apiKey()) {
      const timer = setInterval(async () => {
        await refresh();
        if (execution.status !== 'RUNNING') unfollow();
      }, 1000);
      source = { close: () => clearInterval(timer) };
      return;
    }
    source = new EventSource(`${base}/stream`);
    source.addEventListener('progress', (e) => {
      const progress = JSON.parse(e.data);
      refresh();
      if (progress.status !== 'RUNNING') unfollow();
    });
    source.addEventListener('error', () => { if (execution.status !== 'RUNNING') unfollow(); });
  }
  function unfollow() {
    if (source) source.close();
    source = null;
    live.textContent = '';
  }

  async function stop() {
    const error = textField({ label: 'Error (optional)', id: 'stop-error' });
    const cause = textField({ label: 'Cause (optional)', id: 'stop-cause' });
    await confirmDialog({
      title: 'Stop execution', danger: true, confirm: 'Stop', fields: [error.element, cause.element],
      message: `Stop “${execution.name}”? Pending work and timers are cancelled.`,
      action: () => api(`/v1/executions/${encodeURIComponent(executionId)}/stop`, {
        method: 'POST', body: { error: error.input.value || undefined, cause: cause.input.value || undefined },
      }),
    });
    await refresh();
  }

  async function redrive() {
    const done = await confirmDialog({
      title: 'Redrive execution', confirm: 'Redrive',
      message: `Resume “${execution.name}” from the state that failed, keeping its history?`,
      action: () => api(`/v1/executions/${encodeURIComponent(executionId)}/redrive`, { method: 'POST', body: {} }),
    });
    if (done) {
      await refresh();
      follow();
    }
  }

  drawHead();
  await events.load();
  await refresh();
  follow();
  window.addEventListener('pagehide', unfollow);
}
