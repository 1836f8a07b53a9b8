package vn.congvan.signing.validation;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import org.jspecify.annotations.Nullable;

/**
 * Turns the ETSI indication and sub-indication of a signature into the reason a clerk reads: one
 * message key of the bundles per cause a user can act on.
 */
final class Reasons {

    static final String VALID = "signing.reason.valid";
    static final String CHANGED_AFTER_SIGNING = "signing.reason.changed-after-signing";
    static final String APPENDED = "signing.reason.appended";
    static final String OTHER = "signing.reason.other";
    static final String CHAIN = "signing.reason.chain";
    static final String REVOCATION_UNAVAILABLE = "signing.reason.revocation-unavailable";

    private Reasons() {}

    static String of(Indication indication, @Nullable SubIndication sub) {
        if (indication == Indication.TOTAL_PASSED || indication == Indication.PASSED) {
            return VALID;
        }
        if (sub == null) {
            return OTHER;
        }
        return switch (sub) {
            case HASH_FAILURE -> "signing.reason.modified";
            case SIG_CRYPTO_FAILURE -> "signing.reason.signature-broken";
            case REVOKED, REVOKED_NO_POE -> "signing.reason.revoked";
            case REVOKED_CA_NO_POE -> "signing.reason.ca-revoked";
            case NO_CERTIFICATE_CHAIN_FOUND, NO_CERTIFICATE_CHAIN_FOUND_NO_POE -> "signing.reason.untrusted";
            case OUT_OF_BOUNDS_NO_POE, OUT_OF_BOUNDS_NOT_REVOKED, EXPIRED -> "signing.reason.expired";
            case NOT_YET_VALID -> "signing.reason.not-yet-valid";
            case TRY_LATER -> REVOCATION_UNAVAILABLE;
            case NO_SIGNING_CERTIFICATE_FOUND -> "signing.reason.no-certificate";
            case FORMAT_FAILURE -> "signing.reason.format";
            case CHAIN_CONSTRAINTS_FAILURE, CERTIFICATE_CHAIN_GENERAL_FAILURE -> CHAIN;
            case CRYPTO_CONSTRAINTS_FAILURE, CRYPTO_CONSTRAINTS_FAILURE_NO_POE -> "signing.reason.weak-algorithm";
            case SIGNED_DATA_NOT_FOUND -> "signing.reason.signed-data-missing";
            default -> OTHER;
        };
    }
}
