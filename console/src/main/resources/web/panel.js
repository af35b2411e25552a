// The recommendation panel: the selected incident, its ranked candidates with the reasons, and
// the accept / override / stand-down actions.
import {h, duration, km, label, clock} from './dom.js';
import {callSign} from './model.js';

export class Panel {
  constructor(element, live, me) {
    this.element = element;
    this.live = live;
    this.me = me;
    this.incidentId = null;
    this.chosenRank = 1;
    this.shownRevision = null;
    this.notice = null;
    this.message = null;
  }

  select(incidentId) {
    if (incidentId !== this.incidentId) {
      this.incidentId = incidentId;
      this.chosenRank = 1;
      this.shownRevision = this.live.part('recommendations')[incidentId]?.revision ?? null;
      this.notice = null;
      this.message = null;
    }
    this.render();
  }

  /** Called on every change of the view: a new revision or a withdrawal replaces the panel in place, with a notice. */
  refresh(patch) {
    const id = this.incidentId;
    const relevant = !patch || patch.impacts
      || ['incidents', 'recommendations', 'assignments'].some(part => patch[part] && id in patch[part]);
    if (!relevant) return;
    const recommendation = this.live.part('recommendations')[this.incidentId];
    if (recommendation && this.shownRevision !== null && recommendation.revision !== this.shownRevision) {
      this.notice = recommendation.status === 'WITHDRAWN'
        ? `Recommendation withdrawn${recommendation.trigger === 'WITHDRAWN' ? '' : ` (${label(recommendation.trigger)})`}`
        : `Updated to revision ${recommendation.revision}: ${label(recommendation.trigger)}`;
      this.chosenRank = 1;
    }
    if (recommendation) this.shownRevision = recommendation.revision;
    if (!this.overrideOpen()) this.render();
  }

  overrideOpen() {
    return this.element.contains(document.activeElement) && document.activeElement.tagName === 'INPUT';
  }

  render() {
    const incident = this.live.part('incidents')[this.incidentId];
    if (!incident) {
      this.element.replaceChildren(h('p', {class: 'muted', id: 'panel-empty'},
        this.incidentId ? `${this.incidentId} is closed.` : 'Select an incident in the queue (↑/↓), Enter accepts the recommended unit.'));
      return;
    }
    const recommendation = this.live.part('recommendations')[this.incidentId];
    const assignment = this.live.part('assignments')[this.incidentId];
    const now = this.live.now();
    const parts = [
      h('div', {class: 'panel-head'},
        h('span', {class: `grade g${incident.grade}`}, `G${incident.grade}`),
        h('strong', {id: 'panel-incident'}, incident.incidentId),
        h('span', {}, label(incident.category)),
        h('span', {class: 'muted'}, `${incident.dispatchGroup || ''} · ${incident.neighbourhoodArea || ''} · reported ${clock(incident.reportedAt)} (${duration((now - incident.reportedAt) / 1000)} ago)`),
        incident.officersRequired > 1 || incident.doubleCrewRequired
          ? h('span', {class: 'tag'}, `${incident.officersRequired} officers${incident.doubleCrewRequired ? ', double crew' : ''}`) : null),
    ];
    if (this.notice) parts.push(h('p', {class: 'notice', id: 'panel-notice'}, this.notice));
    if (assignment) {
      parts.push(h('p', {class: 'assigned', id: 'panel-assigned'},
        `Assigned: ${assignment.officerIds.map(id => callSign(this.live, id)).join(', ')} by ${assignment.dispatcherId || 'CAD'} at ${clock(assignment.decidedAt)}`,
        assignment.followedRecommendation === false && assignment.overrideReason ? ` — override: ${assignment.overrideReason}` : ''));
      if (this.me.mayAssign) parts.push(this.standDownForm());
    } else if (!recommendation) {
      parts.push(h('p', {class: 'muted', id: 'panel-waiting'}, 'No recommendation yet.'));
    } else if (recommendation.status === 'NO_CANDIDATE') {
      parts.push(h('p', {class: 'warning', id: 'panel-no-candidate'}, `No candidate: ${recommendation.noCandidateReason || 'no suitable unit'}`));
    } else if (recommendation.status === 'WITHDRAWN') {
      parts.push(h('p', {class: 'muted'}, `Recommendation withdrawn (${label(recommendation.trigger)}).`));
    } else {
      parts.push(h('p', {class: 'muted'}, `Revision ${recommendation.revision} · ${label(recommendation.trigger)} · target ${duration(recommendation.targetSeconds)} · arrive by ${clock(recommendation.targetAt)}`));
      parts.push(this.candidates(recommendation));
      if (this.me.mayAssign) parts.push(this.actions(recommendation));
    }
    if (this.message) parts.push(h('p', {class: `message ${this.message.kind}`, id: 'panel-message'}, this.message.text));
    this.element.replaceChildren(...parts);
  }

