package vn.congvan.signing.validation;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.congvan.MovingClock;
import vn.congvan.TestPki;
import vn.congvan.signing.pki.IssuedCertificate;
import vn.congvan.signing.validation.RevocationStatus.Status;

/**
 * The check before a key signs asks the certificate's authority (a real OCSP responder over HTTP)
 * once while its answer is fresh, and again once it is not: a revocation published meanwhile is
 * seen then.
 */
class RevocationStatusTests {

    final TestPki pki = TestPki.started("freshness", "Kiểm tra độ mới");
    final MovingClock clock = new MovingClock(Instant.now());
    final IssuedCertificate leader = pki.person("Trần Văn Ký", "Ủy ban nhân dân xã Tân Tiến");

    @AfterEach
    void stopTheAuthority() {
        pki.stop();
    }

    @Test
    void aLeaderSigningAPileOfDocumentsAsksTheAuthorityOnceWhileItsAnswerIsFresh() {
        RevocationStatus status = status(Duration.ofMinutes(5));
        int before = pki.revocationRequests();

        for (int i = 0; i < 20; i++) {
            assertThat(status.of(leader.certificate(), issuer())).isEqualTo(Status.GOOD);
            clock.move(Duration.ofSeconds(10));
        }

        // 200 seconds of signing: one answer, fresh for five minutes.
        assertThat(pki.revocationRequests() - before).isEqualTo(1);
    }

    @Test
    void aRevocationPublishedAfterAGoodAnswerIsSeenOnceThatAnswerIsNoLongerFresh() {
        RevocationStatus status = status(Duration.ofMinutes(5));
        assertThat(status.of(leader.certificate(), issuer())).isEqualTo(Status.GOOD);

        pki.revoke(leader.certificate());
        clock.move(Duration.ofMinutes(4));
        assertThat(status.of(leader.certificate(), issuer())).isEqualTo(Status.GOOD);
        clock.move(Duration.ofMinutes(1));

        assertThat(status.of(leader.certificate(), issuer())).isEqualTo(Status.REVOKED);
    }

    @Test
    void anAnswerIsNotUsedPastTheNextUpdateItAnnounces() {
        // The authority announces its next update an hour after each answer.
        RevocationStatus status = status(Duration.ofHours(8));
        assertThat(status.of(leader.certificate(), issuer())).isEqualTo(Status.GOOD);
        pki.revoke(leader.certificate());

        clock.move(Duration.ofMinutes(61));

        assertThat(status.of(leader.certificate(), issuer())).isEqualTo(Status.REVOKED);
    }

    @Test
    void withNoFreshnessTheAuthorityIsAskedBeforeEverySignature() {
        RevocationStatus status = status(Duration.ZERO);
        int before = pki.revocationRequests();

        assertThat(status.of(leader.certificate(), issuer())).isEqualTo(Status.GOOD);
        pki.revoke(leader.certificate());

        assertThat(status.of(leader.certificate(), issuer())).isEqualTo(Status.REVOKED);
        assertThat(pki.revocationRequests() - before).isEqualTo(2);
    }

    private RevocationStatus status(Duration freshFor) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setOcspSource(new OnlineOCSPSource(new OCSPDataLoader()));
        verifier.setCrlSource(new OnlineCRLSource(new CommonsDataLoader()));
        return new RevocationStatus(verifier, freshFor, clock);
    }

    private X509Certificate issuer() {
        return leader.chain().get(1);
    }
}
