package vn.congvan.signing.remote;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.document.SignedFile;
import vn.congvan.signing.document.TwoStepSigning;
import vn.congvan.signing.remote.RemoteSignature.State;
import vn.congvan.signing.settings.RemoteSigningProperties;

/**
 * Asks the remote signing service, on every node, whether the signers confirmed the pending
 * signatures, and finishes each as the official who started it. Rows are claimed for a lease in
 * the database, so two nodes never poll the same signature at once and a restart loses none.
 */
@Component
public class RemoteSignaturePolling {

    private static final Logger log = LoggerFactory.getLogger(RemoteSignaturePolling.class);

    /** Consecutive failed polls (service unreachable or failing) after which the signature fails. */
    static final int MAX_FAILURES = 3;

    private static final int BATCH = 20;

    private final RemoteSignatures signatures;
    private final CscClient csc;
    private final TwoStepSigning twoStep;
    private final Directory directory;
    private final UserDetailsService officials;
    private final RemoteSigningProperties settings;
    private final JsonMapper json;
    private final Clock clock;

    RemoteSignaturePolling(
            RemoteSignatures signatures,
            CscClient csc,
            TwoStepSigning twoStep,
            Directory directory,
            UserDetailsService officials,
            RemoteSigningProperties settings,
            JsonMapper json,
            Clock clock) {
        this.signatures = signatures;
        this.csc = csc;
        this.twoStep = twoStep;
        this.directory = directory;
        this.officials = officials;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${congvan.signing.remote.poll-interval:PT3S}",
            initialDelayString = "${congvan.signing.remote.poll-interval:PT3S}")
    /** Polls the remote signatures that are due (every {@code congvan.signing.remote.poll-interval}). */
    public void pollDue() {
        if (!csc.configured()) {
            return;
        }
        Instant now = clock.instant();
        // The lease outlasts one poll of one row at the longest, so no other node takes it meanwhile.
        Instant lease = now.plus(settings.requestTimeout().multipliedBy(2)).plus(settings.connectTimeout());
        for (RemoteSignatures.Row row : signatures.claimDue(now, lease, BATCH)) {
            try {
                poll(row);
            } catch (RuntimeException e) {
                // Left claimed: polled again when the lease runs out, until its deadline.
                log.warn("Polling remote signature {} failed", row.id(), e);
            }
        }
    }

    private void poll(RemoteSignatures.Row row) {
        Instant now = clock.instant();
        if (!now.isBefore(row.deadline())) {
            signatures.finish(row.id(), State.FAILED, "signing.remote.timed-out", null, null, now);
            return;
        }
        CscClient.Outcome outcome;
        try {
            outcome = csc.poll(row.responseId());
        } catch (RemoteServiceException e) {
            if (e.passing() && row.failures() + 1 < MAX_FAILURES) {
                signatures.pollAgain(row.id(), now.plus(settings.pollInterval()), true);
            } else {
                signatures.finish(row.id(), State.FAILED, e.reason(), e.serviceMessage(), null, now);
            }
            return;
        }
        if (outcome instanceof CscClient.Outcome.Signed signed) {
            complete(row, signed.value());
        } else if (outcome instanceof CscClient.Outcome.Refused refused) {
            signatures.finish(row.id(), State.REFUSED, "signing.remote.refused", refused.serviceMessage(), null, now);
        } else {
            signatures.pollAgain(row.id(), now.plus(settings.pollInterval()), false);
        }
    }

    private void complete(RemoteSignatures.Row row, byte[] value) {
        try {
            SignedFile file = twoStep.complete(row.sessionId(), value, official(row.startedBy()));
            signatures.finish(
                    row.id(),
                    State.SIGNED,
                    "signing.remote.signed",
                    null,
                    json.writeValueAsString(file),
                    clock.instant());
        } catch (DomainException e) {
            signatures.finish(row.id(), State.FAILED, e.code(), null, null, clock.instant());
        }
    }

    /** The starter with the roles they hold now: a role lost meanwhile refuses the signature. */
    private Official official(UUID personId) {
        PersonView person = directory
                .findPerson(personId)
                .orElseThrow(() -> DomainException.notFound(SigningRefusals.PERSON_NOT_FOUND));
        return (Official) officials.loadUserByUsername(person.username());
    }
}