  candidates(recommendation) {
    const impacts = this.live.part('impacts');
    const rows = recommendation.candidates.map(candidate => {
      const coverage = candidate.scoreBreakdown.find(c => c.name.toLowerCase().includes('coverage'));
      const impact = candidate.officerIds.map(id => impacts[id]).filter(Boolean);
      const soleCells = impact.reduce((sum, i) => sum + i.soleCoverCells, 0);
      const soleDemand = impact.reduce((sum, i) => sum + i.soleCoverDemandPerHour, 0);
      const chosen = candidate.rank === this.chosenRank;
      return [
        h('tr', {class: `candidate${chosen ? ' chosen' : ''}${candidate.meetsTarget ? '' : ' misses'}`, dataset: {rank: candidate.rank},
            onclick: () => { this.chosenRank = candidate.rank; this.message = null; this.render(); }},
          h('td', {}, candidate.rank),
          h('td', {class: 'callsign'}, candidate.callSigns.join(' + ')),
          h('td', {}, duration(candidate.etaSeconds)),
          h('td', {}, km(candidate.roadDistanceMeters)),
          h('td', {class: candidate.meetsTarget ? 'yes' : 'no'}, candidate.meetsTarget ? '✓ meets' : '✗ misses'),
          h('td', {}, `${candidate.crewSize} · ${label(candidate.drivingStandard)}${candidate.emergencyDriving ? ' · blue lights' : ''}`),
          h('td', {}, candidate.score.toFixed(0)),
          h('td', {}, soleCells > 0 ? `${soleCells} cells, ${soleDemand.toFixed(2)}/h uncovered`
            : coverage ? `+${coverage.seconds.toFixed(0)} s` : 'none')),
        h('tr', {class: `detail${chosen ? ' chosen' : ''}`},
          h('td', {colspan: 8},
            candidate.divertedFromIncidentId
              ? h('p', {class: 'warning'}, `Diversion: leaves ${candidate.divertedFromIncidentId}${this.gradeOf(candidate.divertedFromIncidentId)}, which goes back to the queue`) : null,
            candidate.positionStale ? h('p', {class: 'warning'}, `Position ${duration(candidate.positionAgeSeconds)} old`) : null,
            candidate.availableFrom ? h('p', {}, `Free from ${clock(candidate.availableFrom)}`) : null,
            h('ul', {class: 'reasons'}, candidate.reasons.map(reason => h('li', {}, reason))),
            h('p', {class: 'breakdown'}, candidate.scoreBreakdown.map(c => h('span', {}, `${c.name} ${c.seconds >= 0 ? '+' : ''}${c.seconds.toFixed(0)} s`))))),
      ];
    });
    return h('table', {class: 'candidates', id: 'candidates'},
      h('thead', {}, h('tr', {}, ['#', 'Unit', 'ETA', 'Road', 'Target', 'Crew · driver', 'Score', 'Coverage cost'].map(t => h('th', {}, t)))),
      h('tbody', {}, rows.flat()));
  }

  gradeOf(incidentId) {
    const incident = this.live.part('incidents')[incidentId];
    return incident ? ` (grade ${incident.grade})` : '';
  }

  actions(recommendation) {
    const chosen = recommendation.candidates.find(c => c.rank === this.chosenRank) || recommendation.candidates[0];
    if (!chosen) return null;
    if (chosen.rank === 1) {
      return h('div', {class: 'actions'},
        h('button', {type: 'button', class: 'accept', id: 'accept', onclick: () => this.accept()},
          `Accept ${chosen.callSigns.join(' + ')} (Enter)`),
        h('span', {class: 'muted'}, 'or click another candidate to send it instead'));
    }
    const reason = h('input', {id: 'override-reason', placeholder: 'Override reason (required)', maxlength: 200});
    return h('div', {class: 'actions'},
      reason,
      h('button', {type: 'button', class: 'override', id: 'override',
        onclick: () => this.send(chosen, recommendation, reason.value)}, `Send ${chosen.callSigns.join(' + ')} instead`),
      h('button', {type: 'button', id: 'back-to-top', onclick: () => { this.chosenRank = 1; this.render(); }}, 'Back to recommended'));
  }

  standDownForm() {
    const reason = h('input', {id: 'stand-down-reason', placeholder: 'Reason to stand down', maxlength: 200});
    return h('div', {class: 'actions'}, reason,
      h('button', {type: 'button', id: 'stand-down', onclick: () => this.standDown(reason.value)}, 'Stand down'));
  }

  /** Enter: the recommended unit, when it is the one selected. */
  accept() {
    const recommendation = this.live.part('recommendations')[this.incidentId];
    if (!recommendation || recommendation.status !== 'ACTIVE' || this.live.part('assignments')[this.incidentId]) return;
    const chosen = recommendation.candidates.find(c => c.rank === this.chosenRank);
    if (chosen && chosen.rank === 1) this.send(chosen, recommendation, null);
  }

  async send(candidate, recommendation, reason) {
    await this.post('/api/assign', {
      incidentId: this.incidentId, officerIds: candidate.officerIds,
      recommendationId: recommendation.recommendationId, overrideReason: reason,
    }, `Sent ${candidate.callSigns.join(' + ')} to ${this.incidentId}`);
  }

  async standDown(reason) {
    await this.post('/api/stand-down', {incidentId: this.incidentId, reason}, `Stood down from ${this.incidentId}`);
  }

  async post(path, body, success) {
    const incidentId = this.incidentId;
    const response = await fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
    if (response.status === 401) { location.href = '/login'; return; }
    const answer = await response.json().catch(() => ({error: `HTTP ${response.status}`}));
    if (incidentId !== this.incidentId) return;
    this.message = response.ok ? {kind: 'ok', text: success} : {kind: 'refused', text: answer.error};
    if (response.ok) this.chosenRank = 1;
    this.render();
  }
}
