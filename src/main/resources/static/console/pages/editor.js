// A new state machine: name, definition (drawn and validated as it is typed), create.
import { api } from '../api.js';
import { h, setTitle, append } from '../dom.js';
import { definitionEditor } from '../definition-editor.js';
import { confirmDialog } from '../dialogs.js';

const EXAMPLE = {
  Comment: 'Say hello, wait a moment, succeed',
  StartAt: 'Hello',
  States: {
    Hello: { Type: 'Pass', Result: { greeting: 'hello' }, Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 5, Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

export async function render(main) {
  setTitle('New state machine');
  const name = h('input', { id: 'new-name', type: 'text', required: true, pattern: '[A-Za-z0-9_-]{1,80}', placeholder: 'my-state-machine' });
  const editor = definitionEditor(JSON.stringify(EXAMPLE, null, 2));
  const create = h('button', { type: 'button', class: 'primary', id: 'create' }, 'Create');
  create.addEventListener('click', () => confirmDialog({
    title: 'Create state machine',
    message: `Create “${name.value}” with this definition?`,
    confirm: 'Create',
    action: async () => {
      const created = await api('/v1/state-machines', {
        method: 'POST', body: { name: name.value, definition: JSON.parse(editor.text()) },
      });
      location.assign(`/state-machines/${encodeURIComponent(created.name)}`);
    },
  }));
  append(main, 
    h('div', { class: 'page-head' }, h('h1', {}, 'New state machine')),
    h('div', { class: 'field inline' }, h('label', { for: 'new-name' }, 'Name'), name, create),
    editor.element);
  await editor.refresh();
}
