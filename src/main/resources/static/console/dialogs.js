// Confirmations and forms in a modal <dialog>: keyboard reachable, Escape cancels, the API's error
// shown inside the dialog when the action fails.
import { h, clear, fill } from './dom.js';
import { describeError } from './api.js';

/**
 * Opens a dialog with `fields` (elements) and a confirm button; `action()` runs on confirm and
 * may throw: its error stays on screen and the dialog stays open. Resolves with action's result,
 * or null when cancelled.
 */
export function confirmDialog({ title, message, fields = [], confirm = 'Confirm', danger = false, action }) {
  return new Promise((resolve) => {
    const error = h('div', { class: 'error', role: 'alert', hidden: true });
    const ok = h('button', { type: 'submit', class: danger ? 'danger' : 'primary', 'data-action': 'confirm' }, confirm);
    const cancel = h('button', { type: 'button', 'data-action': 'cancel' }, 'Cancel');
    const form = h('form', { method: 'dialog' },
      h('h2', {}, title), message ? h('p', {}, message) : null, ...fields, error,
      h('div', { class: 'buttons' }, cancel, ok));
    const dialog = h('dialog', { class: 'dialog', 'aria-label': title }, form);
    document.body.append(dialog);
    let done = false;
    const finish = (value) => {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    cancel.addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', () => finish(null));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      ok.disabled = true;
      error.hidden = true;
      try {
        const result = await action();
        finish(result === undefined ? true : result);
      } catch (e) {
        fill(error, describeError(e));
        error.hidden = false;
        ok.disabled = false;
      }
    });
    dialog.showModal();
    const first = form.querySelector('input, textarea, select');
    (first || ok).focus();
  });
}

/** A JSON editor: a textarea that says whether its text is JSON, as it is typed. */
export function jsonField({ label, value, id, rows = 8 }) {
  const area = h('textarea', { id, rows, spellcheck: 'false', class: 'code', 'aria-describedby': `${id}-check` });
  area.value = value;
  const check = h('div', { id: `${id}-check`, class: 'json-check', 'aria-live': 'polite' });
  const validate = () => {
    try {
      JSON.parse(area.value);
      check.textContent = '✓ valid JSON';
      check.className = 'json-check ok';
      area.setCustomValidity('');
      return true;
    } catch (e) {
      check.textContent = `✗ not JSON: ${e.message}`;
      check.className = 'json-check bad';
      area.setCustomValidity('Not valid JSON');
      return false;
    }
  };
  area.addEventListener('input', validate);
  validate();
  return {
    element: h('div', { class: 'field' }, h('label', { for: id }, label), area, check),
    area,
    value: () => {
      if (!validate()) throw new Error(`${label} is not valid JSON`);
      return JSON.parse(area.value);
    },
  };
}

export function textField({ label, id, value = '', placeholder = '', pattern }) {
  const input = h('input', { id, type: 'text', value, placeholder, pattern });
  return { element: h('div', { class: 'field' }, h('label', { for: id }, label), input), input };
}
