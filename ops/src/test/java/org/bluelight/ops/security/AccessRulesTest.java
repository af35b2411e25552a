package org.bluelight.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.bluelight.schemas.Topic;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private final List<AclBinding> table = AccessRules.bindings();

    /** The users granted {@code operation} (or ALL) on {@code topic} by a literal or prefixed rule. */
    private Set<String> granted(String topic, AclOperation operation) {
        return table.stream()
                .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
                .filter(acl -> acl.pattern().patternType() == PatternType.LITERAL ? acl.pattern().name().equals(topic)
                        : topic.startsWith(acl.pattern().name()))
                .filter(acl -> acl.entry().operation() == operation || acl.entry().operation() == AclOperation.ALL)
                .map(acl -> acl.entry().principal())
                .collect(Collectors.toSet());
    }

    @Test
    void frequentServiceUserDataIsReadOnlyByTheMetricsAppAndAnalysts() {
        for (Topic<?, ?> topic : List.of(Topic.CRIME_RECORDS, Topic.CUSTODY_RECORDS)) {
            assertThat(granted(topic.topicName(), AclOperation.READ)).as(topic.topicName())
                    .containsExactlyInAnyOrder("User:metrics", "User:analyst");
        }
        // The metrics app writes the FSU tallies and never reads them back.
        assertThat(granted(Topic.FSU.topicName(), AclOperation.READ)).containsExactly("User:analyst");
        assertThat(granted(Topic.FSU.topicName(), AclOperation.WRITE)).containsExactly("User:metrics");
    }

    @Test
    void onlyCadWritesIncidents() {
        assertThat(granted(Topic.INCIDENTS.topicName(), AclOperation.WRITE)).containsExactly("User:cad");
    }

    @Test
    void theConsoleAndCadDecideOnTasksAndTheSimulatedForceReadsThem() {
        assertThat(granted(Topic.TASK_DECISIONS.topicName(), AclOperation.WRITE)).contains("User:console", "User:cad");
        assertThat(granted(Topic.TASK_DECISIONS.topicName(), AclOperation.READ)).contains("User:dispatch", "User:cad");
        for (Topic<?, ?> topic : List.of(Topic.MOVEUPS, Topic.PATROL_TASKS)) {
            assertThat(granted(topic.topicName(), AclOperation.READ)).as(topic.topicName()).contains("User:console", "User:cad");
        }
    }

    @Test
    void analystsWriteNothing() {
        assertThat(table).filteredOn(acl -> acl.entry().principal().equals("User:analyst"))
                .allSatisfy(acl -> assertThat(acl.entry().operation()).isEqualTo(AclOperation.READ));
    }

    @Test
    void everyRuleAllowsAndNamesAnAccount() {
        Set<String> accounts = java.util.Arrays.stream(Account.values()).map(a -> "User:" + a.user()).collect(Collectors.toSet());
        assertThat(table).allSatisfy(acl -> {
            assertThat(acl.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            assertThat(accounts).contains(acl.entry().principal());
        });
        assertThat(table).doesNotHaveDuplicates();
    }

    @Test
    void eachStreamsAppOwnsOnlyWhatStartsWithItsApplicationId() {
        assertThat(table).filteredOn(acl -> acl.pattern().patternType() == PatternType.PREFIXED)
                .extracting(acl -> acl.pattern().name())
                .allMatch(name -> name.startsWith("bluelight-") || name.equals(AccessRules.ANALYST_GROUPS));
        assertThat(granted("bluelight-dispatch-officer-availability-changelog", AclOperation.READ)).containsExactly("User:dispatch");
    }
}
