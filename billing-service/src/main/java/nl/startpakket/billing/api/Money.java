package nl.startpakket.billing.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in euros, always with two decimals and rounded half-even. Travels as a decimal
 * string ({@code "80.00"}) so no binary floating point ever touches it.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
        amount = amount.setScale(2, ROUNDING);
    }

    @JsonCreator
    public static Money eur(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public static Money eur(BigDecimal amount) {
        return amount == null ? null : new Money(amount);
    }

    public static Money eur(long amount) {
        return new Money(BigDecimal.valueOf(amount));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(long count) {
        return new Money(amount.multiply(BigDecimal.valueOf(count)));
    }

    /** This amount times a rate (e.g. a VAT percentage / 100), rounded half-even to cents. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean greaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @JsonValue
    public String asString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return "EUR " + asString();
    }
}
