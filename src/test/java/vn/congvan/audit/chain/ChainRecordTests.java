package vn.congvan.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.congvan.audit.AuditEntry;

/** The canonical form of a record, spelled out byte for byte, as an independent verifier would compute it. */
class ChainRecordTests {

    static final UUID ACTOR = UUID.fromString("6f1c2b9e-0d4a-4c1e-9a57-3b2f8e1d0c44");
    static final UUID UNIT = UUID.fromString("0a7e5d3c-1b2f-4e6a-8c9d-2f4b6a8c0e12");

    @Test
    void theGenesisRecordHashesItsFieldsJoinedByBarsAfter64Zeros() throws Exception {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("subject", "Về việc \"kiểm tra\"\n");
        details.put("codeNumber", "15");
        AuditEntry entry =
                new AuditEntry(() -> "document.registered", "document", "42", UNIT, ACTOR, "Trần Thị Bình", details);

        ChainRecord record =
                ChainRecord.seal(1, ChainRecord.GENESIS_HASH, Instant.parse("2026-03-01T02:15:09.123456789Z"), entry);

        String expectedInput = "0".repeat(64)
                + "|1|2026-03-01T02:15:09.123456Z|6f1c2b9e-0d4a-4c1e-9a57-3b2f8e1d0c44|Trần Thị Bình"
                + "|document.registered|document|42|0a7e5d3c-1b2f-4e6a-8c9d-2f4b6a8c0e12"
                + "|{\"codeNumber\":\"15\",\"subject\":\"Về việc \\\"kiểm tra\\\"\\n\"}";
        assertThat(record.details()).isEqualTo("{\"codeNumber\":\"15\",\"subject\":\"Về việc \\\"kiểm tra\\\"\\n\"}");
        assertThat(record.recordedAt()).isEqualTo(Instant.parse("2026-03-01T02:15:09.123456Z"));
        assertThat(record.hash()).isEqualTo(sha256(expectedInput));
    }

    @Test
    void absentIdsAreEmptyAndBarsInsideTextAreEscaped() throws Exception {
        AuditEntry entry = new AuditEntry(() -> "a|b", "c\\d", "e", null, null, "f", Map.of());

        ChainRecord record = ChainRecord.seal(7, "ab".repeat(32), Instant.parse("2026-01-01T00:00:00Z"), entry);

        assertThat(record.hash())
                .isEqualTo(sha256("ab".repeat(32) + "|7|2026-01-01T00:00:00.000000Z||f|a\\|b|c\\\\d|e||{}"));
    }

    @Test
    void textShiftedFromOneFieldToTheNextChangesTheHash() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        ChainRecord one = ChainRecord.seal(
                1, ChainRecord.GENESIS_HASH, at, new AuditEntry(() -> "x|y", "t", "1", null, null, "name", Map.of()));
        ChainRecord other = ChainRecord.seal(
                1, ChainRecord.GENESIS_HASH, at, new AuditEntry(() -> "y", "t", "1", null, null, "name|x", Map.of()));

        assertThat(one.hash()).isNotEqualTo(other.hash());
    }

    @Test
    void detailsAreWrittenInTheJsonCanonicalizationScheme() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("é", "1");
        details.put("b", "tab\there\u0001\u007f/</");
        details.put("B", "\\");
        // In UTF-16 order U+1F600 (written D83D DE00) comes before U+FB01, unlike in code point order.
        details.put("\uD83D\uDE00", "emoji");
        details.put("\uFB01", "ligature");

        String canonical = CanonicalDetails.write(details);

        assertThat(canonical)
                .isEqualTo("{\"B\":\"\\\\\",\"b\":\"tab\\there\\u0001\u007f/</\",\"é\":\"1\","
                        + "\"\uD83D\uDE00\":\"emoji\","
                        + "\"\uFB01\":\"ligature\"}");
        assertThat(CanonicalDetails.read(canonical)).isEqualTo(details);
    }

    private static String sha256(String input) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
    }
}
