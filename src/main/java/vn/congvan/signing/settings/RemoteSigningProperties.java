package vn.congvan.signing.settings;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code congvan.signing.remote.*} settings: the remote signing service (PKI SIM, cloud
 * signing) that speaks the Cloud Signature Consortium API v2.
 *
 * @param baseUrl the service's API root, ending in {@code /csc/v2}; empty: no remote signing
 * @param username the signature application's account at the service, sent with HTTP Basic to
 *     {@code auth/login}
 * @param password its password
 * @param connectTimeout how long to wait to connect to the service
 * @param requestTimeout how long to wait for one answer of the service
 * @param pollInterval how often to ask the service whether the signer has confirmed
 * @param maxWait how long a signer has to confirm on the phone; keep it shorter than
 *     {@code congvan.signing.session-validity}
 */
@ConfigurationProperties("congvan.signing.remote")
public record RemoteSigningProperties(
        @Nullable URI baseUrl,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT20S") Duration requestTimeout,
        @DefaultValue("PT3S") Duration pollInterval,
        @DefaultValue("PT5M") Duration maxWait) {}
