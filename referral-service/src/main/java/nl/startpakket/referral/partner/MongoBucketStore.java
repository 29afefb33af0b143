package nl.startpakket.referral.partner;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Bucket4j's buckets kept in MongoDB, so every instance of the service draws from the same bucket
 * per API key. Bucket4j does the token arithmetic; this store only reads a bucket's state and
 * replaces it when nobody changed it in between (compare-and-swap on the stored bytes, the way
 * Bucket4j's own JDBC and Redis stores work). A bucket a key has not used for a while expires
 * (a TTL index on {@code expiresAt}, as long as a full refill takes).
 */
public class MongoBucketStore extends AbstractCompareAndSwapBasedProxyManager<String> {

    public static final String COLLECTION = "rate_limit_buckets";

    private final MongoCollection<Document> buckets;

    public MongoBucketStore(MongoCollection<Document> buckets, ClientSideConfig config) {
        super(config);
        this.buckets = buckets;
        buckets.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                Document bucket = buckets.find(Filters.eq("_id", key)).first();
                return Optional.ofNullable(bucket).map(b -> b.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                Date expiresAt = expiresAt(newState);
                if (originalData == null) {
                    try {
                        buckets.insertOne(new Document("_id", key).append("state", new Binary(newData)).append("expiresAt", expiresAt));
                        return true;
                    } catch (MongoWriteException e) {
                        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                            return false; // another instance created it first: Bucket4j reads it and tries again
                        }
                        throw e;
                    }
                }
                return buckets.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("state", new Binary(originalData))),
                        Updates.combine(Updates.set("state", new Binary(newData)), Updates.set("expiresAt", expiresAt)))
                        .getMatchedCount() == 1;
            }
        };
    }

    private Date expiresAt(RemoteBucketState state) {
        long now = currentTimeNanos();
        long ttlMillis = getClientSideConfig().getExpirationAfterWriteStrategy()
                .map(strategy -> strategy.calculateTimeToLiveMillis(state, now))
                .orElse(TimeUnit.DAYS.toMillis(1));
        return new Date(TimeUnit.NANOSECONDS.toMillis(now) + Math.max(ttlMillis, 1000));
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("The partner API checks its rate limit synchronously");
    }

    @Override
    public void removeProxy(String key) {
        buckets.deleteOne(Filters.eq("_id", key));
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return CompletableFuture.runAsync(() -> removeProxy(key));
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }
}
