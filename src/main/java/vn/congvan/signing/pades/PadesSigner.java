package vn.congvan.signing.pades;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.ImageScaling;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextPosition;
import eu.europa.esig.dss.enumerations.VisualSignatureAlignmentHorizontal;
import eu.europa.esig.dss.enumerations.VisualSignatureAlignmentVertical;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.PdfSignatureFieldPositionChecker;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.SignatureTokenConnection;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;
import vn.congvan.platform.PdfBounds;
import vn.congvan.platform.PdfFonts;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.settings.SigningProperties;

/**
 * Signs PDFs at the configured PAdES baseline level with DSS (B-B, or time-stamped B-T, B-LT,
 * B-LTA), as an incremental update that leaves earlier signatures valid. PDFBox and DSS work from
 * files (temporary ones removed after each signature), so a large PDF does not sit whole in memory;
 * visible texts embed a subset of a Unicode font, since the standard PDF fonts lack most
 * Vietnamese letters.
 */
@Component
public class PadesSigner {

    /** The decree puts the seal over a third of the personal signature: an overlap DSS refuses by default. */
    private static final PdfSignatureFieldPositionChecker SEAL_MAY_OVERLAP = sealMayOverlap();

    private final CertificateVerifier verifier;
    private final int reservedSignatureSize;
    private final TimeStamping timeStamping;
    private final byte[] font;
    private final PdfBounds bounds;

