package org.bluelight.ops.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.bluelight.ops.topics.BluelightTopics;
import org.bluelight.ops.topics.ProvisioningReport;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.ops.topics.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions Bluelight's topics when the stack starts. A topic that differs from its declaration
 * (say, a data dir from a run with other partitions) is reported loudly but does not stop the
 * stack: the developer decides whether to delete the data dir.
 */
public final class TopicProvisioningService implements LocalService {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioningService.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> adminSettings;
    private final ProvisioningSettings settings;
    private ProvisioningReport report;

    /** @param adminSettings an admin client's settings: bootstrap servers, and the super user's login on a secured broker */
    public TopicProvisioningService(Map<String, Object> adminSettings, ProvisioningSettings settings) {
        this.adminSettings = Map.copyOf(adminSettings);
        this.settings = settings;
    }

    @Override
    public String name() {
        return "topic provisioning";
    }

    @Override
    public void start() {
        try (Admin admin = Admin.create(adminSettings)) {
            report = new TopicProvisioner(admin, TIMEOUT).apply(BluelightTopics.specs(settings));
        }
        report.lines().forEach(log::info);
    }

    @Override
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("Topics:                  " + report.summary());
        report.mismatches().forEach(mismatch -> lines.add("  MISMATCH " + mismatch + " (left unchanged)"));
        return lines;
    }

    @Override
    public void close() {
        // Topics stay: they are the stack's data.
    }
}
