package vn.congvan.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.SamplePdf;
import vn.congvan.shared.VietnamTime;

/** Letters from the provincial committee, registered by a unit's clerk as they arrive. */
public final class ArrivingLetters {

    private ArrivingLetters() {}

    /** Registers an arriving letter of yesterday; returns its id. */
    public static String registered(ApiClient clerk, UUID unitId, String subject, int priority) {
        return registered(clerk, unitId, subject, priority, 0);
    }

    /** Registers an arriving letter of yesterday with a confidentiality (1 mật, 2 tối mật); returns its id. */
    public static String registered(ApiClient clerk, UUID unitId, String subject, int priority, int confidentiality) {
        return registered(clerk, unitId, subject, priority, confidentiality, null);
    }

    /** Registers an arriving letter of yesterday to be handled by {@code dueDate} (hạn giải quyết); returns its id. */
    public static String dueBy(ApiClient clerk, UUID unitId, String subject, LocalDate dueDate) {
        return registered(clerk, unitId, subject, 0, 0, dueDate);
    }

    private static String registered(
            ApiClient clerk,
            UUID unitId,
            String subject,
            int priority,
            int confidentiality,
            @org.jspecify.annotations.Nullable LocalDate dueDate) {
        Map<String, Object> m = new HashMap<>();
        if (dueDate != null) {
            m.put("dueDate", dueDate.toString());
        }
        m.put("unitId", unitId.toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", Integer.toString(100 + (int) (Math.random() * 800)));
        m.put("codeNotation", "UBND-VP");
        m.put("issuedDate", LocalDate.now(VietnamTime.ZONE).minusDays(1).toString());
        m.put("organName", "Ủy ban nhân dân tỉnh Bắc Giang");
        m.put("subject", subject);
        m.put("priority", priority);
        m.put("confirmDuplicate", true);
        m.put("confidentiality", confidentiality);
        var answer = clerk.multipart(
                "/api/v1/documents/incoming",
                m,
                FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN", subject)),
                List.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return (String) answer.get("id");
    }

    /**
     * Registers letter no. 112/SVHTTDL-VP of yesterday from {@code organName} (and its organ code,
     * when given), as a reply would answer it; returns its id.
     */
    public static String fromTheDepartment(
            ApiClient clerk, UUID unitId, @org.jspecify.annotations.Nullable String organId, String organName) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", unitId.toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", "112");
        m.put("codeNotation", "SVHTTDL-VP");
        m.put("issuedDate", LocalDate.now(VietnamTime.ZONE).minusDays(1).toString());
        if (organId != null) {
            m.put("organId", organId);
        }
        m.put("organName", organName);
        m.put("subject", "Về việc báo cáo công tác tổ chức lễ hội năm 2026");
        m.put("confirmDuplicate", true);
        var answer = clerk.multipart(
                "/api/v1/documents/incoming",
                m,
                FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN", "Về việc báo cáo công tác tổ chức lễ hội")),
                List.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return (String) answer.get("id");
    }
}
