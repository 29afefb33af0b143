package nl.startpakket.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.startpakket.localstack.Service;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every API endpoint against every kind of caller: who may, who may not, and ownership (a
 * partner never sees another's referral; an evaluator only their municipality; a volunteer an
 * address only for the job they hold).
 */
class AuthorizationMatrixIT {

    enum Caller {
        ANONYMOUS, PARTNER_HUIZEN, PARTNER_HEERLEN, COORDINATOR, VOLUNTEER, VOLUNTEER2, FINANCE, EVALUATOR_HUIZEN, EVALUATOR_HEERLEN
    }

    record Cell(Service service, String method, String path, Object body, Set<Caller> allowed) {
    }

    static String huizenReferral;
    static String heerlenReferral;
    static String heldJob;

    @BeforeAll
    static void referralsAndAHeldJob() {
        huizenReferral = api(Service.REFERRAL, Caller.PARTNER_HUIZEN).post("/api/v1/referrals", Referrals.baby("GM0406", "Huizen"))
                .json().get("referralId").asText();
        heerlenReferral = api(Service.REFERRAL, Caller.PARTNER_HEERLEN).post("/api/v1/referrals", Referrals.baby("GM0917", "Heerlen"))
                .json().get("referralId").asText();
        heldJob = ChainEndToEndIT.awaitQueuedJob(huizenReferral);
        assertThat(api(Service.FULFILMENT, Caller.VOLUNTEER).post("/api/v1/jobs/" + heldJob + "/claim", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void everyEndpointAnswersOnlyTheCallersItIsFor() {
        Set<Caller> staffOfQueue = EnumSet.of(Caller.COORDINATOR, Caller.VOLUNTEER, Caller.VOLUNTEER2);
        Set<Caller> money = EnumSet.of(Caller.COORDINATOR, Caller.FINANCE);
        Set<Caller> coordinator = EnumSet.of(Caller.COORDINATOR);
        Map<String, Object> invalid = Map.of("unexpected", "value");
        List<Cell> cells = new ArrayList<>(List.of(
                new Cell(Service.REFERRAL, "GET", "/api/v1/referrals/" + huizenReferral, null, EnumSet.of(Caller.PARTNER_HUIZEN)),
                new Cell(Service.REFERRAL, "GET", "/api/v1/referrals/" + heerlenReferral, null, EnumSet.of(Caller.PARTNER_HEERLEN)),
                new Cell(Service.REFERRAL, "GET", "/api/v1/referrals", null, EnumSet.of(Caller.PARTNER_HUIZEN, Caller.PARTNER_HEERLEN)),
                new Cell(Service.REFERRAL, "POST", "/api/v1/referrals", invalid, EnumSet.of(Caller.PARTNER_HUIZEN, Caller.PARTNER_HEERLEN)),
                new Cell(Service.REFERRAL, "GET", "/api/v1/partners", null, coordinator),
                new Cell(Service.REFERRAL, "PUT", "/api/v1/partners/matrix-test", invalid, coordinator),
                new Cell(Service.REFERRAL, "GET", "/api/v1/imports", null, coordinator),
                new Cell(Service.FULFILMENT, "GET", "/api/v1/jobs", null, staffOfQueue),
                new Cell(Service.FULFILMENT, "GET", "/api/v1/jobs/" + heldJob, null, staffOfQueue),
                new Cell(Service.FULFILMENT, "GET", "/api/v1/stock", null, staffOfQueue),
                new Cell(Service.BILLING, "GET", "/api/v1/contracts/" + DemoContracts.huizen(), null, money),
                new Cell(Service.BILLING, "POST", "/api/v1/contracts/" + DemoContracts.huizen() + "/amendments", invalid, money),
                new Cell(Service.BILLING, "GET", "/api/v1/invoices", null, money),
                new Cell(Service.BILLING, "GET", "/api/v1/held-referrals", null, money),
                new Cell(Service.REPORTING, "GET", "/api/v1/reports/municipalities/GM0406", null,
                        EnumSet.of(Caller.COORDINATOR, Caller.EVALUATOR_HUIZEN)),
                new Cell(Service.REPORTING, "GET", "/api/v1/reports/municipalities/GM0917", null,
                        EnumSet.of(Caller.COORDINATOR, Caller.EVALUATOR_HEERLEN)),
                new Cell(Service.REPORTING, "GET", "/api/v1/reports/municipalities/GM0406/evaluation", null,
                        EnumSet.of(Caller.COORDINATOR, Caller.EVALUATOR_HUIZEN)),
                new Cell(Service.IDENTITY, "GET", "/api/v1/staff-accounts", null, coordinator),
                new Cell(Service.IDENTITY, "GET", "/api/v1/staff-accounts/volunteer", null, coordinator),
                new Cell(Service.IDENTITY, "PUT", "/api/v1/staff-accounts/matrix-test", invalid, coordinator)));
        for (Service service : Service.values()) {
            cells.add(new Cell(service, "GET", "/api/v1/audit", null, coordinator));
            if (service != Service.IDENTITY) {
                // the identity provider consumes no topic, so it has no dead letters to show
                cells.add(new Cell(service, "GET", "/api/v1/dead-letters", null, coordinator));
            }
        }

        List<String> violations = new ArrayList<>();
        int tried = 0;
        for (Cell cell : cells) {
            for (Caller caller : Caller.values()) {
                Api.Response response = call(cell, caller);
                tried++;
                boolean allowed = cell.allowed().contains(caller);
                int status = response.status();
                if (allowed && !(status >= 200 && status < 300 || status == 400 || status == 422)) {
                    violations.add(caller + " " + cell.method() + " " + cell.path() + " should be allowed, got " + status);
                }
                if (!allowed) {
                    boolean denied = caller == Caller.ANONYMOUS ? status == 401 : status == 401 || status == 403 || status == 404;
                    if (!denied) {
                        violations.add(caller + " " + cell.method() + " " + cell.service().module() + cell.path()
                                + " should be refused, got " + status);
                    } else if (!response.contentType().startsWith("application/problem+json")) {
                        violations.add(caller + " " + cell.method() + " " + cell.path() + ": refusal is not problem+json but "
                                + response.contentType());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
        System.out.printf("AUTHORISATION MATRIX: %d cells (%d endpoints x %d callers), no violation%n", tried, cells.size(),
                Caller.values().length);
    }

    @Test
    void aVolunteerSeesTheAddressOnlyOfTheJobTheyHold() {
        JsonNode holder = api(Service.FULFILMENT, Caller.VOLUNTEER).get("/api/v1/jobs/" + heldJob).json();
        JsonNode other = api(Service.FULFILMENT, Caller.VOLUNTEER2).get("/api/v1/jobs/" + heldJob).json();
        JsonNode coordinator = api(Service.FULFILMENT, Caller.COORDINATOR).get("/api/v1/jobs/" + heldJob).json();
        assertThat(holder.toString()).contains("Proefstraat");
        assertThat(coordinator.toString()).contains("Proefstraat");
        assertThat(other.toString()).doesNotContain("Proefstraat").doesNotContain("Testouder");
    }

    @Test
    void evaluatorsAndFinanceNeverSeePersonalData() {
        for (Caller caller : List.of(Caller.EVALUATOR_HUIZEN, Caller.COORDINATOR)) {
            String report = api(Service.REPORTING, caller).get("/api/v1/reports/municipalities/GM0406/evaluation").body();
            assertThat(report).doesNotContain("Testouder").doesNotContain("Proefstraat").doesNotContain("@example.org");
        }
        String invoices = api(Service.BILLING, Caller.FINANCE).get("/api/v1/invoices").body();
        String contract = api(Service.BILLING, Caller.FINANCE).get("/api/v1/contracts/" + DemoContracts.huizen()).body();
        assertThat(invoices + contract).doesNotContain("Testouder").doesNotContain("Proefstraat").doesNotContain("@example.org");
    }

    @Test
    void pagesAndApisCarrySecurityHeaders() {
        for (Service service : Service.values()) {
            Api.Response response = RunningStack.api(service).get("/api/v1/audit");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("X-Content-Type-Options")).as(service + " nosniff").isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(service + " frame options").isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).as(service + " CSP").contains("frame-ancestors 'none'");
            assertThat(response.header("Cache-Control")).as(service + " cache").contains("no-store");
        }
    }

    static Api.Response call(Cell cell, Caller caller) {
        Api api = api(cell.service(), caller);
        return switch (cell.method()) {
            case "GET" -> api.get(cell.path());
            case "POST" -> api.post(cell.path(), cell.body());
            case "PUT" -> api.put(cell.path(), cell.body());
            default -> throw new IllegalArgumentException(cell.method());
        };
    }

    static Api api(Service service, Caller caller) {
        Api api = RunningStack.api(service);
        return switch (caller) {
            case ANONYMOUS -> api;
            case PARTNER_HUIZEN -> api.asPartner("demo-verloskundige-huizen");
            case PARTNER_HEERLEN -> api.asPartner("demo-gemeente-heerlen");
            case COORDINATOR -> api.asStaff("coordinator");
            case VOLUNTEER -> api.asStaff("volunteer");
            case VOLUNTEER2 -> api.asStaff("volunteer2");
            case FINANCE -> api.asStaff("finance");
            case EVALUATOR_HUIZEN -> api.asStaff("evaluator-huizen");
            case EVALUATOR_HEERLEN -> api.asStaff("evaluator-heerlen");
        };
    }
}
