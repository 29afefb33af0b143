package nl.startpakket.referral.command;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/** A step of a command handler that must wait until the events are stored, such as giving up a claim. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs once the events are stored (at once when there is no unit of work). */
    public static void run(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> action.run());
        } else {
            action.run();
        }
    }
}
