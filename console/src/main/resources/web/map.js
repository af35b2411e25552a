// The force area on a canvas: roads from the console's GeoJSON (the graph the apps route on),
// incidents by grade, units by status (stale positions hollow), move-ups and patrol tasks, and the coverage layer.
import {h} from './dom.js';
import {unitRows, pendingQueue, openTasks, OFF_DUTY} from './model.js';

export const STATUS_COLOURS = {
  AVAILABLE: '#22c55e', EN_ROUTE: '#3b82f6', ON_SCENE: '#a855f7', ON_BREAK: '#eab308',
  PRISONER_PROCESSING: '#f97316', UNAVAILABLE: '#94a3b8', OFF_DUTY: '#475569',
};
export const GRADE_COLOURS = {1: '#ef4444', 2: '#f59e0b', 3: '#38bdf8', 4: '#94a3b8'};
export const TASK_COLOURS = {MOVE_UP: '#2dd4bf', PATROL: '#f472b6'};
const ROAD_STYLE = {
  motorway: ['#8b6f3a', 3], trunk: ['#8b6f3a', 2.6], primary: ['#7a6a45', 2.2], secondary: ['#5f6b78', 1.8],
  tertiary: ['#55616e', 1.5],
};
const MINOR_ROAD = ['#3a4654', 0.9];

