package org.bluelight.dispatch.desk;

/**
 * How much state one dispatch group may hold and how much work one event may cost the desk, so
 * that no record, however valid, makes a desk work without bound: a task whose transaction
 * outlives its timeout is fenced and retried on the same records for ever. With these limits an
 * event costs at most one read of the group's officers and open incidents, plus
 * {@code maxReevaluations} recommendations for a freed unit (and one per open incident that named
 * a unit which stops being available), each over at most {@code maxOfficers} officers.
 *
 * <p>A unit new to a full group, or a new incident in a group with as many open, is refused with
 * {@value #GROUP_FULL}, so it is dead-lettered with that reason.
 *
 * @param maxOfficers      most units one dispatch group may hold (the West Midlands have about 55 a group)
 * @param maxOpenIncidents most open incidents (waiting, recommended or assigned) one dispatch group may hold
 * @param maxReevaluations most incidents one freed unit is offered to: waiting incidents head of the
 *                         queue first, then recommendations it might improve; the rest wait for the next unit
 */
public record DeskLimits(int maxOfficers, int maxOpenIncidents, int maxReevaluations) {

    public static final String GROUP_FULL = "dispatch-group-full";

    public DeskLimits {
        if (maxOfficers < 1 || maxOpenIncidents < 1 || maxReevaluations < 1) {
            throw new IllegalArgumentException("maxOfficers, maxOpenIncidents and maxReevaluations must be at least 1, were "
                    + maxOfficers + ", " + maxOpenIncidents + " and " + maxReevaluations);
        }
    }

    /**
     * 5,000 units and 2,000 open incidents a group (about 90 and 40 times the West Midlands'); 20 offers a freed unit.
     * Units are generous because refusing a real unit is worse than a slow desk, and a national deployment's
     * telematics bench puts 2,500 units in each of its four groups.
     */
    public static DeskLimits defaults() {
        return new DeskLimits(5000, 2000, 20);
    }
}
