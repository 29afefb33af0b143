package nl.startpakket.endtoend;

import java.util.Map;
import nl.startpakket.localstack.Service;
import nl.startpakket.localstack.Stack;
import org.junit.jupiter.api.Order;

/**
 * Only a day that has ended can be invoiced, and the end-to-end tests deliver today. So the tests
 * that invoice today's deliveries put billing a day ahead (restarted with a business-clock offset)
 * and leave it there: they run after every other end-to-end test ({@link #ORDER}, with the class
 * order of {@code junit-platform.properties}), so billing restarts once per run, not twice per test.
 */
final class BillingDayAhead {

    /** The {@link Order} of the test classes that need billing a day ahead: after the unordered ones. */
    static final int ORDER = Order.DEFAULT + 1;

    private static boolean ahead;

    private BillingDayAhead() {
    }

    /** From now on, billing believes it is tomorrow (the other services keep today). */
    static synchronized void from() {
        if (!ahead) {
            Stack stack = RunningStack.get();
            stack.service(Service.BILLING).stop(Stack.STOP_GRACE);
            stack.service(Service.BILLING).start(Map.of("STARTPAKKET_CLOCK_OFFSET", "P1D")).awaitReady(Stack.READY_TIMEOUT);
            ahead = true;
        }
    }
}
