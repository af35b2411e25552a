package org.bluelight.ops.topics;

import java.util.ArrayList;
import java.util.List;

/** What one provisioning run did: topics created, topics already as declared, and mismatches. */
public record ProvisioningReport(List<String> created, List<String> unchanged, List<TopicMismatch> mismatches) {

    public ProvisioningReport {
        created = List.copyOf(created);
        unchanged = List.copyOf(unchanged);
        mismatches = List.copyOf(mismatches);
    }

    public boolean hasMismatches() {
        return !mismatches.isEmpty();
    }

    public int topicCount() {
        return created.size() + unchanged.size() + mismatches.size();
    }

    /** E.g. {@code 30 topics: 2 created, 28 already as declared, 0 differing}. */
    public String summary() {
        return topicCount() + " topics: " + created.size() + " created, " + unchanged.size() + " already as declared, "
                + mismatches.size() + " differing";
    }

    /** The summary, then one line per mismatch. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(summary());
        for (TopicMismatch mismatch : mismatches) {
            lines.add("MISMATCH " + mismatch + " (left unchanged: fix by hand or recreate the topic)");
        }
        return lines;
    }
}
