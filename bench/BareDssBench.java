// The baseline of the signing benchmark (run by bench/signing.sh): the same one-page PDF signed
// with bare EU DSS (same key, PAdES B-B, a visible signature with an image and Vietnamese text in
// an embedded DejaVu subset), and the PDF CongVan signed validated by bare DSS against the same
// trust anchor and revocation services. Run on CongVan's runtime class path:
//   java -cp "$(cat target/bench-classpath.txt)" bench/BareDssBench.java <pdf> <p12> <password> <root.pem> <signed.pdf>
// <runs>
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.ImageScaling;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignerTextPosition;
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
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.validation.reports.Reports;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

public class BareDssBench {

    static final int WARM_UP = 5;

    public static void main(String[] args) throws Exception {
        Path pdf = Path.of(args[0]);
        Path p12 = Path.of(args[1]);
        char[] password = args[2].toCharArray();
        Path root = Path.of(args[3]);
        Path signedByCongVan = Path.of(args[4]);
        int runs = Integer.parseInt(args[5]);

        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        try (InputStream in = Files.newInputStream(root)) {
            trusted.addCertificate(DSSUtils.loadCertificate(in));
        }
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new OnlineCRLSource());
        verifier.setOcspSource(new OnlineOCSPSource());

        byte[] font;
        try (InputStream in = BareDssBench.class
                .getClassLoader()
                .getResourceAsStream("net/sf/jasperreports/fonts/dejavu/DejaVuSerif.ttf")) {
            font = in.readAllBytes();
        }
        byte[] image = signatureImage();
        List<Double> signing = new ArrayList<>();
        try (Pkcs12SignatureToken token =
                new Pkcs12SignatureToken(p12.toFile(), new KeyStore.PasswordProtection(password))) {
            DSSPrivateKeyEntry key = token.getKeys().get(0);
            for (int i = 0; i < WARM_UP + runs; i++) {
                long start = System.nanoTime();
                PAdESService service = new PAdESService(verifier);
                PAdESSignatureParameters parameters = parameters(key, font, image);
                DSSDocument document = new FileDocument(pdf.toFile());
                ToBeSigned data = service.getDataToSign(document, parameters);
                SignatureValue value = token.sign(data, DigestAlgorithm.SHA256, key);
                DSSDocument signed = service.signDocument(document, parameters, value);
                try (InputStream in = signed.openStream()) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                if (i >= WARM_UP) {
                    signing.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        List<Double> validating = new ArrayList<>();
        for (int i = 0; i < WARM_UP + runs; i++) {
            long start = System.nanoTime();
            PDFDocumentValidator validator = new PDFDocumentValidator(new FileDocument(signedByCongVan.toFile()));
            validator.setCertificateVerifier(verifier);
            Reports reports = validator.validateDocument();
            String indication = reports.getSimpleReport()
                    .getIndication(reports.getSimpleReport().getFirstSignatureId())
                    .name();
            if (!indication.equals("TOTAL_PASSED")) {
                throw new IllegalStateException("Bare DSS finds the signature " + indication);
            }
            if (i >= WARM_UP) {
                validating.add((System.nanoTime() - start) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "bare sign-one-page p50_ms=%.1f runs=%d%n", median(signing), runs);
        System.out.printf(Locale.ROOT, "bare validate-one-page p50_ms=%.1f runs=%d%n", median(validating), runs);
    }

    static PAdESSignatureParameters parameters(DSSPrivateKeyEntry key, byte[] font, byte[] image) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(key.getCertificate());
        List<CertificateToken> chain = new ArrayList<>(List.of(key.getCertificateChain()));
        parameters.setCertificateChain(chain);
        parameters.bLevel().setSigningDate(new Date());
        parameters.setContentSize(20000);
        SignatureImageParameters visible = new SignatureImageParameters();
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(1);
        field.setOriginX(330);
        field.setOriginY(600);
        field.setWidth(150);
        field.setHeight(80);
        visible.setFieldParameters(field);
        visible.setImage(new InMemoryDocument(image, "signature.png", MimeTypeEnum.PNG));
        visible.setImageScaling(ImageScaling.ZOOM_AND_CENTER);
        DSSFileFont unicode = new DSSFileFont(new InMemoryDocument(font, "DejaVuSerif.ttf"));
        unicode.setEmbedFontSubset(true);
        unicode.setSize(8);
        SignatureImageTextParameters text = new SignatureImageTextParameters();
        text.setFont(unicode);
        text.setText("Nguyễn Văn Chủ Tịch\nChủ tịch");
        text.setBackgroundColor(null);
        text.setSignerTextPosition(SignerTextPosition.BOTTOM);
        visible.setTextParameters(text);
        parameters.setImageParameters(visible);
        return parameters;
    }

    static byte[] signatureImage() throws Exception {
        BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 40, 180));
        g.drawArc(20, 20, 260, 80, 10, 160);
        g.drawLine(40, 90, 260, 30);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
