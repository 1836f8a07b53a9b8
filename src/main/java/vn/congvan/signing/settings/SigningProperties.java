package vn.congvan.signing.settings;

import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The {@code congvan.signing.*} settings.
 *
 * @param trustAnchors PEM or DER certificate files, or directories of them, that validation trusts
 * @param keyStorePassword protects the PKCS#12 key stores the server holds; empty: the demo password
 *     in a demo installation, else a random one kept in the data directory
 * @param revocationTimeout how long to wait for a CRL, OCSP or time-stamping server
 * @param reservedSignatureSize bytes reserved in the PDF for the signature (CMS) value
 * @param demoPkiUrl where the demo certificate authority publishes its CRLs and OCSP answers,
 *     written into the demo certificates; empty: this server's own address
 * @param sessionValidity how long a two-step signature prepared for a key held elsewhere waits
 *     for its signature value
 * @param pkcs11 the hardware security module or token holding server keys of medium HSM
 * @param tsaUrl the RFC 3161 time-stamping service that time-stamps signatures; empty: none, but in a
 *     demo installation the demo authority's own at {@code <demo-pki-url>/tsa}
 * @param level the PAdES baseline level of new signatures ({@code B-B}, {@code B-T}, {@code B-LT},
 *     {@code B-LTA}); empty: {@code B-T} with a time-stamping service, else {@code B-B}
 * @param pluginUrl where the web page reaches the desktop signing plug-in on the official's computer
 * @param pluginUploadLimit the largest signed PDF the plug-in may post back
 * @param revocationFreshFor how long an authority's answer that a certificate about to sign is good
 *     (or revoked) is used without asking again, at most until the next update the answer announces;
 *     zero: asked before every signature
 */
@ConfigurationProperties("congvan.signing")
public record SigningProperties(
        @DefaultValue List<String> trustAnchors,
        @Nullable String keyStorePassword,
        @DefaultValue("PT10S") Duration revocationTimeout,
        @DefaultValue("20000") int reservedSignatureSize,
        @Nullable String demoPkiUrl,
        @DefaultValue("PT10M") Duration sessionValidity,
        @DefaultValue Pkcs11 pkcs11,
        @Nullable String tsaUrl,
        @Nullable String level,
        @DefaultValue("wss://127.0.0.1:8987/") String pluginUrl,
        @DefaultValue("100MB") DataSize pluginUploadLimit,
        @DefaultValue("PT5M") Duration revocationFreshFor) {

    /**
     * The PKCS#11 module the server reaches its HSM through ({@code congvan.signing.pkcs11.*}).
     *
     * @param library path of the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}; empty: no HSM
     * @param slot the token's slot id; empty: the slot at {@code slotListIndex}
     * @param slotListIndex position of the token's slot in the module's list of slots with a token
     * @param pin the token's user PIN, from the environment ({@code CONGVAN_SIGNING_PKCS11_PIN})
     */
    public record Pkcs11(
            @Nullable String library,
            @Nullable Integer slot,
            @DefaultValue("0") int slotListIndex,
            @Nullable String pin) {

        public boolean configured() {
            return library != null && !library.isBlank();
        }
    }

    /** Gives a DSS HTTP client (CRL, OCSP, time-stamps) the {@link #revocationTimeout} on every wait. */
    public void limit(CommonsDataLoader loader) {
        int millis = Math.toIntExact(revocationTimeout.toMillis());
        loader.setTimeoutConnection(millis);
        loader.setTimeoutConnectionRequest(millis);
        loader.setTimeoutResponse(millis);
        loader.setTimeoutSocket(millis);
    }

    /** Where the demo authority publishes: {@link #demoPkiUrl}, else {@code /pki} on this server's port. */
    public String demoPkiBaseUrl(Environment environment) {
        if (demoPkiUrl != null && !demoPkiUrl.isBlank()) {
            return demoPkiUrl.endsWith("/") ? demoPkiUrl.substring(0, demoPkiUrl.length() - 1) : demoPkiUrl;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + "/pki";
    }
}
