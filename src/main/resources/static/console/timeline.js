// A timeline of the states by duration: one bar per entry (the first few hundred), placed between
// the execution's start and its end (or now).
import { h, clear, STATUS_ICONS, duration, append } from './dom.js';

export function timeline(box, states, execution) {
  clear(box);
  const bars = states.timeline;
  if (!bars.length) {
    append(box, h('p', { class: 'muted' }, 'No state entered yet.'));
    return;
  }
  const start = new Date(execution.startedAt).getTime();
  const end = execution.stoppedAt ? new Date(execution.stoppedAt).getTime() : Date.now();
  const span = Math.max(1, end - start);
  append(box, h('ol', { class: 'timeline', 'aria-label': 'States by time' }, bars.map((bar) => {
    const from = new Date(bar.start).getTime() - start;
    const to = (bar.end ? new Date(bar.end).getTime() : end) - start;
    const left = (100 * from) / span;
    const width = Math.max(0.4, (100 * (to - from)) / span);
    const bar_ = h('span', { class: `bar status-${bar.status}` });
    bar_.style.left = `${Math.min(99.6, left)}%`;
    bar_.style.width = `${Math.min(width, 100 - Math.min(99.6, left))}%`;
    return h('li', { 'data-status': bar.status },
      h('span', { class: 'what' }, h('span', { 'aria-hidden': 'true' }, STATUS_ICONS[bar.status] || ''), ' ', bar.state),
      h('span', { class: 'track' }, bar_),
      h('span', { class: 'how-long' }, `${duration(to - from)}${bar.end ? '' : ' so far'}, ${bar.status}`));
  })));
  if (states.timelineTotal > bars.length) {
    append(box, h('p', { class: 'muted' }, `The first ${bars.length} of ${states.timelineTotal} entries.`));
  }
}