export class ForceMap {
  constructor(canvas, live, onPick) {
    this.canvas = canvas;
    this.live = live;
    this.onPick = onPick;
    this.roads = null;
    this.bbox = null;
    this.scale = 1;
    this.centre = null;
    this.selected = null;
    this.showCoverage = false;
    this.dirty = true;
    new ResizeObserver(() => { this.dirty = true; }).observe(canvas);
    this.bindPanZoom();
    const loop = () => { if (this.dirty) this.draw(); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  }

  async load() {
    const response = await fetch('/api/roads');
    if (!response.ok) return;
    const geojson = await response.json();
    this.bbox = geojson.bbox;
    this.roads = geojson.features.map(f => ({
      style: ROAD_STYLE[f.properties.class] || MINOR_ROAD,
      coordinates: f.geometry.coordinates,
    }));
    // Major roads last, on top.
    this.roads.sort((a, b) => a.style[1] - b.style[1]);
    this.fit();
    this.canvas.dataset.roads = String(this.roads.length);
  }

  fit() {
    if (!this.bbox) return;
    const [minLon, minLat, maxLon, maxLat] = this.bbox;
    this.centre = [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
    this.kx = Math.cos(this.centre[1] * Math.PI / 180);
    const {width, height} = this.size();
    this.scale = Math.min(width / ((maxLon - minLon) * this.kx), height / (maxLat - minLat)) * 0.95;
    this.dirty = true;
  }

  size() {
    return {width: this.canvas.clientWidth || 600, height: this.canvas.clientHeight || 400};
  }

  project(lon, lat) {
    const {width, height} = this.size();
    return [width / 2 + (lon - this.centre[0]) * this.kx * this.scale, height / 2 - (lat - this.centre[1]) * this.scale];
  }

  unproject(x, y) {
    const {width, height} = this.size();
    return [this.centre[0] + (x - width / 2) / (this.kx * this.scale), this.centre[1] - (y - height / 2) / this.scale];
  }

  bindPanZoom() {
    let drag = null;
    this.canvas.addEventListener('mousedown', e => { drag = {x: e.offsetX, y: e.offsetY, moved: false}; });
    window.addEventListener('mouseup', e => {
      if (drag && !drag.moved) this.pick(drag.x, drag.y);
      drag = null;
    });
    this.canvas.addEventListener('mousemove', e => {
      if (!drag || !this.centre) return;
      const dx = e.offsetX - drag.x;
      const dy = e.offsetY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      this.centre = [this.centre[0] - dx / (this.kx * this.scale), this.centre[1] + dy / this.scale];
      drag.x = e.offsetX;
      drag.y = e.offsetY;
      this.dirty = true;
    });
    this.canvas.addEventListener('wheel', e => {
      if (!this.centre) return;
      e.preventDefault();
      const before = this.unproject(e.offsetX, e.offsetY);
      this.scale *= e.deltaY < 0 ? 1.25 : 0.8;
      const after = this.unproject(e.offsetX, e.offsetY);
      this.centre = [this.centre[0] + before[0] - after[0], this.centre[1] + before[1] - after[1]];
      this.dirty = true;
    }, {passive: false});
  }

  pick(x, y) {
    let best = null;
    for (const rows of Object.values(pendingQueue(this.live))) {
      for (const row of rows) {
        const location = row.incident.location;
        if (!location) continue;
        const [px, py] = this.project(location.lon, location.lat);
        const d = Math.hypot(px - x, py - y);
        if (d < 12 && (!best || d < best.d)) best = {d, id: row.id};
      }
    }
    if (best) this.onPick(best.id);
  }

  draw() {
    this.dirty = false;
    const ratio = window.devicePixelRatio || 1;
    const {width, height} = this.size();
    if (this.canvas.width !== Math.round(width * ratio)) this.canvas.width = Math.round(width * ratio);
    if (this.canvas.height !== Math.round(height * ratio)) this.canvas.height = Math.round(height * ratio);
    const g = this.canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.fillStyle = '#0b1118';
    g.fillRect(0, 0, width, height);
    if (!this.centre) {
      g.fillStyle = '#6b7d8f';
      g.fillText('Loading the map…', 12, 20);
      return;
    }
    if (this.showCoverage) this.drawCoverage(g);
    if (this.roads) {
      // One stroke per run of roads of a style: a county has tens of thousands of segments.
      let style = null;
      for (const road of this.roads) {
        if (road.style !== style) {
          if (style) g.stroke();
          style = road.style;
          g.strokeStyle = style[0];
          g.lineWidth = style[1];
          g.beginPath();
        }
        road.coordinates.forEach(([lon, lat], i) => {
          const [x, y] = this.project(lon, lat);
          if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
        });
      }
      if (style) g.stroke();
    }
    this.drawTasks(g);
    this.drawLinks(g);
    this.drawIncidents(g);
    this.drawUnits(g);
  }

  drawCoverage(g) {
    const outlines = this.live.part('outlines');
    for (const cell of Object.values(this.live.part('cells'))) {
      const outline = outlines[cell.cellId];
      if (!outline || !outline.length) continue;
      g.beginPath();
      outline.forEach(([lat, lon], i) => {
        const [x, y] = this.project(lon, lat);
        if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
      });
      g.closePath();
      const ratio = cell.requiredLevel > 0 ? Math.min(cell.officersInReach / (cell.requiredLevel * 3), 1) : Math.min(cell.officersInReach / 3, 1);
      g.fillStyle = cell.deficit > 0 ? 'rgba(239,68,68,0.35)' : `rgba(34,197,94,${0.08 + 0.3 * ratio})`;
      g.fill();
      if (cell.deficit > 0 && cell.demandPerHour > 0) {
        g.strokeStyle = '#ef4444';
        g.lineWidth = 1.5;
        g.stroke();
      }
    }
  }

  drawLinks(g) {
    const recommendation = this.live.part('recommendations')[this.selected];
    const incident = this.live.part('incidents')[this.selected];
    if (!recommendation || !incident?.location) return;
    const positions = Object.fromEntries(unitRows(this.live).map(row => [row.id, row.position]));
    const [ix, iy] = this.project(incident.location.lon, incident.location.lat);
    for (const candidate of recommendation.candidates) {
      for (const id of candidate.officerIds) {
        const p = positions[id];
        if (!p) continue;
        const [ux, uy] = this.project(p.lon, p.lat);
        g.strokeStyle = candidate.rank === 1 ? '#e5e7eb' : 'rgba(229,231,235,0.35)';
        g.lineWidth = candidate.rank === 1 ? 2 : 1;
        g.setLineDash(candidate.rank === 1 ? [] : [4, 4]);
        g.beginPath();
        g.moveTo(ix, iy);
        g.lineTo(ux, uy);
        g.stroke();
        g.setLineDash([]);
      }
    }
  }

  /** Each open task: a line from the unit to its target (dashed until accepted) and a ring on the target. */
  drawTasks(g) {
    const positions = Object.fromEntries(unitRows(this.live).map(row => [row.id, row.position]));
    for (const task of openTasks(this.live)) {
      if (!task.target) continue;
      const [tx, ty] = this.project(task.target.lon, task.target.lat);
      g.strokeStyle = TASK_COLOURS[task.kind];
      g.lineWidth = 2;
      const from = positions[task.officerId];
      if (from) {
        const [ux, uy] = this.project(from.lon, from.lat);
        g.setLineDash(task.awaiting ? [6, 4] : []);
        g.beginPath();
        g.moveTo(ux, uy);
        g.lineTo(tx, ty);
        g.stroke();
        g.setLineDash([]);
      }
      g.beginPath();
      g.arc(tx, ty, 8, 0, Math.PI * 2);
      g.stroke();
    }
  }

  drawIncidents(g) {
    const assignments = this.live.part('assignments');
    for (const [id, incident] of Object.entries(this.live.part('incidents'))) {
      if (!incident.location) continue;
      const [x, y] = this.project(incident.location.lon, incident.location.lat);
      const size = id === this.selected ? 9 : 7;
      g.fillStyle = GRADE_COLOURS[incident.grade] || '#94a3b8';
      g.globalAlpha = assignments[id] ? 0.45 : 1;
      g.beginPath();
      g.moveTo(x, y - size); g.lineTo(x + size, y); g.lineTo(x, y + size); g.lineTo(x - size, y);
      g.closePath();
      g.fill();
      g.globalAlpha = 1;
      if (id === this.selected) {
        g.strokeStyle = '#ffffff';
        g.lineWidth = 2;
        g.stroke();
      }
    }
  }

  drawUnits(g) {
    g.font = '11px system-ui, sans-serif';
    for (const row of unitRows(this.live)) {
      if (!row.position || row.status.state === OFF_DUTY) continue;
      const [x, y] = this.project(row.position.lon, row.position.lat);
      const colour = STATUS_COLOURS[row.status.state] || '#94a3b8';
      g.beginPath();
      g.arc(x, y, 5.5, 0, Math.PI * 2);
      if (row.stale) {
        g.strokeStyle = colour;
        g.lineWidth = 2;
        g.setLineDash([2, 2]);
        g.stroke();
        g.setLineDash([]);
      } else {
        g.fillStyle = colour;
        g.fill();
        g.strokeStyle = '#0b1118';
        g.lineWidth = 1;
        g.stroke();
      }
      g.fillStyle = '#cbd5e1';
      g.fillText(row.status.callSign, x + 8, y + 4);
    }
  }
}

export function legend(element) {
  element.replaceChildren(
    ...Object.entries(STATUS_COLOURS).filter(([s]) => s !== OFF_DUTY).map(([state, colour]) =>
      h('span', {class: 'key'}, h('i', {class: `dot s-${state}`}), state.toLowerCase().replaceAll('_', ' '))),
    h('span', {class: 'key'}, h('i', {class: 'dot stale'}), 'stale'),
    ...[1, 2, 3].map(grade => h('span', {class: 'key'}, h('i', {class: `diamond g${grade}`}), `grade ${grade}`)),
    h('span', {class: 'key'}, h('i', {class: 'ring k-MOVE_UP'}), 'move-up'),
    h('span', {class: 'key'}, h('i', {class: 'ring k-PATROL'}), 'patrol task'));
}
