package vn.congvan.signing.document;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import vn.congvan.platform.PdfBounds;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.SigningRefusals;

/**
 * What a signer's program added to a PDF it was given: it must have appended an incremental update
 * to the exact bytes handed out, adding one signature and nothing that changes what the pages show.
 */
final class SignedRevision {

    /** Pages are compared as rendered at this scale (36 dpi): enough to see any change of content. */
    private static final float RENDER_SCALE = 0.5f;

    private SignedRevision() {}

    /** Refuses an upload that does not begin with the exact bytes of the file handed out. */
    static void requireAppendedTo(Path original, Path uploaded) {
        try (InputStream given = new BufferedInputStream(Files.newInputStream(original));
                InputStream back = new BufferedInputStream(Files.newInputStream(uploaded))) {
            if (Files.size(uploaded) <= Files.size(original)) {
                throw DomainException.invalid("signing.plugin.other-document");
            }
            int expected;
            while ((expected = given.read()) >= 0) {
                if (back.read() != expected) {
                    throw DomainException.invalid("signing.plugin.other-document");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one signature the upload adds: its field's name and the certificates its CMS carries, the signer's first. */
    record NewSignature(String fieldName, List<X509Certificate> chain) {}

    /**
     * Finds the signature added to the original, refusing an upload that adds none or several, or
     * that changes what a page shows or its annotations other than by signature fields.
     */
    static NewSignature newSignature(Path original, Path uploaded, PdfBounds bounds) {
        try (PDDocument before = bounds.load(original);
                PDDocument after = bounds.load(uploaded)) {
            // Their pages are drawn to be compared: what the pages hold, their images and their size
            // at the scale they are drawn, are measured first.
            bounds.requireWithin(before);
            bounds.requireWithin(after);
            bounds.requireDrawable(before, RENDER_SCALE);
            bounds.requireDrawable(after, RENDER_SCALE);
            Set<String> signedBefore = new HashSet<>();
            for (PDSignatureField field : before.getSignatureFields()) {
                if (field.getSignature() != null) {
                    signedBefore.add(field.getFullyQualifiedName());
                }
            }
            List<PDSignatureField> added = new ArrayList<>();
            for (PDSignatureField field : after.getSignatureFields()) {
                if (field.getSignature() != null && !signedBefore.contains(field.getFullyQualifiedName())) {
                    added.add(field);
                }
            }
            if (added.size() != 1) {
                throw DomainException.invalid("signing.plugin.one-signature", added.size());
            }
            PDSignatureField field = added.get(0);
            int[] range = field.getSignature().getByteRange();
            // A revision ends with %%EOF and an optional end of line; anything longer was added after signing.
            if (range.length != 4 || Files.size(uploaded) - ((long) range[2] + range[3]) > 2) {
                throw DomainException.invalid("signing.plugin.content-after-signature");
            }
            requireSamePages(before, after);
            return new NewSignature(
                    field.getFullyQualifiedName(), chain(field.getSignature().getContents()));
        } catch (PdfBounds.TooLarge e) {
            throw bounds.refusal(e);
        } catch (IOException e) {
            throw DomainException.invalid(SigningRefusals.FILE_NOT_PDF);
        }
    }

    /**
     * The certificates that made the PDF's signatures, whatever their verdict: what says whether a
     * unit's seal is on it already. A signature whose content cannot be read names nobody.
     */
    static List<X509Certificate> signerCertificates(Path pdf, PdfBounds bounds) {
        List<X509Certificate> signers = new ArrayList<>();
        try (PDDocument document = bounds.load(pdf)) {
            for (var signature : document.getSignatureDictionaries()) {
                try {
                    signers.add(chain(signature.getContents()).get(0));
                } catch (RuntimeException unreadable) {
                    // Not a signature anyone can be held to.
                }
            }
        } catch (PdfBounds.TooLarge e) {
            throw bounds.refusal();
        } catch (IOException e) {
            throw DomainException.invalid(SigningRefusals.FILE_NOT_PDF);
        }
        return signers;
    }

    private static void requireSamePages(PDDocument before, PDDocument after) throws IOException {
        if (before.getNumberOfPages() != after.getNumberOfPages()) {
            throw DomainException.invalid("signing.plugin.content-changed", after.getNumberOfPages());
        }
        PDFRenderer original = withoutAnnotations(before);
        PDFRenderer uploaded = withoutAnnotations(after);
        for (int page = 0; page < before.getNumberOfPages(); page++) {
            if (otherAnnotations(before, page) != otherAnnotations(after, page)
                    || !samePixels(
                            original.renderImage(page, RENDER_SCALE), uploaded.renderImage(page, RENDER_SCALE))) {
                throw DomainException.invalid("signing.plugin.content-changed", page + 1);
            }
        }
    }

    private static PDFRenderer withoutAnnotations(PDDocument document) {
        PDFRenderer renderer = new PDFRenderer(document);
        renderer.setAnnotationsFilter(annotation -> false);
        return renderer;
    }

    /** The annotations of a page that are not signature widgets: a signature adds none. */
    private static long otherAnnotations(PDDocument document, int page) throws IOException {
        long count = 0;
        for (PDAnnotation annotation : document.getPage(page).getAnnotations()) {
            if (!(annotation instanceof PDAnnotationWidget) || !isSignature(annotation.getCOSObject())) {
                count++;
            }
        }
        return count;
    }

    private static boolean isSignature(COSDictionary widget) {
        COSName type = widget.getCOSName(COSName.FT);
        COSDictionary parent = widget.getCOSDictionary(COSName.PARENT);
        if (type == null && parent != null) {
            type = parent.getCOSName(COSName.FT);
        }
        return COSName.SIG.equals(type);
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<X509Certificate> chain(byte[] cms) {
        try {
            CMSSignedData signed = new CMSSignedData(cms);
            SignerInformation signer =
                    signed.getSignerInfos().getSigners().iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> chain = new ArrayList<>();
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                if (signer.getSID().match(holder)) {
                    chain.add(converter.getCertificate(holder));
                }
            }
            if (chain.isEmpty()) {
                throw DomainException.invalid("signing.reason.no-certificate");
            }
            X509Certificate signerCertificate = chain.get(0);
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                X509Certificate certificate = converter.getCertificate(holder);
                if (!chain.contains(certificate)) {
                    // The issuer right after the signer: the revocation check asks it.
                    boolean issuer =
                            certificate.getSubjectX500Principal().equals(signerCertificate.getIssuerX500Principal());
                    chain.add(issuer ? 1 : chain.size(), certificate);
                }
            }
            return chain;
        } catch (CMSException | CertificateException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw DomainException.invalid("signing.reason.format");
        }
    }
}
