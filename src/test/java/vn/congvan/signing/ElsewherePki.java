package vn.congvan.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import vn.congvan.signing.pki.IssuedCertificate;

/**
 * Another province's certificate authority, made by the {@code openssl} command line as an
 * outside CA would be (a root, an issuing CA, and signers' certificates that are valid, expired,
 * not yet valid or revoked, with the issuing CA's CRL), its signers' keys loaded into an NSS
 * database made by {@code certutil} and {@code pk12util}, so that poppler's {@code pdfsig} signs
 * with them: PDFs CongVan had no hand in. Everything lives in a directory under {@code target/}.
 */
final class ElsewherePki {

    private static final DateTimeFormatter OPENSSL_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String PASSWORD = "elsewhere";

    private static final String CONFIG = """
            [ ca ]
            default_ca = CA_default
            [ CA_default ]
            dir = .
            database = $dir/index.txt
            new_certs_dir = $dir/certs
            serial = $dir/serial
            crlnumber = $dir/crlnumber
            default_md = sha256
            policy = policy_any
            unique_subject = no
            copy_extensions = none
            default_crl_days = 30
            [ policy_any ]
            commonName = supplied
            organizationName = optional
            countryName = optional
            [ v3_ca ]
            basicConstraints = critical,CA:true
            keyUsage = critical,keyCertSign,cRLSign
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid:always
            [ v3_leaf ]
            basicConstraints = critical,CA:false
            keyUsage = critical,digitalSignature,nonRepudiation
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid:always
            """;

    private final Path dir;
    private final Path nss;

    private ElsewherePki(Path dir) {
        this.dir = dir;
        this.nss = dir.resolve("nss");
    }

