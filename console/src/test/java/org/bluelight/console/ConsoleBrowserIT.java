package org.bluelight.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.avro.specific.SpecificRecord;
import org.bluelight.console.auth.PasswordHash;
import org.bluelight.console.auth.Role;
import org.bluelight.console.auth.User;
import org.bluelight.console.auth.UserFile;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.dispatch.app.DispatchSettings;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.CoverageCell;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.FsuTally;
import org.bluelight.schemas.HotSpotDay;
import org.bluelight.schemas.HotSpotDayKey;
import org.bluelight.schemas.OutcomeCounts;
import org.bluelight.schemas.TrialArm;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PatrolTaskRecommendation;
import org.bluelight.schemas.PatrolTaskStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.TaskDecision;
import org.bluelight.schemas.TaskKind;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.Transport;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.testkit.KafkaCluster;
import com.uber.h3core.H3Core;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's Chromium through chromedriver) against a real broker,
 * the real registry, the real dispatch app routing on the Andorra map, and the console itself,
 * as a dispatcher, a supervisor and an analyst use it. Screenshots of every screen go to
 * {@code target/screenshots/}.
 */
class ConsoleBrowserIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.singleNode();

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String GROUP = "VALIRA-NORD";
    static final String PASSWORD = "test-password";

    /** Units on the Andorra roads: an advanced driver on the CG-1, a basic one in town, a van at Sant Julià. */
    static final List<UnitOnMap> UNITS = List.of(
            new UnitOnMap("U-ADV", "LR21", DrivingStandard.ADVANCED, 1, 42.4925, 1.5045),
            new UnitOnMap("U-BAS", "LR22", DrivingStandard.BASIC, 1, 42.5075, 1.5120),
            new UnitOnMap("U-VAN", "LV31", DrivingStandard.STANDARD, 2, 42.4637, 1.4912),
            new UnitOnMap("U-ENC", "LR24", DrivingStandard.STANDARD, 1, 42.5355, 1.5830));

    static SchemaRegistryServer registry;
    static RegistryClient registryClient;
    static RoadNetwork network;
    static StreamsApp dispatch;
    static ConsoleApp console;
    static Cad cad;
    static String base;
    static Path stateDir;

    final List<WebDriver> browsers = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record UnitOnMap(String id, String callSign, DrivingStandard standard, int crew, double lat, double lon) {
        OfficerStatus status(Instant at) {
            return OfficerStatus.newBuilder().setOfficerId(id).setCallSign(callSign).setState(OfficerState.AVAILABLE)
                    .setChangedAt(at).setCrewSize(crew).setDrivingStandard(standard).setTransport(Transport.CAR)
                    .setDispatchGroup(GROUP).setShiftEnd(at.plus(Duration.ofHours(8))).build();
        }

        PositionFix fix(Instant at) {
            return PositionFix.newBuilder().setOfficerId(id).setFixedAt(at).setPosition(new GeoPoint(lat, lon)).build();
        }
    }

    @BeforeAll
    static void startTheStack() throws Exception {
        requireChromium();
        Files.createDirectories(SCREENSHOTS);
        for (Topic<?, ?> topic : Topic.all()) {
            KAFKA.createTopics(2, topic.topicName(), topic.dlqName());
        }
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(KAFKA.bootstrapServers()));
        registryClient = new RegistryClient(RegistryClientConfig.of(registry.uri().toString()));
        DispatchSettings settings = DispatchSettings.from(ConfigSource.of(Map.of(
                "routing.osm.file", "../ops/maps/andorra.osm.pbf",
                "routing.graph.dir", "target/graph-cache",
                "dispatch.map.bounds", "42.40,1.40,42.67,1.80")));
        network = RoadNetwork.open(NetworkConfig.of(settings.osmFile(), settings.graphCacheDir()));
        stateDir = Files.createTempDirectory("console-it");
        dispatch = DispatchApp.create(StreamsAppConfig.from(ConfigSource.of(Map.of(
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "schema.registry.url", registry.uri().toString(),
                "state.dir", stateDir.resolve("dispatch").toString(),
                "http.port", "0",
                "kafka.session.timeout.ms", "6000")), DispatchApp.APPLICATION_ID, DispatchApp.HTTP_PORT), settings, network);
        dispatch.start();
        await(() -> dispatch.state() == KafkaStreams.State.RUNNING, "dispatch app running");

        Path users = stateDir.resolve("console-users.properties");
        // Few iterations: the tests log in often; the command uses the full count.
        UserFile.write(users, new User("alice", Role.DISPATCHER, PasswordHash.of(PASSWORD.toCharArray(), 10_000)));
        UserFile.write(users, new User("sam", Role.SUPERVISOR, PasswordHash.of(PASSWORD.toCharArray(), 10_000)));
        UserFile.write(users, new User("ann", Role.ANALYST, PasswordHash.of(PASSWORD.toCharArray(), 10_000)));
        UserFile.write(users, new User("prometheus", Role.MONITOR, PasswordHash.of(PASSWORD.toCharArray(), 10_000)));
        console = new ConsoleApp(ConsoleConfig.from(ConfigSource.of(Map.of(
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "schema.registry.url", registry.uri().toString(),
                "http.port", "0",
                "console.users.file", users.toString()))), network);
        console.start();
        assertThat(console.awaitReady(WAIT)).as("console view built").isTrue();
        base = "http://127.0.0.1:" + console.port();

        cad = new Cad();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UNITS.forEach(unit -> cad.send(Topic.OFFICER_STATUS, unit.id(), unit.status(now.minusSeconds(300))));
        await(() -> UNITS.stream().allMatch(unit -> officer(unit.id()) != null), "units in the dispatch app");
        UNITS.forEach(unit -> cad.send(Topic.TELEMATICS, unit.id(), unit.fix(now)));
        await(() -> UNITS.stream().allMatch(unit -> officer(unit.id()) != null && officer(unit.id()).position() != null),
                "unit positions in the dispatch app");
        coverageAroundEscaldes(now);
        trialAndFrequentServiceUsers(now);
    }

    @AfterAll
    static void stopTheStack() {
        for (AutoCloseable part : new AutoCloseable[] {cad, console, dispatch, registry, network}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.err.println("Closing " + part + ": " + e);
                }
            }
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void loggedOutEveryPageRedirectsToTheLoginFormAndEveryEndpointAnswers401() throws Exception {
        for (String page : List.of("/", "/supervisor", "/analyst")) {
            HttpResponse<String> response = get(page, null);
            assertThat(response.statusCode()).as(page).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).as(page).contains("/login");
        }
        for (String endpoint : List.of("/api/events", "/api/roads", "/api/me", "/static/dispatch.js", "/static/console.css",
                "/health", "/metrics")) {
            assertThat(get(endpoint, null).statusCode()).as(endpoint).isEqualTo(401);
        }
        for (String action : List.of("/api/assign", "/api/stand-down", "/api/unit-status", "/api/task-decision", "/logout")) {
            assertThat(post(action, null, "{}").statusCode()).as(action).isEqualTo(401);
        }
        assertThat(get("/api/me", "bluelight_session=forged-token").statusCode()).isEqualTo(401);

        // Load balancers and Prometheus: HTTP Basic with a monitor user from the user file, on /health and /metrics only.
        HttpResponse<String> challenge = get("/metrics", null);
        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
        assertThat(basic("/health", "prometheus", "wrong-password").statusCode()).isEqualTo(401);
        HttpResponse<String> health = basic("/health", "prometheus", PASSWORD);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> metrics = basic("/metrics", "prometheus", PASSWORD);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("bluelight_console_push_clients");
        assertThat(basic("/api/me", "prometheus", PASSWORD).statusCode()).as("Basic opens nothing else").isEqualTo(401);
        assertThat(basic("/", "prometheus", PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> monitorForm = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=prometheus&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(monitorForm.statusCode()).as("a monitor has no pages").isEqualTo(403);
        assertThat(monitorForm.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(get("/health", login(base, "alice")).statusCode()).as("a logged-in browser").isEqualTo(200);

        WebDriver browser = browser();
        browser.get(base + "/");
        waitFor(browser, () -> browser.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        browser.findElement(By.id("login-button")).click();
        waitFor(browser, () -> !browser.findElements(By.id("login-error")).isEmpty());
        assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("Wrong user name or password.");
        screenshot(browser, "01-login-refused");
    }

    @Test
    void aDispatcherSeesTheIncidentAndItsReasonsAcceptsWithEnterAndASecondBrowserSeesTheAssignment() throws Exception {
        WebDriver alice = loggedIn("alice");
        WebDriver sam = loggedIn("sam");
        String incidentId = "INC-ENTER-1";
        cad.send(Topic.INCIDENTS, incidentId, incident(incidentId, 1, 42.5100, 1.5370));

        By row = By.cssSelector("tr.incident[data-incident='" + incidentId + "']");
        waitForElement(alice, row);
        assertThat(textOf(alice, row)).contains(incidentId).contains("G1");
        waitForElement(sam, By.cssSelector("tr.incident[data-incident='" + incidentId + "']"));
        Recommendation recommendation = awaitRecord(Topic.RECOMMENDATIONS, incidentId, r -> !r.getCandidates().isEmpty());
        String topUnit = recommendation.getCandidates().get(0).getOfficerIds().get(0);
        String topCallSign = recommendation.getCandidates().get(0).getCallSigns().get(0);

        click(alice, By.cssSelector("tr.incident[data-incident='" + incidentId + "']"));
        waitForElement(alice, By.id("candidates"));
        waitFor(alice, () -> alice.findElement(By.id("candidates")).getText().contains(topCallSign));
        assertThat(textOf(alice, By.cssSelector("tr.detail.chosen")))
                .contains(recommendation.getCandidates().get(0).getReasons().get(0));
        assertThat(alice.findElements(By.cssSelector("#candidates tr.candidate"))).hasSize(recommendation.getCandidates().size());
        assertThat(textOf(alice, By.id("accept"))).contains(topCallSign).contains("Enter");
        waitFor(alice, () -> Integer.parseInt(Optional.ofNullable(alice.findElement(By.id("map")).getDomAttribute("data-roads")).orElse("0")) > 1000);
        screenshot(alice, "02-dispatch-recommendation");

        new Actions(alice).sendKeys(Keys.ENTER).perform();

        Assignment assignment = awaitRecord(Topic.ASSIGNMENTS, incidentId, a -> true);
        assertThat(assignment.getOfficerIds()).containsExactly(topUnit);
        assertThat(assignment.getFollowedRecommendation()).isTrue();
        assertThat(assignment.getChosenRank()).isEqualTo(1);
        assertThat(assignment.getDispatcherId()).isEqualTo("alice");
        assertThat(assignment.getRecommendationId()).isEqualTo(recommendation.getRecommendationId());
        waitFor(alice, () -> alice.findElement(By.id("panel")).getText().contains("Assigned: " + topCallSign + " by alice"));
        screenshot(alice, "03-dispatch-accepted");

        // The supervisor's browser: the incident leaves the queue and shows as assigned, within a second or two.
        waitFor(sam, () -> sam.findElements(By.cssSelector("tr.incident[data-incident='" + incidentId + "']")).isEmpty());
        By assigned = By.cssSelector(".assigned-row[data-incident='" + incidentId + "']");
        waitForElement(sam, assigned);
        assertThat(textOf(sam, assigned)).contains(topCallSign).contains("alice");
        click(sam, assigned);
        waitFor(sam, () -> sam.findElement(By.id("panel")).getText().contains("Assigned: " + topCallSign + " by alice"));
        screenshot(sam, "04-second-browser-sees-assignment");

        HttpResponse<String> second = post("/api/assign", sessionOf(sam),
                "{\"incidentId\":\"" + incidentId + "\",\"officerIds\":[\"" + topUnit + "\"]}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("Incident " + incidentId + " is already assigned: " + topCallSign + " by alice");
        assertThat(records(Topic.ASSIGNMENTS, incidentId)).hasSize(1);
    }

    @Test
    void aDispatcherSetsAUnitUnavailableAndAvailableAgainInOneClickEachAndBothChangesNameHerOnOfficerStatus() throws Exception {
        WebDriver alice = loggedIn("alice");
        WebDriver sam = loggedIn("sam");
        By encamp = By.cssSelector("#unit-board tr[data-unit='U-ENC']");
        waitForElement(alice, encamp);

        click(alice, By.cssSelector("#unit-board tr[data-unit='U-ENC'] button.set[data-state='UNAVAILABLE']"));
        OfficerStatus unavailable = awaitRecord(Topic.OFFICER_STATUS, "U-ENC",
                s -> s.getState() == OfficerState.UNAVAILABLE && "alice".equals(s.getChangedBy()));
        assertThat(unavailable.getCallSign()).isEqualTo("LR24");
        assertThat(unavailable.getDispatchGroup()).isEqualTo(GROUP);
        assertThat(unavailable.getCrewSize()).isEqualTo(1);
        waitFor(alice, () -> alice.findElement(By.id("unit-message")).getText().equals("LR24 set unavailable by alice"));
        waitFor(alice, () -> alice.findElement(encamp).getText().contains("unavailable"));
        waitFor(sam, () -> sam.findElement(encamp).getText().contains("unavailable"));
        screenshot(alice, "11-unit-set-unavailable");

        click(sam, By.cssSelector("#unit-board tr[data-unit='U-ENC'] button.set[data-state='AVAILABLE']"));
        OfficerStatus available = awaitRecord(Topic.OFFICER_STATUS, "U-ENC",
                s -> s.getState() == OfficerState.AVAILABLE && "sam".equals(s.getChangedBy()));
        assertThat(available.getChangedAt()).isAfter(unavailable.getChangedAt());
        waitFor(alice, () -> alice.findElement(encamp).getText().contains("available")
                && !alice.findElement(encamp).getText().contains("unavailable"));
        assertThat(alice.findElements(By.cssSelector("#unit-board tr[data-unit='U-ENC'] button.set[data-state='ON_SCENE']")))
                .as("at scene only for a unit attending an incident").isEmpty();

        HttpResponse<String> byAnalyst = post("/api/unit-status", login(base, "ann"), "{\"officerId\":\"U-ENC\",\"state\":\"UNAVAILABLE\"}");
        assertThat(byAnalyst.statusCode()).isEqualTo(403);
        assertThat(records(Topic.OFFICER_STATUS, "U-ENC")).filteredOn(s -> s.getChangedBy() != null).hasSize(2);
    }

    @Test
    void aPatrolTaskShowsInThePanelAndOnTheMapAcceptIsPublishedWithTheDispatcherAndAWithdrawnTaskDisappears() throws Exception {
        WebDriver alice = loggedIn("alice");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String taskId = "U-VAN@" + now.toEpochMilli();
        PatrolTaskRecommendation task = PatrolTaskRecommendation.newBuilder().setTaskId(taskId).setOfficerId("U-VAN")
                .setDispatchGroup(GROUP).setHotSpotId("HS-01").setTrialDay(java.time.LocalDate.now())
                .setTarget(new GeoPoint(42.5075, 1.5200)).setVisitMinutes(15).setStatus(PatrolTaskStatus.TASKED)
                .setReasons(List.of("treatment hot spot HS-01: visit 3 of 8 today", "nearest free officer, 6 min away"))
                .setTaskedAt(now).setUpdatedAt(now).build();
        cad.send(Topic.PATROL_TASKS, "U-VAN", task);

        By row = By.cssSelector(".task[data-task='" + taskId + "']");
        waitForElement(alice, row);
        assertThat(textOf(alice, row)).contains("Patrol", "LV31", "hot spot HS-01", "15 min visit", "visit 3 of 8 today");
        waitFor(alice, () -> Integer.parseInt(Optional.ofNullable(alice.findElement(By.id("map")).getDomAttribute("data-roads")).orElse("0")) > 1000);
        pause(Duration.ofMillis(500));
        screenshot(alice, "12-task-awaiting");

        String body = "{\"kind\":\"PATROL\",\"officerId\":\"U-VAN\",\"taskId\":\"" + taskId + "\",\"accepted\":true}";
        HttpResponse<String> byAnalyst = post("/api/task-decision", login(base, "ann"), body);
        assertThat(byAnalyst.statusCode()).as("an analyst may not decide").isEqualTo(403);

        click(alice, By.cssSelector(".task[data-task='" + taskId + "'] button.accept"));
        TaskDecision decision = awaitRecord(Topic.TASK_DECISIONS, "U-VAN", d -> d.getTaskId().equals(taskId));
        assertThat(decision.getAccepted()).isTrue();
        assertThat(decision.getKind()).isEqualTo(TaskKind.PATROL);
        assertThat(decision.getDispatcherId()).isEqualTo("alice");
        waitFor(alice, () -> alice.findElement(By.id("task-message")).getText().equals("Accepted patrol of LV31 by alice"));
        waitFor(alice, () -> alice.findElement(row).getDomAttribute("class").contains("accepted")
                && alice.findElements(By.cssSelector(".task[data-task='" + taskId + "'] button.accept")).isEmpty());
        pause(Duration.ofMillis(500));
        screenshot(alice, "12-task-accepted");
        HttpResponse<String> again = post("/api/task-decision", sessionOf(alice), body);
        assertThat(again.statusCode()).as("a task is decided once").isEqualTo(409);
        assertThat(records(Topic.TASK_DECISIONS, "U-VAN")).filteredOn(d -> d.getTaskId().equals(taskId)).hasSize(1);

        // Dispatch ends it: the officer was sent to an incident.
        cad.send(Topic.PATROL_TASKS, "U-VAN", PatrolTaskRecommendation.newBuilder(task).setStatus(PatrolTaskStatus.PRE_EMPTED)
                .setPreemptedBy("INC-X").setUpdatedAt(now.plusSeconds(60)).build());
        waitFor(alice, () -> alice.findElements(row).isEmpty());
    }

    @Test
    void anOverrideWithoutAReasonIsRefusedAndWithOneIsPublishedAsOverridden() throws Exception {
        WebDriver alice = loggedIn("alice");
        String incidentId = "INC-OVERRIDE-1";
        cad.send(Topic.INCIDENTS, incidentId, incident(incidentId, 2, 42.5075, 1.5200));
        Recommendation recommendation = awaitRecord(Topic.RECOMMENDATIONS, incidentId, r -> r.getCandidates().size() > 1);
        String secondCallSign = recommendation.getCandidates().get(1).getCallSigns().get(0);

        click(alice, By.cssSelector("tr.incident[data-incident='" + incidentId + "']"));
        waitFor(alice, () -> alice.findElements(By.cssSelector("tr.candidate")).size() > 1);
        click(alice, By.cssSelector("tr.candidate[data-rank='2']"));
        click(alice, By.id("override"));
        WebElement message = waitForElement(alice, By.id("panel-message"));
        assertThat(message.getText()).isEqualTo("Sending a unit other than the recommended one needs an override reason.");
        screenshot(alice, "05-override-refused");
        pause(Duration.ofSeconds(1));
        assertThat(records(Topic.ASSIGNMENTS, incidentId)).isEmpty();

        alice.findElement(By.id("override-reason")).sendKeys("LR21 held for a firearms call");
        click(alice, By.id("override"));
        Assignment assignment = awaitRecord(Topic.ASSIGNMENTS, incidentId, a -> true);
        assertThat(assignment.getOfficerIds()).isEqualTo(recommendation.getCandidates().get(1).getOfficerIds());
        assertThat(assignment.getFollowedRecommendation()).isFalse();
        assertThat(assignment.getChosenRank()).isEqualTo(2);
        assertThat(assignment.getOverrideReason()).isEqualTo("LR21 held for a firearms call");
        waitFor(alice, () -> alice.findElement(By.id("panel")).getText().contains("Assigned: " + secondCallSign + " by alice"));
        screenshot(alice, "06-override-published");
    }

    @Test
    void aDispatcherCannotOpenTheAnalystPageWhileTheAnalystAndTheSupervisorOpenTheirs() throws Exception {
        WebDriver alice = loggedIn("alice");
        alice.get(base + "/analyst");
        assertThat(waitForElement(alice, By.id("forbidden")).getText()).isEqualTo("Not allowed");
        assertThat(alice.getPageSource()).contains("The analyst pages are for analysts only.");
        assertThat(get("/analyst", sessionOf(alice)).statusCode()).isEqualTo(403);
        assertThat(get("/supervisor", sessionOf(alice)).statusCode()).isEqualTo(403);
        screenshot(alice, "07-dispatcher-refused-analyst-page");

        WebDriver ann = loggedIn("ann");
        waitFor(ann, () -> ann.getCurrentUrl().endsWith("/analyst"));
        waitForElement(ann, By.id("me"));
        assertThat(ann.findElement(By.id("me")).getText()).isEqualTo("ann (analyst)");
        HttpResponse<String> assign = post("/api/assign", sessionOf(ann), "{\"incidentId\":\"X\",\"officerIds\":[\"U-ADV\"]}");
        assertThat(assign.statusCode()).isEqualTo(403);
        waitFor(ann, () -> ann.findElements(By.cssSelector("#trial-table tbody tr")).size() == 4);
        assertThat(ann.findElement(By.id("trial-table")).getText()).contains("2026-11-30", "treatment", "control");
        assertThat(ann.findElement(By.id("fsu-table")).getText()).contains("P-7001", "P-7002");
        assertThat(get("/api/analyst", sessionOf(alice)).statusCode()).isEqualTo(403);
        screenshot(ann, "08-analyst");

        WebDriver sam = loggedIn("sam");
        sam.get(base + "/supervisor");
        waitFor(sam, () -> sam.findElements(By.cssSelector(".group-availability[data-group='" + GROUP + "']")).size() == 1);
        waitFor(sam, () -> sam.findElement(By.id("alerts")).getText().contains("demand"));
        screenshot(sam, "09-supervisor");

        sam.get(base + "/");
        waitFor(sam, () -> Integer.parseInt(Optional.ofNullable(sam.findElement(By.id("map")).getDomAttribute("data-roads")).orElse("0")) > 1000);
        sam.findElement(By.id("coverage-toggle")).click();
        pause(Duration.ofMillis(500));
        screenshot(sam, "10-map-coverage");

        sam.findElement(By.id("logout")).click();
        waitFor(sam, () -> sam.getCurrentUrl().endsWith("/login"));
        sam.get(base + "/supervisor");
        waitFor(sam, () -> sam.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void anotherConsoleInstanceStartedLaterRebuildsTheViewFromTheTopicsAndRefusesTheAssignedIncident() throws Exception {
        String incidentId = "INC-SECOND-1";
        cad.send(Topic.INCIDENTS, incidentId, incident(incidentId, 1, 42.5450, 1.5148));
        Recommendation recommendation = awaitRecord(Topic.RECOMMENDATIONS, incidentId, r -> !r.getCandidates().isEmpty());
        String top = recommendation.getCandidates().get(0).getOfficerIds().get(0);
        await(() -> console.view().recommendationFor(incidentId).isPresent(), "the recommendation in the first console");
        String first = login(base, "alice");
        HttpResponse<String> accepted = post(base, "/api/assign", first,
                "{\"incidentId\":\"" + incidentId + "\",\"officerIds\":[\"" + top + "\"]}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        try (ConsoleApp second = new ConsoleApp(ConsoleConfig.from(ConfigSource.of(Map.of(
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "schema.registry.url", registry.uri().toString(),
                "http.port", "0",
                "console.instance.id", "console-second",
                "console.users.file", stateDir.resolve("console-users.properties").toString()))), null)) {
            second.start();
            assertThat(second.awaitReady(WAIT)).isTrue();
            assertThat(second.view().openIncident(incidentId)).isPresent();
            // The dispatch app withdraws the recommendation once the incident is assigned: a later revision may be there.
            assertThat(second.view().recommendationFor(incidentId)).hasValueSatisfying(latest -> {
                assertThat(latest.getIncidentId()).isEqualTo(incidentId);
                assertThat(latest.getRevision()).isGreaterThanOrEqualTo(recommendation.getRevision());
            });
            assertThat(second.view().assignmentOf(incidentId)).map(Assignment::getDispatcherId).contains("alice");
            assertThat(second.view().unitStatus(top)).isPresent();

            String secondBase = "http://127.0.0.1:" + second.port();
            // No sticky sessions: the first instance's cookie is good on the second (same secret, beside the user file).
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(secondBase + "/api/me")).header("Cookie", first).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"user\":\"alice\"");
            HttpResponse<String> again = post(secondBase, "/api/assign", login(secondBase, "sam"),
                    "{\"incidentId\":\"" + incidentId + "\",\"officerIds\":[\"" + top + "\"]}");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("is already assigned").contains("by alice");
        }
        assertThat(records(Topic.ASSIGNMENTS, incidentId)).hasSize(1);
    }

    /** Logs in through the form as a browser would, and returns the session cookie. */
    String login(String server, String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(303);
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    // --- the browser ---

    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "The browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver"
                + " (.ci/run installs them)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        Assumptions.abort(message);
    }

    WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1600,1000", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }

    WebDriver loggedIn(String user) {
        WebDriver browser = browser();
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-button")).click();
        waitFor(browser, () -> !browser.getCurrentUrl().endsWith("/login"));
        waitFor(browser, () -> !browser.findElements(By.id("me")).isEmpty());
        if (!"ann".equals(user)) {
            waitFor(browser, () -> browser.findElement(By.id("link-state")).getText().equals("live"));
        }
        return browser;
    }

    /** The session cookie, which the page's scripts cannot read (HttpOnly) but WebDriver can. */
    static String sessionOf(WebDriver browser) {
        org.openqa.selenium.Cookie cookie = browser.manage().getCookieNamed("bluelight_session");
        assertThat(cookie).as("session cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        return "bluelight_session=" + cookie.getValue();
    }

    static void screenshot(WebDriver browser, String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    static void waitFor(WebDriver browser, BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).ignoring(RuntimeException.class).until(driver -> condition.getAsBoolean());
    }

    /** Clicks the element {@code by} finds, finding it again should the live page have redrawn it meanwhile. */
    static void click(WebDriver browser, By by) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(by).click();
            return true;
        });
    }

    /** The text of the element {@code by} finds, finding it again should the live page have redrawn it meanwhile. */
    static String textOf(WebDriver browser, By by) {
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(by).getText());
    }

    static WebElement waitForElement(WebDriver browser, By by) {
        return new WebDriverWait(browser, WAIT).until(driver -> {
            List<WebElement> found = driver.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    // --- HTTP without a browser ---

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> basic(String path, String user, String password) throws Exception {
        String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + credentials).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String cookie, String json) throws Exception {
        return post(base, path, cookie, json);
    }

    HttpResponse<String> post(String server, String path, String cookie, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- Kafka ---

    static IncidentEvent incident(String id, int grade, double lat, double lon) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return IncidentEvent.newBuilder().setIncidentId(id).setEventType(IncidentEventType.REPORTED).setOccurredAt(now)
                .setReportedAt(now).setGrade(grade).setCategory(IncidentCategory.VIOLENCE_WITH_INJURY)
                .setDispatchGroup(GROUP).setNeighbourhoodArea("ESCALDES").setLocation(new GeoPoint(lat, lon)).build();
    }

    /** A few cells around Escaldes, one of them with demand and nobody in reach, as the coverage app writes them. */
    static void coverageAroundEscaldes(Instant now) throws IOException {
        H3Core h3 = H3Core.newInstance();
        String centre = h3.latLngToCellAddress(42.5100, 1.5370, 8);
        List<String> cells = h3.gridDisk(centre, 2);
        for (int i = 0; i < cells.size(); i++) {
            boolean deficit = i == cells.size() - 1;
            com.uber.h3core.util.LatLng middle = h3.cellToLatLng(cells.get(i));
            cad.send(Topic.COVERAGE_CELLS, cells.get(i), CoverageCell.newBuilder().setCellId(cells.get(i)).setResolution(8)
                    .setCenter(new GeoPoint(middle.lat, middle.lng)).setOfficersInReach(deficit ? 0 : 1 + i % 3)
                    .setAvailableInReach(deficit ? 0 : 1).setDemandPerHour(0.2 + 0.05 * i).setRequiredLevel(1)
                    .setDeficit(deficit ? 1 : 0).setUpdatedAt(now).build());
        }
    }

    /** Two trial days of two hot spots, and two ranked people, as the metrics app writes them. */
    static void trialAndFrequentServiceUsers(Instant now) {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 11, 30);
        for (int d = 0; d < 2; d++) {
            for (String hotSpot : List.of("HS-01", "HS-02")) {
                TrialArm arm = (d + hotSpot.hashCode()) % 2 == 0 ? TrialArm.TREATMENT : TrialArm.CONTROL;
                HotSpotDay counts = HotSpotDay.newBuilder().setHotSpotId(hotSpot).setTrialDay(day.plusDays(d)).setArm(arm)
                        .setCounts(OutcomeCounts.newBuilder().setViolentCrime(arm == TrialArm.CONTROL ? 3 : 1)
                                .setViolentAndSexual(arm == TrialArm.CONTROL ? 4 : 1).setAllCrime(6).build())
                        .setPatrolMinutes(arm == TrialArm.TREATMENT ? 95 : 10).setPatrolVisits(2).setUpdatedAt(now).build();
                cad.sendKeyed(Topic.HOTSPOT_TRIAL, new HotSpotDayKey(hotSpot, day.plusDays(d)), counts);
            }
        }
        for (int rank = 1; rank <= 2; rank++) {
            String person = "P-" + (7000 + rank);
            cad.send(Topic.FSU, person, FsuTally.newBuilder().setPersonId(person).setAsOf(now).setHomeArea("ESCALDES")
                    .setSuspectCount(12 / rank).setVictimCount(3).setCallsAsOriginator(20 / rank).setMetric1(1.0 / rank)
                    .setMetric4(0.9 / rank).setRank1(rank).setRank4(rank).build());
        }
    }

    static Officer officer(String officerId) {
        try {
            ReadOnlyKeyValueStore<String, Officer> officers = dispatch.streams().store(StoreQueryParameters.fromNameAndType(
                    DispatchTopology.OFFICERS_STORE, QueryableStoreTypes.keyValueStore()));
            return officers.get(officerId);
        } catch (InvalidStateStoreException notYet) {
            return null;
        }
    }

    /** The latest committed record of {@code key} on {@code topic} that matches. */
    static <V extends SpecificRecord> V awaitRecord(Topic<String, V> topic, String key, java.util.function.Predicate<V> which)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<V> found = records(topic, key).stream().filter(which).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No record of " + key + " on " + topic);
    }

    /** Every committed record of {@code key} on {@code topic}, read from the beginning as read_committed. */
    static <V extends SpecificRecord> List<V> records(Topic<String, V> topic, String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Deserializer<V> values = AvroSerdes.value(topic.valueType(), registryClient).deserializer();
        List<V> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.topicName()).stream()
                    .map(p -> new TopicPartition(topic.topicName(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> positions = new HashMap<>();
            while (partitions.stream().anyMatch(p -> positions.getOrDefault(p, 0L) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(values.deserialize(record.topic(), record.value()));
                    }
                }
                partitions.forEach(p -> positions.put(p, consumer.position(p)));
            }
        }
        return found;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** Writes contract records as CAD, the telematics feed, the coverage and metrics apps do. */
    static final class Cad implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;

        Cad() {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
            producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        }

        <V extends SpecificRecord> void send(Topic<String, V> topic, String key, V value) {
            write(topic, key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value);
        }

        <K extends SpecificRecord, V extends SpecificRecord> void sendKeyed(Topic<K, V> topic, K key, V value) {
            write(topic, AvroSerdes.key(topic.keyType(), registryClient).serializer().serialize(topic.topicName(), key), value);
        }

        private <V extends SpecificRecord> void write(Topic<?, V> topic, byte[] key, V value) {
            Serializer<V> values = AvroSerdes.value(topic.valueType(), registryClient).serializer();
            try {
                producer.send(new ProducerRecord<>(topic.topicName(), key, values.serialize(topic.topicName(), value))).get();
            } catch (Exception e) {
                throw new IllegalStateException("Could not write to " + topic, e);
            }
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
