// The supervisor's overview: alerts, availability per group, coverage, response KPIs.
import {h, duration, clock, header, me as whoAmI} from './dom.js';
import {Live} from './live.js';
import {alerts, unitRows, OFF_DUTY} from './model.js';

const me = await whoAmI();
const live = new Live();
header(me, 'Supervisor', live);

function render() {
  const list = alerts(live);
  document.getElementById('alerts').replaceChildren(...(list.length
    ? list.map(alert => h('li', {class: `alert ${alert.kind}`}, alert.text))
    : [h('li', {class: 'muted'}, 'No alerts.')]));

  const perGroup = {};
  for (const row of unitRows(live)) {
    if (row.status.state === OFF_DUTY) continue;
    const group = perGroup[row.status.dispatchGroup] || (perGroup[row.status.dispatchGroup] = {available: 0, busy: 0});
    if (row.status.state === 'AVAILABLE') group.available++; else group.busy++;
  }
  document.getElementById('availability').replaceChildren(...Object.entries(perGroup).sort().map(([group, n]) => {
    const total = Math.max(n.available + n.busy, 1);
    const bar = h('div', {class: 'bar'}, h('span', {class: 'available'}), h('span', {class: 'busy'}));
    bar.children[0].style.width = `${100 * n.available / total}%`;
    bar.children[1].style.width = `${100 * n.busy / total}%`;
    return h('div', {class: 'group-availability', dataset: {group}}, h('strong', {}, group), ` ${n.available} available · ${n.busy} busy`, bar);
  }));

  const cells = Object.values(live.part('cells'));
  const withDemand = cells.filter(c => c.demandPerHour > 0);
  const deficits = withDemand.filter(c => c.deficit > 0);
  const uncovered = deficits.reduce((sum, c) => sum + c.demandPerHour, 0);
  document.getElementById('coverage').replaceChildren(
    h('p', {}, `${cells.length} cells, ${withDemand.length} with demand`),
    h('p', {class: deficits.length ? 'warning' : ''}, `${deficits.length} with demand below the required level (${uncovered.toFixed(2)} incidents/h uncovered)`),
    h('p', {}, `${cells.filter(c => c.availableInReach === 0 && c.demandPerHour > 0).length} cells with demand and no available officer in reach`));

  const kpis = Object.values(live.part('kpis')).sort((a, b) =>
    a.dispatchGroup.localeCompare(b.dispatchGroup) || a.grade - b.grade || a.windowSize.localeCompare(b.windowSize));
  if (!kpis.length) {
    document.querySelector('#kpis tbody').replaceChildren(h('tr', {class: 'empty-row'},
      h('td', {colspan: 9}, 'No response KPI window yet (the metrics app publishes them as incidents are attended).')));
    return;
  }
  document.querySelector('#kpis tbody').replaceChildren(...kpis.map(k => h('tr', {},
    h('td', {}, k.dispatchGroup), h('td', {}, `G${k.grade}`), h('td', {}, k.windowSize.toLowerCase()),
    h('td', {}, clock(k.windowStart)), h('td', {}, k.count),
    h('td', {class: k.onTargetShare !== null && k.onTargetShare < 0.9 ? 'no' : 'yes'},
      k.onTargetShare === null ? '—' : `${(100 * k.onTargetShare).toFixed(0)}%`),
    h('td', {}, k.medianSeconds === null ? '—' : duration(k.medianSeconds)),
    h('td', {}, k.p90Seconds === null ? '—' : duration(k.p90Seconds)),
    h('td', {}, k.availableOfficersMean === null ? '—' : `${k.availableOfficersMean.toFixed(1)} / ${(k.busyOfficersMean ?? 0).toFixed(1)}`))));
}

live.onChange(render);
setInterval(render, 2000);
live.connect();
