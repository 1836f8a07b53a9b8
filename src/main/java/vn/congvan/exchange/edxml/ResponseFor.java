package vn.congvan.exchange.edxml;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The document a package answers (văn bản được phúc đáp) or a status reports on. */
public record ResponseFor(
        String organId, DocumentCode code, @Nullable LocalDate promulgationDate, String documentId) {}
