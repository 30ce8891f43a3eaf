// Draws a laid-out definition (positions computed on the server by ELK's layered algorithm) as SVG.
// Every state is a <g> with data-state-name; on execution pages it also carries data-status.
import { STATUS_ICONS, statusText } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const NAME_CHAR = 8.4;
const LINE_CHAR = 6.6;
const LABEL_CHAR = 6.4;

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

function fit(text, width, charWidth) {
  const max = Math.max(3, Math.floor(width / charWidth));
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/**
 * Draws `graph` into `container`. Returns handles to colour states by status, mark diagnostics and
 * move the selection. `onSelect(name)` runs when a state is clicked or chosen with Enter or Space.
 */
export function drawGraph(container, graph, { onSelect, label = 'State machine graph' } = {}) {
  const width = Math.ceil(graph.width);
  const height = Math.ceil(graph.height);
  const svg = s('svg', {
    class: 'graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group', 'aria-label': label,
  });
  const defs = s('defs');
  for (const kind of ['next', 'choice', 'default', 'catch', 'start', 'end']) {
    const marker = s('marker', {
      id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
    });
    marker.append(s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: `arrow arrow-${kind}` }));
    defs.append(marker);
  }
  svg.append(defs);
  const states = new Map();
  const layer = s('g');
  drawScope(layer, graph.nodes, graph.edges, states);
  svg.append(layer);
  container.append(svg);

  const select = (name) => {
    for (const [n, g] of states) g.classList.toggle('selected', n === name);
    if (onSelect) onSelect(name);
  };
  for (const [name, g] of states) {
    g.addEventListener('click', (e) => { e.stopPropagation(); select(name); });
    g.addEventListener('keydown', (e) => {
      // States nest (a Map holds its item processor's states): the innermost one answers.
      e.stopPropagation();
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(name); }
      if (['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft'].includes(e.key)) {
        e.preventDefault();
        const all = [...states.values()];
        const i = all.indexOf(g) + (e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1);
        if (all[i]) all[i].focus();
      }
    });
  }
  return {
    svg,
    states,
    select,
    setStatuses(statuses) {
      for (const [name, g] of states) {
        const summary = statuses[name];
        const status = summary ? summary.status : 'not-reached';
        g.setAttribute('data-status', status);
        g.querySelector('.status-icon').textContent = STATUS_ICONS[status] || '';
        const entries = summary && summary.entries > 1 ? `, ${summary.entries} entries` : '';
        g.setAttribute('aria-label', `${name}, ${g.dataset.type}, ${statusText(status)}${entries}`);
        const counts = g.querySelector('.counts');
        if (counts) counts.textContent = mapCounts(summary && summary.iterations);
      }
    },
    markDiagnostics(byState) {
      for (const [name, g] of states) {
        const list = byState.get(name);
        g.classList.toggle('invalid', !!list);
        if (list) g.setAttribute('data-diagnostics', list.map((d) => d.code).join(' '));
        else g.removeAttribute('data-diagnostics');
        g.querySelector('title').textContent = g.dataset.title + (list ? '\n' + list.map((d) => `⚠ ${d.message}`).join('\n') : '');
      }
    },
  };
}

function mapCounts(counts) {
  if (!counts) return '';
  const parts = [`${counts.succeeded}/${counts.total} succeeded`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.running) parts.push(`${counts.running} running`);
  if (counts.cancelled) parts.push(`${counts.cancelled} cancelled`);
  return parts.join(', ');
}

function drawScope(parent, nodes, edges, states) {
  const edgeLayer = s('g', { class: 'edges' });
  const nodeLayer = s('g', { class: 'nodes' });
  for (const node of nodes) nodeLayer.append(drawNode(node, states));
  for (const edge of edges) edgeLayer.append(drawEdge(edge));
  parent.append(nodeLayer, edgeLayer);
}

function drawNode(node, states) {
  const g = s('g', { transform: `translate(${node.x},${node.y})` });
  const isTerminal = node.type === 'Start' || node.type === 'End';
  const isBranch = node.type === 'Branch';
  const container = node.children && node.children.length > 0;
  g.setAttribute('class', ['node', isTerminal ? 'terminal' : isBranch ? 'branch' : 'state',
    container ? 'container' : '', `type-${node.type.toLowerCase()}`, node.mode ? `mode-${node.mode}` : ''].join(' ').trim());
  if (isTerminal) {
    g.append(s('rect', { width: node.width, height: node.height, rx: node.height / 2 }));
    g.append(s('text', { x: node.width / 2, y: node.height / 2 + 4, 'text-anchor': 'middle', class: 'name' }, node.name));
    return g;
  }
  const title = [node.name, ...(node.lines || [])].join('\n');
  g.append(s('title', {}, title));
  g.append(s('rect', { width: node.width, height: node.height, rx: isBranch ? 4 : 8, class: 'box' }));
  if (!isBranch) g.append(s('rect', { width: 6, height: container ? 28 : node.height, rx: 3, class: 'status-bar' }));
  g.append(s('text', { x: 14, y: 19, class: 'name' }, fit(node.name, node.width - 40, NAME_CHAR)));
  (node.lines || []).forEach((line, i) => {
    g.append(s('text', { x: 14, y: 35 + 15 * i, class: 'line' }, fit(line, node.width - 24, LINE_CHAR)));
  });
  if (!isBranch) {
    g.append(s('text', { x: node.width - 10, y: 19, 'text-anchor': 'end', class: 'status-icon', 'aria-hidden': 'true' }, ''));
    g.setAttribute('data-state-name', node.name);
    g.setAttribute('data-type', node.type);
    g.setAttribute('data-id', node.id);
    g.dataset.title = title;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', `${node.name}, ${node.type}`);
    states.set(node.name, g);
  }
  if (node.type === 'Map') {
    g.append(s('text', { x: 14, y: 35 + 15 * (node.lines || []).length, class: 'counts' }, ''));
  }
  if (container) {
    const inner = s('g', { class: 'inside' });
    drawScope(inner, node.children, node.edges || [], states);
    g.append(inner);
  }
  return g;
}

function drawEdge(edge) {
  const g = s('g', { class: `edge edge-${edge.kind}`, 'data-source': edge.source, 'data-target': edge.target });
  if (edge.points.length) {
    const d = edge.points.map((p, i) => `${i ? 'L' : 'M'} ${p[0]} ${p[1]}`).join(' ');
    g.append(s('path', { d, 'marker-end': `url(#arrow-${edge.kind})` }));
  }
  if (edge.label && edge.labelBox) {
    const b = edge.labelBox;
    const text = fit(edge.label, b.width - 8, LABEL_CHAR);
    const label = s('g', { class: 'label', transform: `translate(${b.x},${b.y})` });
    label.append(s('title', {}, `${edge.kind === 'catch' ? 'Catch: ' : ''}${edge.label}`));
    label.append(s('rect', { width: b.width, height: b.height, rx: 3 }));
    label.append(s('text', { x: b.width / 2, y: b.height - 4, 'text-anchor': 'middle' }, text));
    g.append(label);
  }
  return g;
}
