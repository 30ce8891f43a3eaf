// What every page builds with: elements, links, times, statuses (always told by icon and text).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export const STATUS_ICONS = {
  'not-reached': '○', running: '▶', succeeded: '✓', failed: '✗', caught: '↪', retrying: '↻',
  waiting: '◷', cancelled: '⊘',
  RUNNING: '▶', SUCCEEDED: '✓', FAILED: '✗', TIMED_OUT: '✗', ABORTED: '⊘',
};

export function statusText(status) {
  return String(status || '').toLowerCase().replace(/[_-]/g, ' ');
}

/** A status as icon and words, coloured by its class; never colour alone. */
export function badge(status) {
  const key = String(status || 'unknown');
  return h('span', { class: `badge status-${key.toLowerCase().replace(/_/g, '-')}` },
    h('span', { 'aria-hidden': 'true', class: 'icon' }, STATUS_ICONS[key] || '•'), ' ', statusText(key));
}

export function stateMachineLink(name, revision) {
  if (!name) return '';
  const href = `/state-machines/${encodeURIComponent(name)}` + (revision ? `?revision=${revision}` : '');
  return h('a', { href, class: 'sm-link' }, name);
}

export function executionLink(id, name) {
  if (!id) return '';
  return h('a', { href: `/executions/${encodeURIComponent(id)}`, class: 'execution-link' }, name || id);
}

export function time(ts) {
  if (!ts) return '—';
  const d = new Date(ts);
  return h('time', { datetime: ts, title: ts }, d.toLocaleString());
}

export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  const hours = Math.floor(m / 60);
  return `${hours} h ${m % 60} min`;
}

export function between(from, to) {
  if (!from) return null;
  return (to ? new Date(to) : new Date()) - new Date(from);
}

export function json(value) {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

export function pre(value, cls = 'json') {
  return h('pre', { class: cls, tabindex: '0' }, json(value));
}

export function errorBox(message) {
  return h('div', { class: 'error', role: 'alert' }, message);
}

export function params() {
  return new URLSearchParams(location.search);
}

export function setTitle(...parts) {
  document.title = [...parts.filter(Boolean), 'Stepwise'].join(' · ');
}

export function table(headers, rows, caption) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows)));
}

/** Empties `el` and puts `children` in it (null, undefined and false are left out). */
export function fill(el, ...children) {
  return append(clear(el), children);
}
