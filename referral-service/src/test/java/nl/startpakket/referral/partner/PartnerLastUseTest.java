package nl.startpakket.referral.partner;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.time.Duration;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class PartnerLastUseTest {

    final PartnerRateLimiterTest.TestClock clock = new PartnerRateLimiterTest.TestClock();
    @SuppressWarnings("unchecked")
    final MongoCollection<Document> uses = mock(MongoCollection.class);
    PartnerLastUse lastUse;

    @BeforeEach
    void setUp() {
        MongoTemplate mongo = mock(MongoTemplate.class);
        when(mongo.getCollection(PartnerLastUse.COLLECTION)).thenReturn(uses);
        lastUse = new PartnerLastUse(mongo, clock);
    }

    void verifyWrites(String id, int writes) {
        verify(uses, times(writes)).updateOne(eq(Filters.eq("_id", id)), any(Bson.class), any(UpdateOptions.class));
    }

    @Test
    void shouldWriteAKeysUseAtMostOnceAMinute() {
        for (int i = 0; i < 100; i++) {
            lastUse.keyUsed("p", "k1");
            clock.now = clock.now.plusMillis(500);
        }
        // 50 s of requests: the first use only
        verifyWrites("p/key/k1", 1);
        clock.now = clock.now.plus(Duration.ofSeconds(10));
        lastUse.keyUsed("p", "k1");
        verifyWrites("p/key/k1", 2);
    }

    @Test
    void shouldWriteEachKeyAndUserOnItsOwn() {
        lastUse.keyUsed("p", "k1");
        lastUse.keyUsed("p", "k2");
        lastUse.userSignedIn("p", "k1");
        verifyWrites("p/key/k1", 1);
        verifyWrites("p/key/k2", 1);
        verifyWrites("p/user/k1", 1);
    }
}
