package vn.congvan.signing.register;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.SigningRefusals;

/** Reads certificates as clients send them: base64 DER, or PEM with its armour lines. */
public final class PresentedCertificates {

    private PresentedCertificates() {}

    public static X509Certificate parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("signing.session.certificate-required");
        }
        String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "");
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(SigningRefusals.CERTIFICATE_UNREADABLE);
        }
        return parse(der);
    }

    public static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw DomainException.invalid(SigningRefusals.CERTIFICATE_UNREADABLE);
        }
    }

    public static List<X509Certificate> parseAll(@Nullable List<String> texts) {
        List<X509Certificate> certificates = new ArrayList<>();
        if (texts != null) {
            texts.forEach(text -> certificates.add(parse(text)));
        }
        return certificates;
    }
}
