package vn.congvan.signing.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A certificate authority of the demo or of a test: a root, or an issuing CA under one. Every
 * certificate it issues names where its revocation is published: the CRL at
 * {@code <baseUrl>/<name>.crl}, the OCSP responder at {@code <baseUrl>/<name>/ocsp} and the
 * authority's own certificate at {@code <baseUrl>/<name>.crt}.
 */
public final class CertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final IssuedCertificate self;
    private final String baseUrl;
    /** The delegated OCSP responder's certificate and key, issued by this authority when first needed. */
    private volatile @Nullable IssuedCertificate ocspResponder;

    private CertificateAuthority(String name, IssuedCertificate self, String baseUrl) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("An authority's name is part of its URLs: " + name);
        }
        this.name = name;
        this.self = self;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A new self-signed root. */
    public static CertificateAuthority newRoot(
            String name,
            String commonName,
            KeyAlgorithm algorithm,
            Instant notBefore,
            Instant notAfter,
            String baseUrl) {
        KeyPair keys = algorithm.newKeyPair();
        X500Name subject = Subject.organization(commonName).x500Name();
        X509Certificate certificate = build(subject, keys.getPublic(), subject, keys, notBefore, notAfter, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    extensions().createAuthorityKeyIdentifier(keys.getPublic()));
        });
        return new CertificateAuthority(name, new IssuedCertificate(keys.getPrivate(), List.of(certificate)), baseUrl);
    }

    /** An authority already generated, e.g. read back from its key store after a restart. */
    public static CertificateAuthority of(String name, IssuedCertificate self, String baseUrl) {
        return new CertificateAuthority(name, self, baseUrl);
    }

    /** A new issuing CA under this one, which issues the end-entity certificates. */
    public CertificateAuthority newIssuingCa(
            String name, String commonName, KeyAlgorithm algorithm, Instant notBefore, Instant notAfter) {
        KeyPair keys = algorithm.newKeyPair();
        X509Certificate certificate = issueFor(
                Subject.organization(commonName).x500Name(), keys.getPublic(), notBefore, notAfter, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(
                            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
        return new CertificateAuthority(
                name, new IssuedCertificate(keys.getPrivate(), chainWith(certificate)), baseUrl);
    }

    /** A signing certificate (key usage non-repudiation and digital signature) with a new key pair. */
    public IssuedCertificate issue(Subject subject, KeyAlgorithm algorithm, Instant notBefore, Instant notAfter) {
        KeyPair keys = algorithm.newKeyPair();
        X509Certificate certificate = issueFor(subject.x500Name(), keys.getPublic(), notBefore, notAfter, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation | KeyUsage.digitalSignature));
        });
        return new IssuedCertificate(keys.getPrivate(), chainWith(certificate));
    }

    /**
     * A time-stamping certificate (RFC 3161: extended key usage id-kp-timeStamping, critical) with a
     * new key pair, for a {@link TimeStampAuthority}.
     */
    public IssuedCertificate issueTimeStamping(
            String commonName, KeyAlgorithm algorithm, Instant notBefore, Instant notAfter) {
        KeyPair keys = algorithm.newKeyPair();
        X509Certificate certificate = issueFor(
                Subject.organization(commonName).x500Name(), keys.getPublic(), notBefore, notAfter, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(
                            Extension.keyUsage,
                            true,
                            new KeyUsage(KeyUsage.nonRepudiation | KeyUsage.digitalSignature));
                    builder.addExtension(
                            Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                });
        return new IssuedCertificate(keys.getPrivate(), chainWith(certificate));
    }

    /** The certificate revocation list as of {@code thisUpdate}, naming every revoked certificate. */
    public X509CRL crl(Collection<Revocation> revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    new JcaX509CertificateHolder(certificate()).getSubject(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (Revocation revocation : revoked) {
                builder.addCRLEntry(
                        revocation.serialNumber(), Date.from(revocation.revokedAt()), CRLReason.keyCompromise);
            }
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensions().createAuthorityKeyIdentifier(certificate()));
            builder.addExtension(
                    Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(thisUpdate.toEpochMilli())));
            return new JcaX509CRLConverter().getCRL(builder.build(signer()));
        } catch (CertIOException | CertificateEncodingException | java.security.cert.CRLException e) {
            throw new IllegalStateException("Cannot build the CRL of " + name, e);
        }
    }

    /**
     * Answers an OCSP request (RFC 6960) for certificates of this authority; {@code revocationOf}
     * tells for a serial number whether it is revoked (empty: good). Certificates of another issuer
     * are answered "unknown", an unreadable request "malformed".
     *
     * <p>The answer is signed by a delegated responder (RFC 6960 4.2.2.2: a certificate of this
     * authority with id-kp-OCSPSigning and id-pkix-ocsp-nocheck, sent with the answer), as public CAs
     * do, not by the authority's own key: poppler's {@code pdfsig} (22.12, Debian 12) reports a
     * signature whose certificate verifies as "Unknown issue with Certificate or corrupted data"
     * when a previous signature of the same PDF carried this authority's certificate and the OCSP
     * answer is signed by that same certificate (an error NSS left behind while verifying
     * successfully, which that poppler reads regardless of the outcome), so the organization seal
     * over a personal signature on a main file was never trusted there.
     */
    public byte[] answerOcsp(byte[] request, Function<BigInteger, Optional<Instant>> revocationOf, Instant now) {
        try {
            OCSPReq ocspRequest;
            try {
                ocspRequest = new OCSPReq(request);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder()
                        .build(OCSPRespBuilder.MALFORMED_REQUEST, null)
                        .getEncoded();
            }
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            X509CertificateHolder issuer = new JcaX509CertificateHolder(certificate());
            IssuedCertificate responder = ocspResponder(now);
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(
                    responder.certificate().getPublicKey(), digests.get(CertificateID.HASH_SHA1));
            for (Req single : ocspRequest.getRequestList()) {
                CertificateID id = single.getCertID();
                @Nullable CertificateStatus status;
                if (!id.matchesIssuer(issuer, digests)) {
                    status = new UnknownStatus();
                } else {
                    Optional<Instant> revokedAt = revocationOf.apply(id.getSerialNumber());
                    status = revokedAt.isPresent()
                            ? new RevokedStatus(Date.from(revokedAt.get()), CRLReason.keyCompromise)
                            : CertificateStatus.GOOD;
                }
                builder.addResponse(id, status, Date.from(now), Date.from(now.plusSeconds(3600)), null);
            }
            Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(
                    signer(responder),
                    new X509CertificateHolder[] {new JcaX509CertificateHolder(responder.certificate())},
                    Date.from(now));
            OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
            return response.getEncoded();
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot answer OCSP as " + name, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public X509Certificate certificate() {
        return self.certificate();
    }

    /** This authority's certificate and key with its chain, to keep in a key store. */
    public IssuedCertificate self() {
        return self;
    }

    public String crlUrl() {
        return baseUrl + "/" + name + ".crl";
    }

    public String ocspUrl() {
        return baseUrl + "/" + name + "/ocsp";
    }

    public String certificateUrl() {
        return baseUrl + "/" + name + ".crt";
    }

    private List<X509Certificate> chainWith(X509Certificate certificate) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(self.chain());
        return chain;
    }

    private X509Certificate issueFor(
            X500Name subject, PublicKey key, Instant notBefore, Instant notAfter, Extender extender) {
        if (notBefore.isBefore(certificate().getNotBefore().toInstant())
                || notAfter.isAfter(certificate().getNotAfter().toInstant())) {
            throw new IllegalArgumentException("A certificate cannot outlive its issuer " + name);
        }
        X500Name issuer;
        try {
            issuer = new JcaX509CertificateHolder(certificate()).getSubject();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        KeyPair issuerKeys = new KeyPair(certificate().getPublicKey(), self.privateKey());
        return build(subject, key, issuer, issuerKeys, notBefore, notAfter, builder -> {
            extender.extend(builder);
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensions().createAuthorityKeyIdentifier(certificate()));
            DistributionPointName crl = new DistributionPointName(
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl())));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(crl, null, null)
            }));
            builder.addExtension(
                    Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                        new AccessDescription(
                                X509ObjectIdentifiers.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(ocspUrl()))),
                        new AccessDescription(
                                X509ObjectIdentifiers.id_ad_caIssuers,
                                new GeneralName(
                                        GeneralName.uniformResourceIdentifier, new DERIA5String(certificateUrl())))
                    }));
        });
    }

    private static X509Certificate build(
            X500Name subject,
            PublicKey key,
            X500Name issuer,
            KeyPair issuerKeys,
            Instant notBefore,
            Instant notAfter,
            Extender extender) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    key);
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions().createSubjectKeyIdentifier(key));
            extender.extend(builder);
            ContentSigner signer = new JcaContentSignerBuilder(
                            KeyAlgorithm.of(issuerKeys.getPublic()).signatureAlgorithm())
                    .build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (CertIOException | OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + subject, e);
        }
    }

    /** The delegated OCSP responder valid at {@code now}, issued anew when none is. */
    private synchronized IssuedCertificate ocspResponder(Instant now) {
        IssuedCertificate current = ocspResponder;
        if (current != null
                && !now.isBefore(current.certificate().getNotBefore().toInstant())
                && now.plus(java.time.Duration.ofDays(1))
                        .isBefore(current.certificate().getNotAfter().toInstant())) {
            return current;
        }
        Instant authorityFrom = certificate().getNotBefore().toInstant();
        Instant authorityUntil = certificate().getNotAfter().toInstant();
        Instant notBefore = now.minus(java.time.Duration.ofDays(1));
        notBefore = notBefore.isBefore(authorityFrom) ? authorityFrom : notBefore;
        Instant notAfter = now.plus(java.time.Duration.ofDays(30));
        notAfter = notAfter.isAfter(authorityUntil) ? authorityUntil : notAfter;
        KeyPair keys = KeyAlgorithm.of(certificate().getPublicKey()).newKeyPair();
        String commonName;
        try {
            commonName = IETFUtils.valueToString(new JcaX509CertificateHolder(certificate())
                    .getSubject()
                    .getRDNs(BCStyle.CN)[0]
                    .getFirst()
                    .getValue());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        X509Certificate certificate = issueFor(
                Subject.organization(commonName + " OCSP Responder").x500Name(),
                keys.getPublic(),
                notBefore,
                notAfter,
                builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                    builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                });
        IssuedCertificate responder = new IssuedCertificate(keys.getPrivate(), chainWith(certificate));
        ocspResponder = responder;
        return responder;
    }

    private static ContentSigner signer(IssuedCertificate issued) {
        try {
            return new JcaContentSignerBuilder(
                            KeyAlgorithm.of(issued.certificate().getPublicKey()).signatureAlgorithm())
                    .build(issued.privateKey());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private ContentSigner signer() {
        try {
            return new JcaContentSignerBuilder(
                            KeyAlgorithm.of(certificate().getPublicKey()).signatureAlgorithm())
                    .build(self.privateKey());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JcaX509ExtensionUtils extensions() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }

    /** Adds the extensions of one kind of certificate. */
    @FunctionalInterface
    private interface Extender {
        void extend(X509v3CertificateBuilder builder) throws CertIOException, CertificateEncodingException;
    }
}
