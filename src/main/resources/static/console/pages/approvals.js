// Approvals: every Task state waiting for a callback (.waitForTaskToken) or an activity worker.
// Approve sends success with a JSON output; Reject sends failure with an error and a cause.
import { api, describeError } from '../api.js';
import { h, clear, stateMachineLink, executionLink, time, table, setTitle, errorBox, pre, between, duration, fill, append } from '../dom.js';
import { confirmDialog, jsonField, textField } from '../dialogs.js';

export async function render(main) {
  setTitle('Approvals');
  const list = h('div', { id: 'approvals', 'aria-live': 'polite' });
  const refreshButton = h('button', { type: 'button', onclick: () => load() }, 'Refresh');
  append(main, h('div', { class: 'page-head' }, h('h1', {}, 'Approvals'), h('div', { class: 'actions' }, refreshButton)),
    h('p', { class: 'muted' }, 'Task states waiting for an answer: a callback (a resource ending in .waitForTaskToken) or an activity worker. The list refreshes every 5 seconds.'),
    list);

  let shown = null;
  async function load() {
    try {
      const page = await api('/console/api/approvals?pageSize=100');
      // Unchanged: keep the rows as they are (and any input a person opened).
      const now = JSON.stringify(page.items.map((w) => w.taskToken));
      if (now === shown) return;
      shown = now;
      clear(list);
      if (!page.items.length) {
        list.append(h('p', { class: 'empty' }, 'Nothing is waiting for an answer.'));
        return;
      }
      list.append(table(['Execution', 'State', 'Waiting', 'Input', 'Answer'], page.items.map((w) => h('tr', { 'data-state-name': w.state, 'data-execution-id': w.executionId },
        h('td', {}, executionLink(w.executionId, w.executionName), h('div', { class: 'muted' }, stateMachineLink(w.stateMachine))),
        h('td', {}, h('strong', {}, w.state), h('div', { class: 'muted' }, w.activity ? `activity ${w.activity}${w.worker ? ` (taken by ${w.worker})` : ''}` : w.resource)),
        h('td', {}, duration(between(w.since)), h('div', { class: 'muted' }, 'since ', time(w.since))),
        h('td', {}, h('details', {}, h('summary', {}, 'input'), pre(w.input))),
        h('td', { class: 'answer' },
          h('button', { type: 'button', class: 'primary approve', onclick: () => approve(w) }, '✓ Approve'), ' ',
          h('button', { type: 'button', class: 'danger reject', onclick: () => reject(w) }, '✗ Reject'))))));
    } catch (e) {
      fill(list, errorBox(describeError(e)));
    }
  }

  async function approve(w) {
    const output = jsonField({ label: 'Output (JSON)', id: 'approve-output', value: '{"approved": true}', rows: 5 });
    const done = await confirmDialog({
      title: `Approve ${w.state}`, confirm: 'Approve', fields: [output.element],
      message: `The state succeeds with this output and ${w.executionName} goes on.`,
      action: () => api('/v1/task-tokens/success', { method: 'POST', body: { taskToken: w.taskToken, output: output.value() } }),
    });
    if (done) await load();
  }

  async function reject(w) {
    const error = textField({ label: 'Error', id: 'reject-error', value: 'Rejected' });
    const cause = textField({ label: 'Cause', id: 'reject-cause', value: '' });
    const done = await confirmDialog({
      title: `Reject ${w.state}`, confirm: 'Reject', danger: true, fields: [error.element, cause.element],
      message: `The state fails with this error (its Retry and Catch apply).`,
      action: () => api('/v1/task-tokens/failure', { method: 'POST', body: { taskToken: w.taskToken, error: error.input.value || undefined, cause: cause.input.value || undefined } }),
    });
    if (done) await load();
  }

  await load();
  const timer = setInterval(() => { if (!document.querySelector('dialog[open]')) load(); }, 5000);
  window.addEventListener('pagehide', () => clearInterval(timer));
}
