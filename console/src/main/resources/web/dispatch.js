// The dispatcher's screen: pending queue, tasks, map, recommendation panel, unit board.
import {h, duration, clock, label, header, me as whoAmI} from './dom.js';
import {Live} from './live.js';
import {pendingQueue, assignedIncidents, unitRows, callSign, urgency, OFF_DUTY} from './model.js';
import {Panel} from './panel.js';
import {ForceMap, legend} from './map.js';
import {TasksPanel} from './tasks.js';

const me = await whoAmI();
const live = new Live();
header(me, 'Dispatch', live);
const panel = new Panel(document.getElementById('panel'), live, me);
const map = new ForceMap(document.getElementById('map'), live, select);
const tasks = new TasksPanel(document.getElementById('tasks'), live, me);
legend(document.getElementById('legend'));
let order = [];

function select(incidentId) {
  panel.select(incidentId);
  map.selected = incidentId;
  map.dirty = true;
  renderQueue();
}

function renderQueue() {
  const groups = pendingQueue(live);
  order = [];
  const sections = Object.entries(groups).map(([group, rows]) => h('div', {class: 'group', dataset: {group}},
    h('h3', {}, group, h('span', {class: 'count'}, String(rows.length))),
    h('table', {class: 'queue-table'}, h('tbody', {}, rows.map(row => {
      order.push(row.id);
      return h('tr', {class: `incident ${row.urgency}${row.id === panel.incidentId ? ' selected' : ''}`,
          dataset: {incident: row.id}, onclick: () => select(row.id)},
        h('td', {}, h('span', {class: `grade g${row.incident.grade}`}, `G${row.incident.grade}`)),
        h('td', {class: 'id'}, row.id, h('div', {class: 'sub'}, label(row.incident.category), ' · ', nextStep(row))),
        h('td', {class: 'age', title: 'age'}, duration(row.ageSeconds)),
        h('td', {class: `left ${row.urgency}`, title: 'time left to target',
          dataset: {target: String(row.targetAt), seconds: String(row.targetSeconds)}},
          leftText(row.leftSeconds)));
    })))));
  const queue = document.getElementById('queue-groups');
  queue.replaceChildren(...(sections.length ? sections : [h('p', {class: 'muted', id: 'queue-empty'}, 'No incident waiting.')]));
  const assigned = assignedIncidents(live).slice(0, 30);
  document.getElementById('assigned').replaceChildren(...assigned.map(({id, incident, assignment}) =>
    h('div', {class: `assigned-row${id === panel.incidentId ? ' selected' : ''}`, dataset: {incident: id}, onclick: () => select(id)},
      h('span', {class: `grade g${incident.grade}`}, `G${incident.grade}`), ' ', h('span', {class: 'id'}, id), ' → ',
      h('span', {class: 'callsign'}, assignment.officerIds.map(o => callSign(live, o)).join(', ')),
      h('span', {class: 'sub'}, ` ${assignment.dispatcherId || 'CAD'} ${clock(assignment.decidedAt)}`))));
}

const groupFilter = document.getElementById('unit-group');
if (me.mayAssign) document.querySelector('#unit-board thead tr').append(h('th', {}, 'Set'));
const statusFilter = document.getElementById('unit-status');
for (const state of ['AVAILABLE', 'EN_ROUTE', 'ON_SCENE', 'ON_BREAK', 'PRISONER_PROCESSING', 'UNAVAILABLE', OFF_DUTY]) {
  statusFilter.append(h('option', {value: state}, label(state)));
}
groupFilter.addEventListener('change', renderUnits);
statusFilter.addEventListener('change', renderUnits);

function renderUnits() {
  const rows = unitRows(live);
  const groups = [...new Set(rows.map(r => r.status.dispatchGroup))].sort();
  const known = [...groupFilter.options].map(o => o.value);
  groups.filter(g => !known.includes(g)).forEach(g => groupFilter.append(h('option', {value: g}, g)));
  const group = groupFilter.value;
  const status = statusFilter.value;
  const shown = rows.filter(r => (!group || r.status.dispatchGroup === group)
    && (status === '*' || (status === '' ? r.status.state !== OFF_DUTY : r.status.state === status)));
  document.querySelector('#unit-board tbody').replaceChildren(...shown.map(row => h('tr', {dataset: {unit: row.id}, class: row.stale ? 'stale' : ''},
    h('td', {class: 'callsign'}, row.status.callSign),
    h('td', {}, h('span', {class: `pill s-${row.status.state}`}, label(row.status.state))),
    h('td', {}, duration(row.inStatusSeconds)),
    h('td', {}, `${row.status.crewSize === 2 ? 'double' : 'single'} · ${label(row.status.drivingStandard)}`),
    h('td', {}, row.status.dispatchGroup),
    h('td', {}, clock(row.status.shiftEnd)),
    h('td', {class: row.stale ? 'stale-mark' : ''}, row.positionAge === null ? 'none ⚠' : `${duration(row.positionAge)}${row.stale ? ' ⚠' : ''}`),
    me.mayAssign ? h('td', {class: 'set-status'}, statusButtons(row.status)) : null)));
}

