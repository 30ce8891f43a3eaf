// The definition editor: as the JSON changes, the graph is drawn again and the definition is
// validated (POST /v1/definitions/validate); each diagnostic is listed and marked on the state its
// JSON-pointer location lies in.
import { api, describeError } from './api.js';
import { h, clear } from './dom.js';
import { drawGraph } from './graph.js';

export function definitionEditor(text, { onChange } = {}) {
  const area = h('textarea', { id: 'definition-editor', class: 'code', rows: 24, spellcheck: 'false', 'aria-label': 'Definition (JSON)' });
  area.value = text;
  const status = h('div', { class: 'json-check', id: 'definition-status', 'aria-live': 'polite' });
  const diagnostics = h('ul', { class: 'diagnostics', id: 'diagnostics', 'aria-label': 'Validation diagnostics' });
  const graphBox = h('div', { class: 'graph-box', id: 'editor-graph' });
  const element = h('div', { class: 'editor-grid' },
    h('div', { class: 'editor-pane' }, area, status, diagnostics),
    graphBox);
  let timer;
  let generation = 0;
  let valid = false;

  async function refresh() {
    const mine = ++generation;
    let definition;
    try {
      definition = JSON.parse(area.value);
    } catch (e) {
      valid = false;
      status.textContent = `✗ not JSON: ${e.message}`;
      status.className = 'json-check bad';
      clear(diagnostics);
      return;
    }
    try {
      const [graph, validation] = await Promise.all([
        api('/console/api/graph', { method: 'POST', body: { definition } }),
        api('/v1/definitions/validate', { method: 'POST', body: { definition } }),
      ]);
      if (mine !== generation) return;
      clear(graphBox);
      const drawn = drawGraph(graphBox, graph, { label: 'Graph of the definition being edited' });
      const byState = new Map();
      clear(diagnostics);
      for (const d of validation.diagnostics) {
        const state = stateAt(drawn.states, d.location);
        if (state) {
          if (!byState.has(state)) byState.set(state, []);
          byState.get(state).push(d);
        }
        diagnostics.append(h('li', { class: 'diagnostic', 'data-location': d.location, 'data-state': state || '' },
          h('code', {}, d.code), ' ', h('span', {}, d.message), ' ', h('span', { class: 'where' }, `at ${d.location || '/'}`),
          state ? [' (state ', h('strong', {}, state), ')'] : ''));
      }
      drawn.markDiagnostics(byState);
      valid = validation.valid;
      status.textContent = valid ? '✓ valid definition' : `✗ ${validation.diagnostics.length} problem(s)`;
      status.className = `json-check ${valid ? 'ok' : 'bad'}`;
    } catch (e) {
      if (mine !== generation) return;
      status.textContent = describeError(e);
      status.className = 'json-check bad';
    }
    if (onChange) onChange(valid);
  }

  area.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 300); });
  return { element, refresh, text: () => area.value, isValid: () => valid };
}

/** The state whose JSON pointer is the longest one that `location` starts with. */
function stateAt(states, location) {
  let best = null;
  let length = -1;
  for (const [name, g] of states) {
    const id = g.getAttribute('data-id');
    if ((location === id || (location || '').startsWith(id + '/')) && id.length > length) {
      best = name;
      length = id.length;
    }
  }
  return best;
}
