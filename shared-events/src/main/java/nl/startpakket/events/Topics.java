package nl.startpakket.events;

/** Kafka topic names of the published language. Dead letters go to {@code <topic>.dlt}. */
public final class Topics {

    /** Referral lifecycle, keyed by referral id. No personal data. */
    public static final String REFERRAL = "startpakket.referral.v1";
    /** Delivery details (personal data) for fulfilment only, keyed by referral id. */
    public static final String DELIVERY = "startpakket.delivery.v1";
    /**
     * The data keys of the delivery details, keyed by referral id, compacted: a tombstone erases a
     * referral's key (and so every copy of its delivery details). Only referral (writes) and
     * fulfilment (reads).
     */
    public static final String DELIVERY_KEYS = "startpakket.delivery-keys.v1";
    /** Funding decisions against municipal contracts, keyed by referral id. */
    public static final String FUNDING = "startpakket.funding.v1";
    /** Packing and delivery progress, keyed by referral id. */
    public static final String FULFILMENT = "startpakket.fulfilment.v1";
    /** Contracts and invoices, keyed by contract id. */
    public static final String BILLING = "startpakket.billing.v1";

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
