package vn.congvan.exchange.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.congvan.exchange.edxml.EdxmlPackages.utf8;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import vn.congvan.shared.DomainException;

/**
 * A field CongVan keeps is refused, named, when it is longer than the column that keeps it: an
 * outside system's 600-character subject answered 500 from the database.
 */
class EdxmlFieldLimitsTests {

    private final Edxml edxml = new Edxml(ExchangeProperties.defaults());

    @Test
    void aSubjectOfSixHundredCharactersIsRefusedByName() {
        DomainException refusal = refusalOf(envelope("<From><OrganId>000.00.00.H10</OrganId><OrganName>UBND</OrganName>"
                + "</From><DocumentId>000.00.00.H10,2026/11/20,1/QĐ</DocumentId><Subject>" + "Về việc ".repeat(75)
                + "</Subject>"));

        assertThat(refusal.code()).isEqualTo("exchange.edxml.too-long");
        assertThat(refusal.status().value()).isEqualTo(400);
        assertThat(refusal.args()).containsExactly("Subject", 500);
    }

    @Test
    void anOrganIdOrDocumentIdLongerThanTheAxisKeepsIsRefused() {
        assertThat(refusalOf(envelope("<From><OrganId>" + "9".repeat(36) + "</OrganId></From>"))
                        .args())
                .containsExactly("OrganId", 35);
        assertThat(refusalOf(envelope("<DocumentId>" + "x".repeat(201) + "</DocumentId>"))
                        .args())
                .containsExactly("DocumentId", 200);
        assertThat(refusalOf(envelope("<Code><CodeNumber>123456789012</CodeNumber></Code>"))
                        .args())
                .containsExactly("CodeNumber", 11);
        assertThat(refusalOf(envelope("<SignerInfo><FullName>" + "Nguyễn ".repeat(10) + "</FullName></SignerInfo>"))
                        .args())
                .containsExactly("FullName", 50);
    }

    @Test
    void fieldsAsLongAsTheColumnsAreRead() {
        try (EdxmlPackage read = edxml.read(envelope("<Subject>" + "s".repeat(500) + "</Subject><From><OrganId>"
                + "9".repeat(35) + "</OrganId><OrganName>" + "o".repeat(200) + "</OrganName></From>"))) {
            assertThat(read.document().header().subject()).hasSize(500);
        }
    }

    private DomainException refusalOf(InputStream in) {
        DomainException refusal =
                catchThrowableOfType(DomainException.class, () -> edxml.read(in).close());
        assertThat(refusal).as("refusal").isNotNull();
        return refusal;
    }

    private static InputStream envelope(String header) {
        return utf8("<edXML><edXMLEnvelope><edXMLHeader><MessageHeader>" + header
                + "</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>");
    }
}
