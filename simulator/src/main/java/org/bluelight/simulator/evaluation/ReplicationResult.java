package org.bluelight.simulator.evaluation;

/**
 * What one replication of one policy measured, over incidents reported after the warm-up.
 *
 * @param grade1MedianMinutes median grade 1 response (report to first arrival); an incident never attended counts
 *     as slower than any attended one
 * @param grade1WithinTarget share of grade 1 attended within 15 minutes
 * @param grade2WithinTarget share of grade 2 attended within 60 minutes
 * @param kmPerIncident road distance driven to incidents (and on to custody) per dispatched incident
 * @param availability share of on-duty unit time spent available (patrolling)
 * @param peakBacklog most grade 1-2 incidents waiting at once, all groups together
 * @param grade1P10Minutes the 10% quantile of grade 1 response
 * @param busyGrade1MedianMinutes median grade 1 response of calls in the busiest hours of the day (the scenario's
 *     six highest hour-of-day demand weights)
 * @param busyGrade1WithinTarget share of those grade 1 calls attended within target
 * @param force what the replication measured of the force, for calibration
 */
public record ReplicationResult(String policy, int replication, int grade1Count, int grade2Count, int unattended,
                                double grade1MedianMinutes, double grade1P90Minutes, double grade1WithinTarget,
                                double grade2WithinTarget, double kmPerIncident, double availability, int peakBacklog,
                                int breaksTaken, int shiftsEnded, int shiftsOverrun, int diversions, double wallSeconds,
                                double grade1P10Minutes, double busyGrade1MedianMinutes, double busyGrade1WithinTarget,
                                ForceFigures force) {
}
