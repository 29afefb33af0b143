package nl.startpakket.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * After referrals have run through the whole chain, no name, address, phone number or e-mail
 * address is readable anywhere outside the referral and fulfilment stores: not on any topic (the
 * delivery topic carries them sealed with a per-referral key), and not in billing or reporting.
 */
class PersonalDataScanIT {

    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    static final Pattern DUTCH_MOBILE = Pattern.compile("(?<![0-9])06[0-9]{8}(?![0-9])");

    @Test
    void noPersonalDataLeavesTheReferralAndFulfilmentStores() {
        Workload workload = new Workload();
        for (int i = 0; i < 3; i++) {
            workload.submit(i);
        }
        workload.workUntilAllDelivered(Duration.ofMinutes(3));
        Topics.awaitConsumersCaughtUp(Duration.ofMinutes(2));

        List<String> findings = new ArrayList<>();
        int scanned = 0;
        for (String topic : List.of("startpakket.referral.v1", "startpakket.delivery.v1", "startpakket.funding.v1",
                "startpakket.fulfilment.v1", "startpakket.billing.v1")) {
            for (Topics.Published record : Topics.readAll(topic)) {
                scanned++;
                scan(topic + " " + record.eventId(), record.json(), findings);
            }
        }
        try (MongoClient client = MongoClients.create(RunningStack.get().mongoUri())) {
            for (String database : List.of("startpakket-billing", "startpakket-reporting")) {
                MongoDatabase db = client.getDatabase(database);
                for (String collection : db.listCollectionNames()) {
                    for (Document document : db.getCollection(collection).find()) {
                        scanned++;
                        scan(database + "." + collection, document.toJson(), findings);
                    }
                }
            }
        }
        assertThat(findings).as("personal data found outside referral and fulfilment").isEmpty();
        assertThat(scanned).isGreaterThan(0);
        System.out.printf("PRIVACY SCAN: %d records and documents outside referral and fulfilment, no personal data%n", scanned);
    }

    private static void scan(String where, String text, List<String> findings) {
        if (text == null) {
            return;
        }
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        patterns.put("e-mail", EMAIL);
        patterns.put("phone", DUTCH_MOBILE);
        patterns.put("name", Pattern.compile("Testouder"));
        patterns.put("street", Pattern.compile("Proefstraat"));
        patterns.forEach((what, pattern) -> {
            if (pattern.matcher(text).find()) {
                findings.add(what + " in " + where + ": " + text.substring(0, Math.min(200, text.length())));
            }
        });
    }
}
