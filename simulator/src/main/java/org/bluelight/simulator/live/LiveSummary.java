package org.bluelight.simulator.live;

import java.util.Map;

/**
 * What a live run did, written as JSON at exit.
 *
 * @param recommendationLatencyP50Ms wall-clock time from publishing an incident to reading its first
 *     recommendation, median
 * @param sendFailures records the broker refused (each also reported on the status stream)
 * @param recordsByTopic records written to each topic during the run, by the simulator and the apps (the apps'
 *     exactly-once outputs also count their transaction markers); every topic has some in a demo of a few minutes
 * @param deadLetters records on each dead-letter topic at the end of the run (none in a clean run)
 */
public record LiveSummary(double wallSeconds, double simulatedHours, int incidents, int dispatchedIncidents,
                          int recommendations, int assignments, int arrivals, int cleared, int statusMessages,
                          int positionFixes, double recommendationLatencyP50Ms, double recommendationLatencyP99Ms,
                          double grade1MedianResponseMinutes, double grade2MedianResponseMinutes,
                          Map<String, Integer> backlogByGroup, int sendFailures, Map<String, Long> recordsByTopic,
                          Map<String, Long> deadLetters) {
}