    PadesSigner(
            CertificateVerifier verifier, SigningProperties properties, TimeStamping timeStamping, PdfBounds bounds) {
        this.verifier = verifier;
        this.bounds = bounds;
        this.reservedSignatureSize = properties.reservedSignatureSize();
        this.timeStamping = timeStamping;
        try (InputStream in = PdfFonts.serifFile()) {
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs the PDF with the token's key and writes the signed PDF to {@code target}. */
    public void sign(
            Path pdf,
            SignatureTokenConnection token,
            DSSPrivateKeyEntry key,
            VisibleSignature appearance,
            SignatureDictionary dictionary,
            Path target) {
        List<X509Certificate> chain = new ArrayList<>();
        for (CertificateToken certificate : key.getCertificateChain()) {
            chain.add(certificate.getCertificate());
        }
        PadesSignature signature = new PadesSignature(chain, appearance, dictionary);
        requireWithinBounds(pdf);
        // One set of parameters for both steps: DSS keeps the PDF it prepared for the data to sign
        // and puts the value into it, instead of preparing it (drawing the signature) a second time.
        withService(service -> {
            PAdESSignatureParameters parameters = parameters(signature);
            DSSDocument document = new FileDocument(pdf.toFile());
            ToBeSigned dataToSign = service.getDataToSign(document, parameters);
            SignatureValue value = token.sign(dataToSign, DigestAlgorithm.SHA256, key);
            return written(service.signDocument(document, parameters, value), target);
        });
    }

    /**
     * The first step of a signature whose key lives elsewhere: the bytes (the DER of the CMS
     * signed attributes) that the key holder signs with SHA-256 and its key's algorithm.
     */
    public byte[] dataToSign(Path pdf, PadesSignature signature) {
        requireWithinBounds(pdf);
        return withService(service -> service.getDataToSign(new FileDocument(pdf.toFile()), parameters(signature))
                .getBytes());
    }

    /**
     * The second step: embeds the signature value made over {@link #dataToSign} with the same
     * parameters (the same signing time above all), and writes the signed PDF to {@code target}.
     */
    public void finish(Path pdf, PadesSignature signature, byte[] signatureValue, Path target) {
        withService(service -> {
            PAdESSignatureParameters parameters = parameters(signature);
            SignatureValue value = new SignatureValue(
                    SignatureAlgorithm.getAlgorithm(
                            EncryptionAlgorithm.forKey(signature.certificate().getPublicKey()),
                            parameters.getDigestAlgorithm()),
                    signatureValue);
            return written(service.signDocument(new FileDocument(pdf.toFile()), parameters, value), target);
        });
    }

    /** Writes the signed PDF to {@code target}, once it is known to hold a finished signature. */
    private Path written(DSSDocument signed, Path target) {
        try (InputStream in = signed.openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FinishedSignature.require(target, bounds);
        return target;
    }

    /**
     * DSS loads the PDF with PDFBox as it is, and at levels T and above reads back what it signed,
     * drawing the pages of the signed revisions to compare them: it is opened once within the bounds
     * before, and its pages measured as DSS draws them when it does.
     */
    private void requireWithinBounds(Path pdf) {
        try (PDDocument opened = bounds.load(pdf)) {
            if (FileBackedPdfs.drawnByDss(opened)) {
                bounds.requireDrawable(opened, FileBackedPdfs.DRAWING_SCALE);
            }
        } catch (PdfBounds.TooLarge e) {
            throw bounds.refusal(e);
        } catch (IOException e) {
            throw DomainException.invalid(SigningRefusals.FILE_NOT_PDF);
        }
    }

    private <T> T withService(Function<PAdESService, T> work) {
        try (FileBackedPdfs pdfs = new FileBackedPdfs(bounds)) {
            pdfs.setPdfSignatureFieldPositionChecker(SEAL_MAY_OVERLAP);
            PAdESService service = new PAdESService(verifier);
            service.setPdfObjFactory(pdfs);
            timeStamping.source().ifPresent(service::setTspSource);
            return work.apply(service);
        }
    }

    private static PdfSignatureFieldPositionChecker sealMayOverlap() {
        PdfSignatureFieldPositionChecker checker = new PdfSignatureFieldPositionChecker();
        checker.setAlertOnSignatureFieldOverlap(new SilentOnStatusAlert());
        return checker;
    }

    private PAdESSignatureParameters parameters(PadesSignature signature) {
        VisibleSignature appearance = signature.appearance();
        SignatureDictionary dictionary = signature.dictionary();
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        SigningLevel level = timeStamping.level();
        parameters.setSignatureLevel(level.dss());
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(signature.certificate()));
        List<CertificateToken> chain = new ArrayList<>();
        for (X509Certificate certificate : signature.chain()) {
            chain.add(new CertificateToken(certificate));
        }
        parameters.setCertificateChain(chain);
        // Both steps of the signature (data to sign, then the PDF) must see the same time.
        parameters.bLevel().setSigningDate(Date.from(dictionary.signingTime()));
        parameters.setSigningTimeZone(TimeZone.getTimeZone(VietnamTime.ZONE));
        parameters.setSignerName(dictionary.signerName());
        parameters.setReason(dictionary.reason());
        parameters.setLocation(dictionary.location());
        parameters.setAppName("CongVan");
        parameters.setContentSize(level.contentSize(reservedSignatureSize));
        parameters.setImageParameters(image(appearance));
        return parameters;
    }

    private SignatureImageParameters image(VisibleSignature appearance) {
        SignatureImageParameters image = new SignatureImageParameters();
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(appearance.page());
        field.setOriginX(appearance.x());
        field.setOriginY(appearance.y());
        if (appearance.width() > 0 && appearance.height() > 0) {
            field.setWidth(appearance.width());
            field.setHeight(appearance.height());
        }
        image.setFieldParameters(field);
        if (appearance.anchoredTopRight()) {
            image.setAlignmentHorizontal(VisualSignatureAlignmentHorizontal.RIGHT);
            image.setAlignmentVertical(VisualSignatureAlignmentVertical.TOP);
        }
        if (appearance.image() != null) {
            image.setImage(new InMemoryDocument(appearance.image(), "image.png", MimeTypeEnum.PNG));
            image.setImageScaling(ImageScaling.ZOOM_AND_CENTER);
        }
        if (appearance.text() != null) {
            DSSFileFont unicode = new DSSFileFont(new InMemoryDocument(font, "DejaVuSerif.ttf"));
            unicode.setEmbedFontSubset(true);
            unicode.setSize(appearance.fontSize());
            SignatureImageTextParameters text = new SignatureImageTextParameters();
            text.setFont(unicode);
            text.setText(appearance.text());
            text.setTextColor(Color.BLACK);
            // Transparent: the text must not hide the page under it.
            text.setBackgroundColor(null);
            text.setPadding(2);
            if (appearance.image() != null) {
                text.setSignerTextPosition(SignerTextPosition.BOTTOM);
                text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.CENTER);
            } else {
                text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.LEFT);
            }
            image.setTextParameters(text);
        }
        return image;
    }
}
