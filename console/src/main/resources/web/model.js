// What the pages derive from the live view: the pending queue, the unit board rows, alerts.

/** Default attendance targets by grade, when neither a recommendation nor the backlog gives one. */
const TARGET_SECONDS = {1: 15 * 60, 2: 60 * 60, 3: 24 * 3600, 4: 7 * 24 * 3600};
/** As the dispatch app's dispatch.stale.after.ms default. */
export const STALE_AFTER_SECONDS = 120;
export const OFF_DUTY = 'OFF_DUTY';

/** Every open incident without an accepted unit, per dispatch group, in the backlog's order. */
export function pendingQueue(live) {
  const incidents = live.part('incidents');
  const assignments = live.part('assignments');
  const recommendations = live.part('recommendations');
  const backlogPosition = {};
  const backlogEntry = {};
  for (const snapshot of Object.values(live.part('backlog'))) {
    for (const entry of snapshot.entries) {
      backlogPosition[entry.incidentId] = entry.position;
      backlogEntry[entry.incidentId] = entry;
    }
  }
  const groups = {};
  const now = live.now();
  for (const [id, incident] of Object.entries(incidents)) {
    if (assignments[id]) continue;
    const recommendation = recommendations[id];
    const entry = backlogEntry[id];
    const targetSeconds = recommendation ? recommendation.targetSeconds : TARGET_SECONDS[incident.grade] || 3600;
    const targetAt = recommendation ? recommendation.targetAt : entry ? entry.targetAt : incident.reportedAt + targetSeconds * 1000;
    const group = incident.dispatchGroup || recommendation?.dispatchGroup || 'unassigned group';
    (groups[group] || (groups[group] = [])).push({
      id, incident, recommendation, backlog: entry,
      ageSeconds: (now - incident.reportedAt) / 1000,
      leftSeconds: (targetAt - now) / 1000,
      targetSeconds,
      targetAt,
      urgency: urgency((targetAt - now) / 1000, targetSeconds),
      order: backlogPosition[id] ?? Number.MAX_SAFE_INTEGER,
    });
  }
  for (const rows of Object.values(groups)) {
    // The backlog's own order first; incidents not (yet) in it by grade, then by how long they have waited.
    rows.sort((a, b) => a.order - b.order || a.incident.grade - b.incident.grade || a.incident.reportedAt - b.incident.reportedAt);
  }
  return Object.fromEntries(Object.entries(groups).sort(([a], [b]) => a.localeCompare(b)));
}

/** 'breached' once the target passed, 'near' in its last third, else 'ok'. */
export function urgency(leftSeconds, targetSeconds) {
  if (leftSeconds < 0) return 'breached';
  if (leftSeconds < targetSeconds / 3) return 'near';
  return 'ok';
}

export function assignedIncidents(live) {
  const incidents = live.part('incidents');
  return Object.entries(live.part('assignments'))
    .filter(([id]) => incidents[id])
    .map(([id, assignment]) => ({id, incident: incidents[id], assignment}))
    .sort((a, b) => b.assignment.decidedAt - a.assignment.decidedAt);
}

/** One row per unit: its status joined with its latest position. */
export function unitRows(live) {
  const positions = live.part('positions');
  const now = live.now();
  return Object.entries(live.part('units')).map(([id, status]) => {
    const fix = positions[id];
    const position = fix ? fix.position : status.position;
    const positionAge = fix ? (now - fix.fixedAt) / 1000 : null;
    return {
      id, status, fix, position,
      inStatusSeconds: (now - status.changedAt) / 1000,
      positionAge,
      stale: status.state !== OFF_DUTY && (positionAge === null || positionAge > STALE_AFTER_SECONDS),
    };
  }).sort((a, b) => a.status.callSign.localeCompare(b.status.callSign));
}

export function callSign(live, officerId) {
  return live.part('units')[officerId]?.callSign || officerId;
}

/** What a supervisor must look at now. */
export function alerts(live) {
  const list = [];
  for (const [id, recommendation] of Object.entries(live.part('recommendations'))) {
    if (recommendation.status === 'NO_CANDIDATE' && recommendation.grade === 1 && !live.part('assignments')[id]) {
      list.push({kind: 'no-candidate', text: `Grade 1 ${id} has no candidate: ${recommendation.noCandidateReason || 'no unit can attend'}`});
    }
  }
  for (const rows of Object.values(pendingQueue(live))) {
    for (const row of rows) {
      if (row.urgency === 'breached' && row.incident.grade <= 2) {
        list.push({kind: 'breached', text: `${row.id} (grade ${row.incident.grade}, ${row.incident.dispatchGroup}) is past its target and waiting`});
      }
    }
  }
  for (const row of unitRows(live)) {
    if (row.stale) {
      list.push({kind: 'stale', text: `${row.status.callSign} position is ${row.positionAge === null ? 'unknown' : `${Math.round(row.positionAge / 60)} min old`}`});
    }
  }
  for (const cell of Object.values(live.part('cells'))) {
    if (cell.deficit > 0 && cell.demandPerHour > 0) {
      list.push({kind: 'coverage', text: `Cell ${cell.cellId}: ${cell.officersInReach} of ${cell.requiredLevel} officers in reach, demand ${cell.demandPerHour.toFixed(2)}/h`});
    }
  }
  for (const [id, duplicate] of Object.entries(live.part('conflicts'))) {
    list.push({kind: 'conflict', text: `${id} was assigned twice: a second assignment by ${duplicate.dispatcherId || 'CAD'} was not applied`});
  }
  return list;
}

/**
 * Open move-ups and patrol tasks, one row each, those awaiting an answer first, then newest first. Dispatch ends an
 * accepted move-up without a record when its unit is sent elsewhere, so one shows only while its unit is available.
 */
export function openTasks(live) {
  const units = live.part('units');
  const moveUps = Object.values(live.part('moveups'))
    .filter(m => m.status !== 'ACCEPTED' || units[m.officerId]?.state === 'AVAILABLE').map(m => ({
    kind: 'MOVE_UP', taskId: m.moveUpId, officerId: m.officerId, group: m.dispatchGroup, target: m.target,
    place: `cell ${m.targetCellId}`,
    detail: `gain ${m.expectedGain.toFixed(2)}/h · ${Math.round(m.travelMinutes)} min drive`,
    reasons: m.reasons, awaiting: m.status === 'RECOMMENDED', state: m.status, at: m.recommendedAt,
  }));
  const patrols = Object.values(live.part('patrols')).map(t => ({
    kind: 'PATROL', taskId: t.taskId, officerId: t.officerId, group: t.dispatchGroup, target: t.target,
    place: `hot spot ${t.hotSpotId}`, detail: `${t.visitMinutes} min visit`,
    reasons: t.reasons, awaiting: t.status === 'TASKED', state: t.status, at: t.taskedAt,
  }));
  return [...moveUps, ...patrols].sort((a, b) => (b.awaiting - a.awaiting) || (b.at - a.at));
}
