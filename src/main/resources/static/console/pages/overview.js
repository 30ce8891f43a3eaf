// Overview: running executions, starts and failures over the last hour, the work queue, the
// replicas claiming work, and where health and metrics are.
import { api, describeError } from '../api.js';
import { h, clear, time, table, setTitle, errorBox, fill, append } from '../dom.js';

export async function render(main) {
  setTitle('Overview');
  const box = h('div', { id: 'overview', 'aria-live': 'polite' });
  append(main, h('div', { class: 'page-head' }, h('h1', {}, 'Overview')), box,
    h('section', {}, h('h2', {}, 'Health and metrics'),
      h('ul', {},
        h('li', {}, h('a', { href: '/actuator/health' }, '/actuator/health'), ' — liveness and readiness (database included)'),
        h('li', {}, h('a', { href: '/actuator/prometheus' }, '/actuator/prometheus'), ' — Prometheus metrics (stepwise.*)'),
        h('li', {}, h('a', { href: '/actuator/info' }, '/actuator/info')))));

  async function load() {
    try {
      const f = await api('/console/api/overview');
      const peak = Math.max(1, ...f.lastHour.map((b) => b.started + b.failed));
      fill(box, 
        h('div', { class: 'cards' },
          card('Running executions', f.running, h('a', { href: '/executions?status=RUNNING' }, 'see them')),
          card('Started, last hour', f.started),
          card('Failed, last hour', f.failed, h('a', { href: '/executions?status=FAILED' }, 'see them')),
          card('Waiting for an answer', f.waitingTasks, h('a', { href: '/approvals' }, 'approvals')),
          card('Queue depth', f.queueDepth, 'due work items not claimed'),
          card('Queue lag', `${f.queueLagSeconds.toFixed(1)} s`, 'age of the oldest due item')),
        h('section', {}, h('h2', {}, 'Starts and failures, last hour (5-minute buckets)'),
          h('ol', { class: 'histogram', 'aria-label': 'Starts and failures per 5 minutes' }, f.lastHour.map((b) => {
            const started = h('span', { class: 'bar started' });
            started.style.height = `${(100 * b.started) / peak}%`;
            const failed = h('span', { class: 'bar failed' });
            failed.style.height = `${(100 * b.failed) / peak}%`;
            return h('li', { title: `${new Date(b.from).toLocaleTimeString()}: ${b.started} started, ${b.failed} failed` },
              h('span', { class: 'bars' }, started, failed),
              h('span', { class: 'figure' }, `${b.started} / ${b.failed}`),
              h('span', { class: 'when' }, new Date(b.from).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })));
          })),
          h('p', { class: 'muted' }, '■ started  ■ failed (or timed out); figures: started / failed')),
        h('section', {}, h('h2', {}, 'Replicas claiming work'),
          f.nodes.length ? table(['Replica', 'Work items held', 'Lease until'], f.nodes.map((n) => h('tr', {},
            h('td', {}, n.node, n.node === f.thisNode ? ' (this one)' : ''), h('td', {}, String(n.claimed)), h('td', {}, time(n.leaseUntil)))))
            : h('p', { class: 'muted' }, `No replica holds a claim right now (this one is ${f.thisNode}).`)),
        h('p', { class: 'muted' }, 'As of ', time(f.at), '; refreshes every 5 seconds.'));
    } catch (e) {
      fill(box, errorBox(describeError(e)));
    }
  }

  function card(title, value, note) {
    return h('div', { class: 'card' }, h('div', { class: 'card-title' }, title), h('div', { class: 'card-value' }, String(value)), note ? h('div', { class: 'muted' }, note) : null);
  }

  await load();
  const timer = setInterval(load, 5000);
  window.addEventListener('pagehide', () => clearInterval(timer));
}
