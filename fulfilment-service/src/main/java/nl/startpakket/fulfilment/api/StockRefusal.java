package nl.startpakket.fulfilment.api;

/** A stock item or package template refused a request because it is incomplete or inconsistent (400). */
public class StockRefusal extends RuntimeException {

    public StockRefusal(String message) {
        super(message);
    }
}
