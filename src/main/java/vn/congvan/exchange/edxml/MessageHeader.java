package vn.congvan.exchange.edxml;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code MessageHeader} of a document package: who sends it to whom and the document's
 * metadata.
 *
 * @param documentId {@code <OrganId>,<yyyy/MM/dd>,<number>/<notation>} as received; see {@link #documentIdOf}
 * @param steeringType 1 none, 2 a directive (chỉ đạo), 3 a report on a directive
 */
public record MessageHeader(
        Organisation from,
        List<Organisation> to,
        String documentId,
        DocumentCode code,
        String promulgationPlace,
        @Nullable LocalDate promulgationDate,
        DocumentKind documentType,
        String subject,
        String content,
        SignerInfo signerInfo,
        @Nullable LocalDate dueDate,
        List<String> toPlaces,
        OtherInfo otherInfo,
        int steeringType,
        @Nullable ResponseFor responseFor) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    public MessageHeader {
        to = List.copyOf(to);
        toPlaces = List.copyOf(toPlaces);
    }

    /** The national document id: the sender's identifier, the promulgation day and the code. */
    public static String documentIdOf(String organId, LocalDate promulgationDate, DocumentCode code) {
        return organId + "," + DAY.format(promulgationDate) + "," + code;
    }
}
