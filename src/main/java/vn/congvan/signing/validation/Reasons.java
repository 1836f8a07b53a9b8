package vn.congvan.signing.validation;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.congvan.signing.SignatureIntegrity;

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
    static final String MODIFIED = "signing.reason.modified";
    static final String SIGNATURE_BROKEN = "signing.reason.signature-broken";
    static final String UNTRUSTED = "signing.reason.untrusted";
    static final String EXPIRED = "signing.reason.expired";
    static final String NOT_YET_VALID = "signing.reason.not-yet-valid";
    static final String VALID_TIMESTAMPED = "signing.reason.valid-timestamped";
    static final String CERTIFICATE_TRUSTED = "signing.reason.certificate-trusted";

    /** The reasons that speak of the signed bytes, not of the certificate. */
    static final Set<String> INTEGRITY = Set.of(MODIFIED, SIGNATURE_BROKEN, CHANGED_AFTER_SIGNING, APPENDED);

    private Reasons() {}

    /** The reason for a signed PDF that is no longer what was signed. */
    static String of(SignatureIntegrity integrity, @Nullable SubIndication sub) {
        return switch (integrity) {
            case INTACT -> VALID;
            case SIGNED_CONTENT_ALTERED -> sub == SubIndication.SIG_CRYPTO_FAILURE ? SIGNATURE_BROKEN : MODIFIED;
            case CHANGED_AFTER_SIGNING -> CHANGED_AFTER_SIGNING;
            case DATA_APPENDED -> APPENDED;
        };
    }

    /** Whether DSS held the signature undecided only for want of proof that it was made while the certificate was valid. */
    static boolean outOfValidity(@Nullable SubIndication sub) {
        return sub == SubIndication.OUT_OF_BOUNDS_NO_POE
                || sub == SubIndication.OUT_OF_BOUNDS_NOT_REVOKED
                || sub == SubIndication.EXPIRED
                || sub == SubIndication.NO_POE;
    }

    static String of(Indication indication, @Nullable SubIndication sub) {
        if (indication == Indication.TOTAL_PASSED || indication == Indication.PASSED) {
            return VALID;
        }
        if (sub == null) {
            return OTHER;
        }
        return switch (sub) {
            case HASH_FAILURE -> MODIFIED;
            case SIG_CRYPTO_FAILURE -> SIGNATURE_BROKEN;
            case REVOKED, REVOKED_NO_POE -> "signing.reason.revoked";
            case REVOKED_CA_NO_POE -> "signing.reason.ca-revoked";
            case NO_CERTIFICATE_CHAIN_FOUND, NO_CERTIFICATE_CHAIN_FOUND_NO_POE -> UNTRUSTED;
            case OUT_OF_BOUNDS_NO_POE, OUT_OF_BOUNDS_NOT_REVOKED, EXPIRED -> EXPIRED;
            case NOT_YET_VALID -> NOT_YET_VALID;
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
