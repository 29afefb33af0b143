package nl.startpakket.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import nl.startpakket.events.CloudEventHeaders;
import nl.startpakket.localstack.Service;
import nl.startpakket.localstack.ServiceProcess;
import nl.startpakket.localstack.Stack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The promises under faults: services (two instances of each) killed with SIGKILL in the middle of a stream of referrals,
 * the broker restarted, the Mongo server gone for seconds, every message delivered twice and out
 * of order, poison messages. Nothing accepted is lost, nothing is billed twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    static final List<String> TOPICS = List.of("startpakket.referral.v1", "startpakket.delivery.v1", "startpakket.funding.v1",
            "startpakket.fulfilment.v1", "startpakket.billing.v1");
    static final int REFERRALS = 24;

    static final List<Service> CHAIN = List.of(Service.REFERRAL, Service.FULFILMENT, Service.BILLING, Service.REPORTING);
    static final String ROTTERDAM = "GM0599";
    static final int ROTTERDAM_CAP = 6;
    static final int ROTTERDAM_REFERRALS = 10;

    /**
     * Two instances of every service of the chain, the first of each killed with SIGKILL in the
     * middle of the stream (and started again), then the broker restarted and Mongo gone for
     * seconds: every referral billed exactly once, a contract's cap never exceeded while both
     * billing instances decide, and the reports equal to billing.
     */
    @Test
    @Order(1)
    void killsOfEveryServiceABrokerRestartAndAMongoOutageLoseAndDoubleNothing() throws Exception {
        Stack stack = RunningStack.get();
        List<ServiceProcess> secondInstances = CHAIN.stream()
                .map(service -> CompletableFuture.supplyAsync(() -> stack.startAnotherInstance(service)))
                .toList().stream().map(CompletableFuture::join).toList();
        try {
            awaitSegmentsSharedByBothInstances(stack);
            faultsWithTwoInstances(stack);
        } finally {
            secondInstances.forEach(instance -> instance.stop(Stack.STOP_GRACE));
        }
    }

    /** The second instance of each event-sourced service takes one of the two segments of its publisher. */
    private static void awaitSegmentsSharedByBothInstances(Stack stack) {
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            for (String database : List.of("startpakket-referral", "startpakket-fulfilment", "startpakket-billing")) {
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                    Set<String> owners = new HashSet<>();
                    client.getDatabase(database).getCollection("trackingtokens").find(new Document("processorName", "kafka-publisher"))
                            .forEach(token -> owners.add(token.getString("owner")));
                    assertThat(owners).as("owners of the kafka-publisher segments in " + database).doesNotContainNull().hasSize(2);
                });
            }
        }
    }

    private void faultsWithTwoInstances(Stack stack) throws Exception {
        Api finance = RunningStack.api(Service.BILLING).asStaff("finance");
        Api coordinator = RunningStack.api(Service.REPORTING).asStaff("coordinator");
        Topics.awaitConsumersCaughtUp(Duration.ofMinutes(2));
        int billedBefore = finance.get("/api/v1/contracts/" + DemoContracts.huizen()).json().at("/usage/delivered").asInt();
        int reportedBefore = coordinator.get("/api/v1/reports/municipalities/GM0406").json().at("/deliveries/total").asInt();

        Workload workload = new Workload();
        AtomicBoolean submitting = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> partners = threads.submit(() -> {
            for (int i = 0; i < REFERRALS; i++) {
                workload.submit(i);
                Workload.pause(Duration.ofMillis(400));
            }
            submitting.set(false);
        });
        Future<?> volunteers = threads.submit(() -> {
            while (submitting.get()) {
                workload.workOneRound();
                Workload.pause(Duration.ofMillis(500));
            }
        });
        // a capped contract of its own: both billing instances fund its referrals while they are killed in turn
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        MunicipalityOnboardingIT.registerContract("rotterdam-" + suffix, ROTTERDAM, "Gemeente Rotterdam", "70.00",
                ROTTERDAM_CAP, "700.00");
        String rotterdamKey = MunicipalityOnboardingIT.newPartnerKey("wijkteam-rotterdam-" + suffix, "Wijkteam Rotterdam " + suffix,
                ROTTERDAM);
        ExecutorService rotterdamThreads = Executors.newFixedThreadPool(2);
        List<Future<String>> rotterdam = new ArrayList<>();
        for (int i = 0; i < ROTTERDAM_REFERRALS; i++) {
            rotterdam.add(rotterdamThreads.submit(() -> {
                Workload.pause(Duration.ofMillis(ThreadLocalRandom.current().nextInt(6_000)));
                return Workload.submitUntilTaken(rotterdamKey, Referrals.baby(ROTTERDAM, "Rotterdam"));
            }));
        }

        // a job a volunteer holds when fulfilment is killed is still theirs afterwards, and goes on to delivered
        String heldReferral = RunningStack.api(Service.REFERRAL).asPartner("demo-consultatiebureau-huizen")
                .post("/api/v1/referrals", Referrals.baby("GM0406", "Huizen")).json().get("referralId").asText();
        String heldJob = ChainEndToEndIT.awaitQueuedJob(heldReferral);
        Api volunteer2 = RunningStack.api(Service.FULFILMENT).asStaff("volunteer2");
        assertThat(volunteer2.post("/api/v1/jobs/" + heldJob + "/claim", Map.of()).status()).isEqualTo(200);

        int faults = 0;
        for (Service victim : List.of(Service.BILLING, Service.FULFILMENT, Service.REPORTING, Service.REFERRAL)) {
            awaitSubmitted(workload, 4 * (faults + 1));
            stack.service(victim).kill();
            Workload.pause(Duration.ofSeconds(1));
            stack.service(victim).start().awaitReady(Stack.READY_TIMEOUT);
            if (victim == Service.FULFILMENT) {
                assertThat(volunteer2.post("/api/v1/jobs/" + heldJob + "/packed", Map.of()).status()).isEqualTo(200);
            }
            faults++;
        }
        stack.restartKafka(Duration.ofSeconds(3));
        faults++;
        stack.restartMongo(Duration.ofSeconds(5));
        faults++;

        partners.get();
        volunteers.get();
        threads.shutdown();
        workload.workUntilAllDelivered(Duration.ofMinutes(5));
        assertThat(volunteer2.post("/api/v1/jobs/" + heldJob + "/handed-over", ChainEndToEndIT.handOver()).status()).isEqualTo(200);
        assertThat(volunteer2.post("/api/v1/jobs/" + heldJob + "/delivered", Map.of()).status()).isEqualTo(200);
        ChainEndToEndIT.awaitStatus(RunningStack.api(Service.REFERRAL).asPartner("demo-consultatiebureau-huizen"), heldReferral,
                "DELIVERED");

        assertThat(workload.referralIds()).hasSize(REFERRALS);
        Set<String> ids = new java.util.HashSet<>(workload.referralIds());
        ids.add(heldReferral);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(finance.get("/api/v1/contracts/" + DemoContracts.huizen()).json().at("/usage/delivered").asInt())
                        .isEqualTo(billedBefore + ids.size()));
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(coordinator.get("/api/v1/reports/municipalities/GM0406").json().at("/deliveries/total").asInt())
                        .isEqualTo(reportedBefore + ids.size()));
        Map<String, Long> lines = countPerReferral("startpakket.billing.v1", "billing.BillableLineRecorded", ids);
        Map<String, Long> reservations = countPerReferral("startpakket.funding.v1", "funding.FundingReserved", ids);
        Map<String, Long> jobs = countPerReferral("startpakket.fulfilment.v1", "fulfilment.PackingJobQueued", ids);
        Map<String, Long> deliveries = countPerReferral("startpakket.fulfilment.v1", "fulfilment.PackageDelivered", ids);
        for (String id : ids) {
            assertThat(lines.get(id)).as("billable lines of " + id).isEqualTo(1L);
            assertThat(reservations.get(id)).as("reservations of " + id).isEqualTo(1L);
            assertThat(jobs.get(id)).as("jobs of " + id).isEqualTo(1L);
            assertThat(deliveries.get(id)).as("deliveries of " + id).isEqualTo(1L);
        }

        Set<String> rotterdamIds = new HashSet<>();
        for (Future<String> referral : rotterdam) {
            rotterdamIds.add(referral.get());
        }
        rotterdamThreads.shutdown();
        assertThat(rotterdamIds).hasSize(ROTTERDAM_REFERRALS);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            Map<String, Long> reserved = countPerReferral("startpakket.funding.v1", "funding.FundingReserved", rotterdamIds);
            Map<String, Long> onHold = countPerReferral("startpakket.funding.v1", "funding.FundingOnHold", rotterdamIds);
            for (String id : rotterdamIds) {
                assertThat(reserved.getOrDefault(id, 0L) + onHold.getOrDefault(id, 0L)).as("funding decisions on " + id)
                        .isEqualTo(1L);
            }
            assertThat(reserved.values().stream().mapToLong(Long::longValue).sum())
                    .as("reserved under a cap of " + ROTTERDAM_CAP + " while two billing instances decided").isEqualTo(ROTTERDAM_CAP);
        });
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(finance.get("/api/v1/contracts/rotterdam-" + suffix)
                .json().at("/usage/reserved").asInt()).isEqualTo(ROTTERDAM_CAP));
        System.out.printf("FAULT SUITE: two instances of each service; %d faults injected (the first instance of 4 services "
                + "killed with SIGKILL, broker restart, Mongo outage), %d referrals all delivered and billed exactly once (one held "
                + "by a volunteer across the kill of fulfilment); %d referrals on a cap of %d: %d reserved, the rest on hold%n",
                faults, ids.size(), ROTTERDAM_REFERRALS, ROTTERDAM_CAP, ROTTERDAM_CAP);
    }

    @Test
    @Order(2)
    void everyMessageDeliveredAgainInReverseOrderChangesNothing() {
        Topics.awaitConsumersCaughtUp(Duration.ofMinutes(2));
        Map<String, Object> before = observableState();

        int redelivered = 0;
        for (String topic : TOPICS) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(Topics.readRaw(topic));
            Collections.reverse(records);
            Topics.republish(topic, records);
            redelivered += records.size();
        }
        Topics.awaitConsumersCaughtUp(Duration.ofMinutes(3));
        Workload.pause(Duration.ofSeconds(3));

        assertThat(observableState()).isEqualTo(before);
        System.out.printf("REDELIVERY: %d messages delivered a second time in reverse order, state unchanged%n", redelivered);
    }

    @Test
    @Order(3)
    void poisonMessagesGoToTheDeadLetterTopicWithTheirReasonAndThePartitionGoesOn() {
        String topic = "startpakket.referral.v1";
        String key = "poison-" + UUID.randomUUID();
        Map<String, String> base = Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE,
                "referral.ReferralAccepted", CloudEventHeaders.SCHEMA_VERSION, "1", CloudEventHeaders.SUBJECT, key);
        Topics.sendRaw(topic, key, "{not json".getBytes(StandardCharsets.UTF_8), base);
        Topics.sendRaw(topic, key, "{}".getBytes(StandardCharsets.UTF_8),
                with(base, CloudEventHeaders.TYPE, "referral.SomethingNobodyKnows", CloudEventHeaders.ID, UUID.randomUUID().toString()));
        Topics.sendRaw(topic, key, "{}".getBytes(StandardCharsets.UTF_8),
                with(base, CloudEventHeaders.SCHEMA_VERSION, "99", CloudEventHeaders.ID, UUID.randomUUID().toString()));
        Topics.sendRaw(topic, key, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        // a command the aggregate refuses: progress for a referral the referral service never had
        String unknownReferral = "unknown-" + UUID.randomUUID();
        Topics.sendRaw("startpakket.funding.v1", unknownReferral, ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-03-02T09:15:30Z\","
                        + "\"referralId\":\"" + unknownReferral + "\",\"contractId\":\"huizen-2026\",\"municipality\":\"GM9999\","
                        + "\"phase\":\"BABY\",\"heldOn\":\"2026-03-02\",\"reason\":\"CAP_REACHED\"}").getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE, "funding.FundingOnHold",
                        CloudEventHeaders.SCHEMA_VERSION, "1", CloudEventHeaders.SUBJECT, unknownReferral));

        // the partitions go on: a referral submitted after the poison travels as usual
        Workload workload = new Workload();
        String referralId = workload.submit(0);
        ChainEndToEndIT.awaitStatus(RunningStack.api(Service.REFERRAL).asPartner("demo-verloskundige-huizen"), referralId, "FUNDED");

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = Topics.readRaw(topic + ".dlt").stream()
                    .filter(r -> key.equals(r.key())).toList();
            // billing, fulfilment and reporting each consume the referral topic: four poisons each
            assertThat(dead).hasSize(12);
            assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("x-exception-message")).isNotNull());
        });
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(Topics.readRaw("startpakket.funding.v1.dlt").stream()
                .filter(r -> unknownReferral.equals(r.key()))).hasSize(1));

        Api coordinator = RunningStack.api(Service.BILLING).asStaff("coordinator");
        JsonNode letters = coordinator.get("/api/v1/dead-letters?topic=" + topic).json().get(topic);
        List<JsonNode> ours = new ArrayList<>();
        letters.forEach(l -> {
            if (key.equals(l.get("key").asText())) {
                ours.add(l);
            }
        });
        // the dead-letter topic is shared by the consuming groups: each of the three dead-lettered the four
        assertThat(ours).hasSize(12).allSatisfy(l -> assertThat(l.get("reason").asText()).isNotBlank());
        assertThat(RunningStack.api(Service.BILLING).asStaff("volunteer").get("/api/v1/dead-letters").status()).isEqualTo(403);
        assertThat(RunningStack.api(Service.BILLING).getText("/actuator/prometheus").body()).contains("startpakket_dead_letters_total");

        JsonNode first = ours.get(0);
        Api.Response replay = coordinator.post("/api/v1/dead-letters/" + topic + "/" + first.get("partition").asInt() + "/"
                + first.get("offset").asLong() + "/replay", Map.of());
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        System.out.println("POISON: 5 poison messages dead-lettered with reasons, partitions went on, one replayed");
    }

    private static Map<String, Object> observableState() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            state.put("distinct events on " + topic, Topics.readAll(topic).stream().map(Topics.Published::eventId).distinct().count());
        }
        Api finance = RunningStack.api(Service.BILLING).asStaff("finance");
        for (String contract : List.of(DemoContracts.huizen(), DemoContracts.heerlen())) {
            state.put("usage of " + contract, finance.get("/api/v1/contracts/" + contract).json().get("usage").toString());
        }
        Api coordinator = RunningStack.api(Service.REPORTING).asStaff("coordinator");
        for (String code : List.of("GM0406", "GM0917")) {
            JsonNode report = coordinator.get("/api/v1/reports/municipalities/" + code).json();
            state.put("referrals of " + code, report.get("referrals").toString());
            state.put("deliveries of " + code, report.get("deliveries").toString());
            state.put("money of " + code, report.get("money").toString());
        }
        JsonNode jobs = RunningStack.api(Service.FULFILMENT).asStaff("coordinator")
                .get("/api/v1/jobs?status=QUEUED&status=CLAIMED&status=PACKED&status=HANDED_OVER&status=DELIVERED&status=CANCELLED").json();
        state.put("jobs", new TreeMap<>(toMap(jobs)));
        return state;
    }

    private static Map<String, String> toMap(JsonNode jobs) {
        Map<String, String> map = new TreeMap<>();
        jobs.forEach(j -> map.put(j.get("jobId").asText(), j.get("status").asText()));
        return map;
    }

    /** Distinct events of a type per referral (billing events are keyed by contract: the referral is in the payload). */
    private static Map<String, Long> countPerReferral(String topic, String type, Set<String> ids) {
        return Topics.readAll(topic).stream()
                .filter(p -> type.equals(p.type()) && ids.contains(referralOf(p)))
                .collect(Collectors.groupingBy(FaultSuiteIT::referralOf,
                        Collectors.collectingAndThen(Collectors.mapping(Topics.Published::eventId, Collectors.toSet()), s -> (long) s.size())));
    }

    private static String referralOf(Topics.Published published) {
        try {
            JsonNode referral = Api.JSON.readTree(published.json()).get("referralId");
            return referral == null ? published.key() : referral.asText();
        } catch (java.io.IOException e) {
            return published.key();
        }
    }

    private static void awaitSubmitted(Workload workload, int count) {
        await().atMost(Duration.ofMinutes(3)).until(() -> workload.referralIds().size() >= Math.min(count, REFERRALS));
    }

    private static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
