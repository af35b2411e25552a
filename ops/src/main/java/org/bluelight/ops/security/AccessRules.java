package org.bluelight.ops.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.bluelight.console.ConsoleConfig;
import org.bluelight.coverage.app.CoverageApp;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.metrics.app.MetricsApp;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.schemas.Topic;

/**
 * The ACL table of a secured stack: what each {@link Account} may read and write, and nothing
 * else ({@code StandardAuthorizer} denies what no ACL allows). Frequent-service-user data
 * ({@code crime.records}, {@code custody.records}, {@code metrics.fsu}) is read only by the metrics
 * app and analysts; only CAD writes {@code cad.incidents}. A streams app also owns the topics,
 * consumer group and transactional ids that start with its application id, and writes the
 * dead-letter topics of what it reads and writes.
 */
public final class AccessRules {

    /** Consumer groups of the simulator's desk (one per run) and of analysts' tools start with these. */
    static final String SIMULATOR_GROUPS = "bluelight-simulator";
    static final String ANALYST_GROUPS = "analyst";

    private AccessRules() {
    }

    /** Every ACL of the table, each once. */
    public static List<AclBinding> bindings() {
        Collection<AclBinding> acls = new LinkedHashSet<>();
        // Dispatch also tasks idle officers: move-ups from coverage cells, patrols of the trial's hot spots.
        streamsApp(acls, Account.DISPATCH, DispatchApp.APPLICATION_ID,
                List.of(Topic.INCIDENTS, Topic.ASSIGNMENTS, Topic.OFFICER_STATUS, Topic.TELEMATICS, Topic.OFFICER_IMPACT,
                        Topic.COVERAGE_CELLS, Topic.HOTSPOTS, Topic.TRIAL_ALLOCATIONS, Topic.TASK_DECISIONS),
                List.of(Topic.RECOMMENDATIONS, Topic.BACKLOG, Topic.MOVEUPS, Topic.PATROL_TASKS));
        // Coverage reads back the cells it writes, as a global table.
        streamsApp(acls, Account.COVERAGE, CoverageApp.APPLICATION_ID,
                List.of(Topic.INCIDENTS, Topic.OFFICER_STATUS, Topic.TELEMATICS, Topic.COVERAGE_CELLS),
                List.of(Topic.COVERAGE_CELLS, Topic.OFFICER_IMPACT));
        streamsApp(acls, Account.METRICS, MetricsApp.APPLICATION_ID,
                List.of(Topic.INCIDENTS, Topic.ASSIGNMENTS, Topic.OFFICER_STATUS, Topic.TELEMATICS, Topic.CRIME_RECORDS,
                        Topic.CUSTODY_RECORDS, Topic.HOTSPOTS, Topic.TRIAL_ALLOCATIONS),
                List.of(Topic.RESPONSE_KPIS, Topic.HOTSPOT_TRIAL, Topic.FSU));

        // The console shows the control room's picture and records the dispatcher's assignments and status changes; no FSU data.
        Stream.of(Topic.INCIDENTS, Topic.ASSIGNMENTS, Topic.RECOMMENDATIONS, Topic.OFFICER_STATUS, Topic.TELEMATICS,
                Topic.BACKLOG, Topic.COVERAGE_CELLS, Topic.OFFICER_IMPACT, Topic.RESPONSE_KPIS, Topic.HOTSPOT_TRIAL)
                .forEach(topic -> acls.add(topic(Account.CONSOLE, topic.topicName(), AclOperation.READ)));
        acls.add(topic(Account.CONSOLE, Topic.ASSIGNMENTS.topicName(), AclOperation.WRITE));
        acls.add(topic(Account.CONSOLE, Topic.OFFICER_STATUS.topicName(), AclOperation.WRITE));
        Stream.of(Topic.MOVEUPS, Topic.PATROL_TASKS).forEach(topic -> acls.add(topic(Account.CONSOLE, topic.topicName(), AclOperation.READ)));
        acls.add(topic(Account.CONSOLE, Topic.TASK_DECISIONS.topicName(), AclOperation.WRITE));

        Stream.of(Topic.INCIDENTS, Topic.ASSIGNMENTS, Topic.OFFICER_STATUS, Topic.TELEMATICS, Topic.TASK_DECISIONS)
                .forEach(topic -> acls.add(topic(Account.CAD, topic.topicName(), AclOperation.WRITE)));
        // The simulator plays CAD: it follows dispatch's recommendations and tasks, and with --manual the console's decisions.
        Stream.of(Topic.RECOMMENDATIONS, Topic.BACKLOG, Topic.MOVEUPS, Topic.PATROL_TASKS, Topic.ASSIGNMENTS, Topic.TASK_DECISIONS)
                .forEach(topic -> acls.add(topic(Account.CAD, topic.topicName(), AclOperation.READ)));
        acls.add(allow(Account.CAD, new ResourcePattern(ResourceType.GROUP, SIMULATOR_GROUPS, PatternType.PREFIXED), AclOperation.READ));
        // The simulator's summary counts dead letters from the topics' end offsets.
        Topic.all().forEach(topic -> acls.add(topic(Account.CAD, topic.dlqName(), AclOperation.DESCRIBE)));

        Stream.of(Topic.CRIME_RECORDS, Topic.CUSTODY_RECORDS, Topic.HOTSPOTS, Topic.TRIAL_ALLOCATIONS)
                .forEach(topic -> acls.add(topic(Account.RECORDS, topic.topicName(), AclOperation.WRITE)));

        for (Topic<?, ?> topic : Topic.all()) {
            acls.add(topic(Account.ANALYST, topic.topicName(), AclOperation.READ));
            acls.add(topic(Account.ANALYST, topic.dlqName(), AclOperation.READ));
        }
        acls.add(allow(Account.ANALYST, new ResourcePattern(ResourceType.GROUP, ANALYST_GROUPS, PatternType.PREFIXED), AclOperation.READ));

        acls.add(topic(Account.REGISTRY, LocalStackConfig.SCHEMAS_TOPIC, AclOperation.ALL));
        return List.copyOf(acls);
    }

    /** Kafka Streams' needs (see its security guide), narrowed to the app's own topics. */
    private static void streamsApp(Collection<AclBinding> acls, Account account, String applicationId, List<Topic<?, ?>> reads,
                                   List<Topic<?, ?>> writes) {
        for (Topic<?, ?> topic : reads) {
            acls.add(topic(account, topic.topicName(), AclOperation.READ));
            acls.add(topic(account, topic.dlqName(), AclOperation.WRITE));
        }
        for (Topic<?, ?> topic : writes) {
            acls.add(topic(account, topic.topicName(), AclOperation.WRITE));
            acls.add(topic(account, topic.dlqName(), AclOperation.WRITE));
        }
        acls.add(allow(account, new ResourcePattern(ResourceType.TOPIC, applicationId, PatternType.PREFIXED), AclOperation.ALL));
        acls.add(allow(account, new ResourcePattern(ResourceType.GROUP, applicationId, PatternType.PREFIXED), AclOperation.READ));
        acls.add(allow(account, new ResourcePattern(ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED),
                AclOperation.WRITE));
    }

    private static AclBinding topic(Account account, String topic, AclOperation operation) {
        return allow(account, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), operation);
    }

    private static AclBinding allow(Account account, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry("User:" + account.user(), "*", operation, AclPermissionType.ALLOW));
    }
}
