// The analyst pages: the hot-spot trial by arm and day, and the frequent-service-user lists.
// Read from the console (never Kafka) every 10 s; the console logs each read.
import {h, header, me as whoAmI} from './dom.js';

const me = await whoAmI();
header(me, 'Analyst', null);
let data = {trialByDay: [], fsuTop: {}};
const metric = document.getElementById('fsu-metric');
metric.addEventListener('change', renderFsu);

async function load() {
  const response = await fetch('/api/analyst');
  if (response.status === 401) { location.href = '/login'; return; }
  if (!response.ok) return;
  data = await response.json();
  renderTrial();
  renderFsu();
}

function renderTrial() {
  const rows = data.trialByDay;
  document.querySelector('#trial-table tbody').replaceChildren(...(rows.length ? rows.map(r => h('tr', {class: `arm-${r.arm}`},
    h('td', {}, r.day), h('td', {}, r.arm.toLowerCase()), h('td', {}, r.hotSpotDays), h('td', {}, r.violentCrime),
    h('td', {}, r.violentAndSexual), h('td', {}, r.allCrime), h('td', {}, r.patrolMinutes.toFixed(0)),
    h('td', {}, (r.patrolMinutes / Math.max(r.hotSpotDays, 1)).toFixed(1))))
    : [h('tr', {class: 'empty-row'}, h('td', {colspan: 8}, 'No trial day counted yet.'))]));
  chart(rows);
}

/** Violent crime per hot-spot-day, treatment against control, one pair of bars per trial day. */
function chart(rows) {
  const days = [...new Set(rows.map(r => r.day))];
  const holder = document.getElementById('trial-chart');
  if (!days.length) { holder.replaceChildren(); return; }
  const rate = r => r.violentCrime / Math.max(r.hotSpotDays, 1);
  const max = Math.max(0.1, ...rows.map(rate));
  const ns = 'http://www.w3.org/2000/svg';
  const width = Math.max(320, days.length * 36 + 40);
  const height = 140;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', width);
  svg.setAttribute('height', height);
  svg.setAttribute('class', 'chart');
  days.forEach((day, i) => {
    const dayLabel = document.createElementNS(ns, 'text');
    dayLabel.setAttribute('x', 30 + i * 36);
    dayLabel.setAttribute('y', height - 6);
    dayLabel.setAttribute('class', 'chart-label');
    dayLabel.textContent = day.slice(5);
    svg.append(dayLabel);
    for (const [offset, arm] of [[0, 'TREATMENT'], [11, 'CONTROL']]) {
      const row = rows.find(r => r.day === day && r.arm === arm);
      if (!row) continue;
      const bar = document.createElementNS(ns, 'rect');
      const barHeight = (height - 30) * rate(row) / max;
      bar.setAttribute('x', 30 + i * 36 + offset);
      bar.setAttribute('y', height - 20 - barHeight);
      bar.setAttribute('width', 10);
      bar.setAttribute('height', barHeight);
      bar.setAttribute('class', `bar-${arm.toLowerCase()}`);
      svg.append(bar);
    }
  });
  const caption = h('p', {class: 'muted'}, 'Violent crime per hot-spot-day: ', h('span', {class: 'key-treatment'}, 'treatment'), ' vs ',
    h('span', {class: 'key-control'}, 'control'), ` (max ${max.toFixed(2)})`);
  holder.replaceChildren(svg, caption);
}

function renderFsu() {
  const list = data.fsuTop[metric.value] || [];
  const n = Number(metric.value);
  document.querySelector('#fsu-table tbody').replaceChildren(...(list.length ? list.map(t => h('tr', {},
    h('td', {}, t[`rank${n}`]), h('td', {class: 'callsign'}, t.personId), h('td', {}, t.homeArea || '—'),
    h('td', {}, (t[`metric${n}`] ?? 0).toFixed(3)), h('td', {}, t.suspectCount), h('td', {}, t.offenderCount),
    h('td', {}, t.victimCount), h('td', {}, t.custodyCount), h('td', {}, t.custodyHours.toFixed(1)),
    h('td', {}, t.callsAsOriginator), h('td', {}, t.originatorResourceHours.toFixed(1)), h('td', {}, t.callsAsSubject),
    h('td', {}, t.subjectResourceHours.toFixed(1))))
    : [h('tr', {class: 'empty-row'}, h('td', {colspan: 13}, 'No ranked people yet (the metrics app ranks them hourly).'))]));
}

load();
setInterval(load, 10000);