/** One click sets a unit available, unavailable or at scene; the change goes to officer.status with who made it. */
const SETTABLE = [['AVAILABLE', 'Avail'], ['UNAVAILABLE', 'Unavail'], ['ON_SCENE', 'At scene']];
function statusButtons(status) {
  return SETTABLE.filter(([state]) => state !== status.state && (state !== 'ON_SCENE' || status.incidentId))
    .map(([state, text]) => h('button', {type: 'button', class: 'set', dataset: {state}, title: `Set ${status.callSign} ${label(state)}`,
      onclick: () => setStatus(status, state)}, text));
}

async function setStatus(status, state) {
  const message = document.getElementById('unit-message');
  const response = await fetch('/api/unit-status', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({officerId: status.officerId, state})});
  if (response.status === 401) { location.href = '/login'; return; }
  const answer = await response.json().catch(() => ({error: `HTTP ${response.status}`}));
  message.className = response.ok ? 'message ok' : 'message refused';
  message.textContent = response.ok ? `${status.callSign} set ${label(state)} by ${me.user}` : answer.error;
}

document.getElementById('coverage-toggle').addEventListener('change', e => { map.showCoverage = e.target.checked; map.dirty = true; });
document.getElementById('map-fit').addEventListener('click', () => map.fit());

document.addEventListener('keydown', event => {
  if (event.target.tagName === 'INPUT' || event.target.tagName === 'SELECT') {
    if (event.key === 'Escape') event.target.blur();
    return;
  }
  if (event.key === 'Enter') {
    event.preventDefault();
    panel.accept();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    if (!order.length) return;
    const at = order.indexOf(panel.incidentId);
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, order.length - 1) : Math.max(at - 1, 0);
    select(order[at < 0 ? 0 : next]);
  }
});

/** What the queue row says about the next step: the recommended unit and its ETA, or why it waits. */
function nextStep(row) {
  const recommendation = row.recommendation;
  const top = recommendation?.status === 'ACTIVE' ? recommendation.candidates[0] : null;
  if (top) return `${top.callSigns.join('+')} ${duration(top.etaSeconds)}`;
  if (recommendation?.status === 'NO_CANDIDATE') return 'no unit';
  return row.backlog ? `queued #${row.backlog.position}` : 'awaiting recommendation';
}

function leftText(seconds) {
  return seconds < 0 ? `+${duration(-seconds)}` : duration(seconds);
}

/** Ages and timers move on between changes: their text and colour change in place, so a click on a row is never lost. */
function tickQueue() {
  const now = live.now();
  for (const row of document.querySelectorAll('#queue-groups tr.incident')) {
    const incident = live.part('incidents')[row.dataset.incident];
    if (!incident) continue;
    const left = row.querySelector('td.left');
    const leftSeconds = (Number(left.dataset.target) - now) / 1000;
    const state = urgency(leftSeconds, Number(left.dataset.seconds));
    row.querySelector('td.age').textContent = duration((now - incident.reportedAt) / 1000);
    left.textContent = leftText(leftSeconds);
    left.className = `left ${state}`;
    row.classList.remove('ok', 'near', 'breached');
    row.classList.add(state);
  }
}

const QUEUE_PARTS = ['incidents', 'recommendations', 'assignments', 'backlog', 'units'];
const TASK_PARTS = ['moveups', 'patrols', 'units'];
live.onChange(patch => {
  if (!patch || QUEUE_PARTS.some(part => patch[part])) renderQueue();
  if (!patch || TASK_PARTS.some(part => patch[part])) tasks.render();
  renderUnits();
  panel.refresh(patch);
  map.dirty = true;
});
setInterval(() => { tickQueue(); renderUnits(); map.dirty = true; }, 1000);
live.connect();
map.load();
