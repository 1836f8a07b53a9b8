package vn.congvan.signing.settings;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code congvan.signing.*} settings.
 *
 * @param trustAnchors PEM or DER certificate files, or directories of them, that validation trusts
 * @param keyStorePassword protects the PKCS#12 key stores the server holds; empty: the demo password
 *     in a demo installation, else a random one kept in the data directory
 * @param revocationTimeout how long to wait for a CRL or OCSP server
 * @param reservedSignatureSize bytes reserved in the PDF for the signature (CMS) value
 * @param demoPkiUrl where the demo certificate authority publishes its CRLs and OCSP answers,
 *     written into the demo certificates; empty: this server's own address
 * @param sessionValidity how long a two-step signature prepared for a key held elsewhere waits
 *     for its signature value
 * @param pluginUrl where the web page reaches the desktop signing plug-in on the official's computer
 * @param pluginUploadLimit the largest signed PDF the plug-in may post back
 */
@ConfigurationProperties("congvan.signing")
public record SigningProperties(
        @DefaultValue List<String> trustAnchors,
        @Nullable String keyStorePassword,
        @DefaultValue("PT10S") Duration revocationTimeout,
        @DefaultValue("20000") int reservedSignatureSize,
        @Nullable String demoPkiUrl,
        @DefaultValue("PT10M") Duration sessionValidity,
        @DefaultValue("wss://127.0.0.1:8987/") String pluginUrl,
        @DefaultValue("100MB") DataSize pluginUploadLimit) {}