    /** A new authority named "{@code name} Root CA" with its issuing CA, in a fresh directory under target/. */
    static ElsewherePki made(String name) {
        try {
            Path dir = Files.createDirectories(
                            Path.of("target", "elsewhere-pki", UUID.randomUUID().toString()))
                    .toAbsolutePath();
            ElsewherePki pki = new ElsewherePki(dir);
            pki.create(name);
            return pki;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void create(String name) throws IOException {
        Files.writeString(dir.resolve("ca.cnf"), CONFIG);
        for (String ca : List.of("root", "issuing")) {
            Path caDir =
                    Files.createDirectories(dir.resolve(ca).resolve("certs")).getParent();
            Files.writeString(caDir.resolve("index.txt"), "");
            Files.writeString(caDir.resolve("serial"), "1000\n");
            Files.writeString(caDir.resolve("crlnumber"), "1000\n");
        }
        Instant now = Instant.now();
        run(
                dir,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "root/key.pem",
                "-out",
                "root/cert.pem",
                "-subj",
                "/C=VN/O=" + name + "/CN=" + name + " Root CA",
                "-days",
                "3650",
                "-addext",
                "basicConstraints=critical,CA:true",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign");
        run(
                dir,
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "issuing/key.pem",
                "-out",
                "issuing/req.pem",
                "-subj",
                "/C=VN/O=" + name + "/CN=" + name + " Issuing CA");
        run(
                dir.resolve("root"),
                "openssl",
                "ca",
                "-batch",
                "-config",
                "../ca.cnf",
                "-extensions",
                "v3_ca",
                "-cert",
                "cert.pem",
                "-keyfile",
                "key.pem",
                "-in",
                "../issuing/req.pem",
                "-out",
                "../issuing/cert.pem",
                "-startdate",
                OPENSSL_TIME.format(now.minusSeconds(86400L * 400)),
                "-enddate",
                OPENSSL_TIME.format(now.plusSeconds(86400L * 3000)),
                "-notext");
        Files.createDirectories(nss);
        run(dir, "certutil", "-N", "-d", "sql:" + nss, "--empty-password");
    }

    /** A signer's certificate valid from {@code notBefore} to {@code notAfter}, its key in the NSS database under {@code nick}. */
    IssuedCertificate signer(String nick, String fullName, String unit, Instant notBefore, Instant notAfter) {
        run(
                dir,
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                nick + ".key",
                "-out",
                nick + ".req",
                "-utf8",
                "-subj",
                "/C=VN/O=" + unit + "/CN=" + fullName);
        run(
                dir.resolve("issuing"),
                "openssl",
                "ca",
                "-batch",
                "-utf8",
                "-config",
                "../ca.cnf",
                "-extensions",
                "v3_leaf",
                "-cert",
                "cert.pem",
                "-keyfile",
                "key.pem",
                "-in",
                "../" + nick + ".req",
                "-out",
                "../" + nick + ".pem",
                "-startdate",
                OPENSSL_TIME.format(notBefore),
                "-enddate",
                OPENSSL_TIME.format(notAfter),
                "-notext");
        run(
                dir,
                "openssl",
                "pkcs12",
                "-export",
                "-inkey",
                nick + ".key",
                "-in",
                nick + ".pem",
                "-certfile",
                "issuing/cert.pem",
                "-name",
                nick,
                "-out",
                nick + ".p12",
                "-passout",
                "pass:" + PASSWORD);
        run(dir, "pk12util", "-i", nick + ".p12", "-d", "sql:" + nss, "-W", PASSWORD);
        return issued(dir.resolve(nick + ".p12"));
    }

    /** Revokes the signer's certificate and publishes a new CRL of the issuing CA. */
    void revoke(String nick) {
        run(
                dir.resolve("issuing"),
                "openssl",
                "ca",
                "-config",
                "../ca.cnf",
                "-cert",
                "cert.pem",
                "-keyfile",
                "key.pem",
                "-revoke",
                "../" + nick + ".pem",
                "-crl_reason",
                "keyCompromise");
    }

    /** The issuing CA's CRL as it stands now. */
    X509CRL crl() {
        return crl("issuing");
    }

    /** The root's CRL (it revokes no issuing CA). */
    X509CRL rootCrl() {
        return crl("root");
    }

    private X509CRL crl(String ca) {
        run(
                dir.resolve(ca),
                "openssl",
                "ca",
                "-config",
                "../ca.cnf",
                "-cert",
                "cert.pem",
                "-keyfile",
                "key.pem",
                "-gencrl",
                "-out",
                "crl.pem");
        try (InputStream in = Files.newInputStream(dir.resolve(ca).resolve("crl.pem"))) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    X509Certificate root() {
        return certificate(dir.resolve("root/cert.pem"));
    }

    X509Certificate issuing() {
        return certificate(dir.resolve("issuing/cert.pem"));
    }

    /** The PDF signed by poppler's {@code pdfsig -add-signature} with the key under {@code nick}, as an incremental update. */
    byte[] pdfsigSigned(String nick, byte[] pdf) {
        try {
            Path in = Files.createTempFile(dir, "unsigned-", ".pdf");
            Path out = dir.resolve("signed-" + UUID.randomUUID() + ".pdf");
            Files.write(in, pdf);
            run(
                    dir,
                    "pdfsig",
                    "-add-signature",
                    "-nssdir",
                    "sql:" + nss,
                    "-nick",
                    nick,
                    "-kpw",
                    "",
                    "-new-signature-field-name",
                    "Signature" + nick,
                    in.toString(),
                    out.toString());
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the root a trusted authority of the NSS database, as a reader who trusts this province does. */
    void trustRootInNss() {
        run(dir, "certutil", "-A", "-d", "sql:" + nss, "-n", "elsewhere-root", "-t", "CT,C,C", "-i", "root/cert.pem");
    }

    Path nssDirectory() {
        return nss;
    }

    private static IssuedCertificate issued(Path p12) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            String alias = store.aliases().nextElement();
            List<X509Certificate> chain = new ArrayList<>();
            for (var certificate : store.getCertificateChain(alias)) {
                chain.add((X509Certificate) certificate);
            }
            return new IssuedCertificate((PrivateKey) store.getKey(alias, PASSWORD.toCharArray()), chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String run(Path workDir, String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(Arrays.toString(command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
