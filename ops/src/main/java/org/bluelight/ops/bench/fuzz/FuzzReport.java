package org.bluelight.ops.bench.fuzz;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one fuzz run saw.
 *
 * @param hostile            whether hostile records were interleaved (false: the clean run)
 * @param sent               records sent per input topic and kind ({@code good} for good records)
 * @param refusedByBroker    records the broker refused, per topic and kind (e.g. timestamps it does not accept)
 * @param deadLetters        dead letters per dead-letter topic and reason, over all apps
 * @param notDeadLettered    undecodable records an app that reads the topic did not dead-letter: app, topic, kind, offset
 * @param hostileFates       decodable hostile records per topic, by kind and fate: processed, dead-lettered by every app
 *                           that reads the topic, or by some of them
 * @param unprocessed        decodable hostile records that an app took but whose own output is missing
 * @param outputKeys         the keys seen on each output topic
 * @param goodValues         per output topic, the last value of each key not named by a hostile record, without the
 *                           fields two faithful runs may differ in
 * @param goodTrialDays      the good hot spot's trial days as last published (counts and dosage), by key
 * @param impossibleOutputs  output records carrying values no real incident can have
 * @param unexpectedTopics   topics that exist but were neither provisioned nor an app's internal topic
 * @param unhealthyApps      apps whose /health did not answer 200 at the end
 * @param lag                records each app had still to read at the end, over its input topics
 * @param elapsedSeconds     from the first record sent to lag zero
 */
public record FuzzReport(
        boolean hostile,
        SortedMap<String, SortedMap<String, Integer>> sent,
        SortedMap<String, SortedMap<String, Integer>> refusedByBroker,
        SortedMap<String, SortedMap<String, Long>> deadLetters,
        List<String> notDeadLettered,
        SortedMap<String, SortedMap<String, Integer>> hostileFates,
        List<String> unprocessed,
        Map<String, java.util.Set<String>> outputKeys,
        Map<String, Map<String, String>> goodValues,
        Map<String, String> goodTrialDays,
        List<String> impossibleOutputs,
        List<String> unexpectedTopics,
        List<String> unhealthyApps,
        SortedMap<String, Long> lag,
        double elapsedSeconds) {
}
