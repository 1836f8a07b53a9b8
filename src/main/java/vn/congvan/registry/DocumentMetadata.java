package vn.congvan.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The description of a document by Decree 30 Appendix VI, named as in edXML: what its issuer wrote on
 * it, from its type and number to its signer, priority and confidentiality. Its JSON is flat, as the
 * decree lists the fields.
 */
public record DocumentMetadata(
        String typeName,
        @Nullable String codeNumber,
        @Nullable String codeNotation,
        LocalDate issuedDate,
        @Nullable String organId,
        String organName,
        String subject,
        String language,
        @Nullable Integer pageAmount,
        @Nullable String description,
        @JsonUnwrapped Signer signer,
        Priority priority,
        Confidentiality confidentiality,
        @Nullable Integer issuedAmount,
        @Nullable LocalDate dueDate,
        @Nullable String toPlaces) {

    public DocumentMetadata {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(issuedDate, "issuedDate");
        Objects.requireNonNull(organName, "organName");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(confidentiality, "confidentiality");
        if (pageAmount != null && pageAmount < 0) {
            throw new IllegalArgumentException("A document has no negative number of pages: " + pageAmount);
        }
        if (issuedAmount != null && issuedAmount < 0) {
            throw new IllegalArgumentException("A document is issued in no negative number of copies: " + issuedAmount);
        }
    }

    /**
     * Who signed the document (người ký): the authority written before the position (KT., TL., …), the
     * position and the full name, as the signature block shows them.
     */
    public record Signer(
            @JsonProperty("signerAuthority") SignerAuthority authority,
            @JsonProperty("signerPosition") @Nullable String position,
            @JsonProperty("signerFullName") @Nullable String fullName) {

        public Signer {
            Objects.requireNonNull(authority, "authority");
        }

        /** The signer as typed: no authority is {@link SignerAuthority#NONE}, blank text is none. */
        public static Signer of(
                @Nullable SignerAuthority authority, @Nullable String position, @Nullable String fullName) {
            return new Signer(
                    authority != null ? authority : SignerAuthority.NONE, trimmed(position), trimmed(fullName));
        }

        /** The position with its authority as printed above the signature, e.g. {@code KT. CHỦ TỊCH}. */
        public @Nullable String title() {
            return position == null ? null : (authority.prefix() + " " + position).strip();
        }

        public boolean named() {
            return position != null || fullName != null;
        }
    }

    /** Number and notation as printed after "Số:", e.g. {@code 15/QĐ-UBND}; missing before numbering. */
    public @Nullable String notation() {
        return DocumentView.notationOf(codeNumber, codeNotation);
    }

    /** Khẩn or more: its handling is watched closer and its notices stand out. */
    public boolean urgent() {
        return priority.isUrgent();
    }

    /** Mật or more: a number series of its own, read only by explicit grant. */
    public boolean secret() {
        return confidentiality.isSecret();
    }

    /** The same description with the number, notation and date the register gave on issue. */
    public DocumentMetadata numbered(String codeNumber, String codeNotation, LocalDate issuedDate) {
        return new DocumentMetadata(
                typeName,
                codeNumber,
                codeNotation,
                issuedDate,
                organId,
                organName,
                subject,
                language,
                pageAmount,
                description,
                signer,
                priority,
                confidentiality,
                issuedAmount,
                dueDate,
                toPlaces);
    }

    /** Text as stored: stripped, and none when blank. */
    static @Nullable String trimmed(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A document says its language, Vietnamese unless written otherwise. */
    static String languageOr(@Nullable String language) {
        return language == null || language.isBlank() ? "vi" : language.strip();
    }
}
