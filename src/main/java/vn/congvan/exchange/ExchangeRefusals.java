package vn.congvan.exchange;

/**
 * The message keys of the refusals the exchange module gives in several places (a refusal's
 * {@link vn.congvan.shared.DomainException#code()}, the API problem's {@code code}), named once.
 */
public final class ExchangeRefusals {

    /** The national exchange axis is not configured here. */
    public static final String AXIS_NOT_CONFIGURED = "exchange.axis.not-configured";

    private ExchangeRefusals() {}
}
