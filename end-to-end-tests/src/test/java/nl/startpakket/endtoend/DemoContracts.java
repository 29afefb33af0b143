package nl.startpakket.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.startpakket.localstack.Service;

/** The demo contracts the running stack registered: the ones in force when it started, named after their start year. */
final class DemoContracts {

    private static final Map<String, String> IN_FORCE = new ConcurrentHashMap<>();

    private DemoContracts() {
    }

    /** Huizen's contract in force today (GM0406, €80, cap 125). */
    static String huizen() {
        return inForce("GM0406");
    }

    /** Heerlen's contract in force today (GM0917, €50, no cap). */
    static String heerlen() {
        return inForce("GM0917");
    }

    /** Looked up once per municipality: the stack registers its demo contracts when it starts. */
    static String inForce(String municipality) {
        return IN_FORCE.computeIfAbsent(municipality, DemoContracts::lookUp);
    }

    private static String lookUp(String municipality) {
        JsonNode contracts = RunningStack.api(Service.BILLING).asStaff("finance").get("/api/v1/contracts").json();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        for (JsonNode contract : contracts) {
            if (contract.path("municipality").asText().equals(municipality)
                    && !today.isBefore(LocalDate.parse(contract.path("validFrom").asText()))
                    && !today.isAfter(LocalDate.parse(contract.path("validTo").asText()))) {
                return contract.path("contractId").asText();
            }
        }
        throw new AssertionError("No contract in force today for " + municipality + " among " + contracts);
    }
}
