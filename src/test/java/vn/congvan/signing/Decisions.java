package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;

/** A unit's clerk issuing decisions to be signed, and what became of their main file since. */
final class Decisions {

    private final ApiClient clerk;
    private final JdbcClient jdbc;
    private final UUID unitId;
    private final String signerFullName;

    /** Decisions of the unit, to be signed by the official named at their foot. */
    Decisions(ApiClient clerk, JdbcClient jdbc, UUID unitId, String signerFullName) {
        this.clerk = clerk;
        this.jdbc = jdbc;
        this.unitId = unitId;
        this.signerFullName = signerFullName;
    }

    /** Issues a one-page decision for the official named at its foot; returns its id. */
    String issue() {
        return (String) issue(signerFullName).get("id");
    }

    /** Issues a one-page decision to be signed by {@code signer}; returns the document as the API shows it. */
    Map<String, Object> issue(String signer) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", unitId.toString());
        metadata.put("typeName", "Quyết định");
        metadata.put("subject", "Về việc phê duyệt kế hoạch phòng chống lụt bão năm 2026");
        metadata.put("signerAuthority", "NONE");
        metadata.put("signerPosition", "Chủ tịch");
        metadata.put("signerFullName", signer);
        var issued = clerk.multipart(
                "/api/v1/documents/outgoing",
                metadata,
                FilePart.pdf("quyet-dinh.pdf", DocumentSigningTests.decisionPdf()),
                List.of());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json();
    }

    byte[] mainFile(String id) {
        return mainFile(clerk, id);
    }

    /** The file's versions kept besides its first content. */
    long laterVersionsOf(String documentId) {
        Map<String, Object> document =
                clerk.get("/api/v1/documents/" + documentId).json();
        return jdbc.sql("select count(*) from document_file_version where file_id = ?::uuid and version > 1")
                .param(DocumentSigningTests.fileId(document, "MAIN"))
                .query(Long.class)
                .single();
    }

    /** The current content of a document's main file, as {@code reader} downloads it. */
    static byte[] mainFile(ApiClient reader, String id) {
        Map<String, Object> document = reader.get("/api/v1/documents/" + id).json();
        return reader.get("/api/v1/documents/" + id + "/files/" + DocumentSigningTests.fileId(document, "MAIN"))
                .bytes();
    }
}
