package org.bluelight.ops.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.LocalService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grants access on a secured broker at every start: each {@link Account}'s SCRAM-SHA-512 credential
 * (so a changed password takes effect), the {@link AccessRules} ACLs, and no other ACL of these
 * accounts (a rule removed from the table is revoked). It returns once a client can log in and the
 * broker enforces the table, so what starts next finds its access in place.
 */
public final class AccessService implements LocalService {

    private static final Logger LOG = LoggerFactory.getLogger(AccessService.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Twice Kafka's minimum for SCRAM-SHA-512. */
    private static final int SCRAM_ITERATIONS = 8192;

    private final LocalKafkaBrokerConfig broker;
    private final LocalSecurity security;
    private int acls;

    public AccessService(LocalKafkaBrokerConfig broker, LocalSecurity security) {
        this.broker = broker;
        this.security = security;
    }

    @Override
    public String name() {
        return "access control";
    }

    @Override
    public void start() throws Exception {
        List<AclBinding> table = AccessRules.bindings();
        try (Admin admin = Admin.create(broker.adminClientSettings())) {
            List<UserScramCredentialAlteration> credentials = new ArrayList<>();
            for (Account account : Account.values()) {
                credentials.add(new UserScramCredentialUpsertion(account.user(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), security.password(account)));
            }
            admin.alterUserScramCredentials(credentials).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Set<String> ours = new HashSet<>();
            for (Account account : Account.values()) {
                ours.add("User:" + account.user());
            }
            List<AclBindingFilter> stale = admin.describeAcls(AclBindingFilter.ANY).values().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .stream().filter(acl -> ours.contains(acl.entry().principal()) && !table.contains(acl))
                    .map(AclBinding::toFilter).toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                LOG.info("Revoked {} ACLs no longer in the table", stale.size());
            }
            admin.createAcls(table).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            awaitEnforced(admin, table);
        }
        awaitLogin();
        acls = table.size();
    }

    /** The broker answers ACL descriptions from the authorizer it enforces with. */
    private static void awaitEnforced(Admin admin, List<AclBinding> table) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!admin.describeAcls(AclBindingFilter.ANY).values().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).containsAll(table)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("The broker did not enforce the ACLs within " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    /** SCRAM credentials reach the broker's login check through the metadata log, a moment after they are stored. */
    private void awaitLogin() throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(security.clientSettings(Account.ANALYST));
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try (Admin client = Admin.create(settings)) {
                client.describeCluster().nodes().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof SaslAuthenticationException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public List<String> summary() {
        return List.of(String.format("%-24s SASL/SCRAM-SHA-512 over TLS, %d ACLs; secrets in %s", "Security:", acls, security.dir()));
    }

    @Override
    public void close() {
        // Credentials and ACLs live in the cluster's metadata, with the topics.
    }
}
