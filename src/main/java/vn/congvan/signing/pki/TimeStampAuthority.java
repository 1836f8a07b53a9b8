package vn.congvan.signing.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A time-stamping authority (RFC 3161) of the demo or of a test: answers a time-stamp query with
 * a token signed by its time-stamping certificate, which it includes with its chain.
 */
public final class TimeStampAuthority {

    /** The policy under which the tokens are issued: an OID of the example arc, as befits a demo. */
    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.999.3161.1");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssuedCertificate self;

    public TimeStampAuthority(IssuedCertificate self) {
        this.self = self;
    }

    /** This authority's certificate and key with its chain, to keep in a key store. */
    public IssuedCertificate self() {
        return self;
    }

    /** The DER time-stamp response to a DER time-stamp query: granted, or rejected when unreadable. */
    public byte[] answer(byte[] query, Instant now) {
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder()
                            .build(
                                    KeyAlgorithm.of(self.certificate().getPublicKey())
                                            .signatureAlgorithm(),
                                    self.privateKey(),
                                    self.certificate()),
                    new JcaDigestCalculatorProviderBuilder()
                            .build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(self.chain()));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(query);
            } catch (IOException | RuntimeException e) {
                return responses
                        .generateFailResponse(
                                PKIStatus.REJECTION, PKIFailureInfo.badDataFormat, "unreadable time-stamp query")
                        .getEncoded();
            }
            return responses
                    .generate(request, new BigInteger(63, RANDOM), Date.from(now))
                    .getEncoded();
        } catch (OperatorCreationException | CertificateEncodingException | TSPException e) {
            throw new IllegalStateException("Cannot answer a time-stamp query", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
