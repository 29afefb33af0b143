package nl.startpakket.endtoend;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Referral bodies of distinct households, as partners send them. */
final class Referrals {

    private Referrals() {
    }

    static Map<String, Object> baby(String municipality, String city) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipality", municipality);
        body.put("phase", "BABY");
        body.put("expectedDueDate", LocalDate.now().plusWeeks(16).toString());
        body.put("parent", parent(city));
        body.put("deliveryMethod", "HOME_DELIVERY");
        body.put("consentFollowUp", true);
        return body;
    }

    static Map<String, Object> parent(String city) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("name", "Testouder " + random.nextInt(100000));
        parent.put("street", "Proefstraat");
        parent.put("houseNumber", Integer.toString(1 + random.nextInt(9999)));
        parent.put("postalCode", (1000 + random.nextInt(8999)) + "" + (char) ('A' + random.nextInt(17)) + (char) ('A' + random.nextInt(26)));
        parent.put("city", city);
        parent.put("phone", "0612345678");
        parent.put("email", "ouder" + random.nextInt(100000) + "@example.org");
        return parent;
    }
}
