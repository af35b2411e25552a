// The tasks panel: live move-ups and patrol tasks with Accept / Decline, which publish cad.task-decisions.
import {h, clock, label} from './dom.js';
import {openTasks, callSign} from './model.js';

export class TasksPanel {
  constructor(element, live, me) {
    this.element = element;
    this.live = live;
    this.me = me;
    this.message = null;
  }

  render() {
    const tasks = openTasks(this.live);
    const rows = tasks.map(task => h('div', {class: `task ${task.awaiting ? 'awaiting' : 'accepted'}`,
        dataset: {task: task.taskId, kind: task.kind, officer: task.officerId}},
      h('div', {class: 'task-head'},
        h('span', {class: `kind k-${task.kind}`}, task.kind === 'MOVE_UP' ? 'Move-up' : 'Patrol'), ' ',
        h('span', {class: 'callsign'}, callSign(this.live, task.officerId)), ' → ', task.place,
        h('span', {class: 'state'}, label(task.state))),
      h('div', {class: 'sub'}, `${task.detail} · ${task.group} · ${clock(task.at)}`),
      task.reasons.length ? h('div', {class: 'sub reasons-line'}, task.reasons.join('; ')) : null,
      task.awaiting && this.me.mayAssign ? h('div', {class: 'task-actions'},
        h('button', {type: 'button', class: 'accept', onclick: () => this.decide(task, true)}, 'Accept'),
        h('button', {type: 'button', class: 'decline', onclick: () => this.decide(task, false)}, 'Decline')) : null));
    this.element.replaceChildren(
      ...(this.message ? [h('p', {class: `message ${this.message.ok ? 'ok' : 'refused'}`, id: 'task-message'}, this.message.text)] : []),
      ...(rows.length ? rows : [h('p', {class: 'muted', id: 'tasks-empty'}, 'No move-up or patrol task.')]));
  }

  async decide(task, accepted) {
    const response = await fetch('/api/task-decision', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({kind: task.kind, officerId: task.officerId, taskId: task.taskId, accepted})});
    if (response.status === 401) { location.href = '/login'; return; }
    const answer = await response.json().catch(() => ({error: `HTTP ${response.status}`}));
    const who = callSign(this.live, task.officerId);
    this.message = response.ok
      ? {ok: true, text: `${accepted ? 'Accepted' : 'Declined'} ${task.kind === 'MOVE_UP' ? 'move-up' : 'patrol'} of ${who} by ${this.me.user}`}
      : {ok: false, text: answer.error};
    this.render();
  }
}
