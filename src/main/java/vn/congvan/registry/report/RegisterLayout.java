package vn.congvan.registry.report;

import java.util.List;
import vn.congvan.registry.Direction;

/**
 * The columns of a register as Decree 30 Appendix IV prints them, with their relative widths:
 * the incoming register (sổ đăng ký văn bản đến) and the outgoing one (sổ đăng ký văn bản đi).
 */
enum RegisterLayout {
    INCOMING(
            "registry.register.title.INCOMING",
            List.of(
                    new Column("registry.register.col.arrivalDate", 7),
                    new Column("registry.register.col.arrivalNumber", 5),
                    new Column("registry.register.col.author", 14),
                    new Column("registry.register.col.notation", 10),
                    new Column("registry.register.col.documentDate", 7),
                    new Column("registry.register.col.typeAndSubject", 25),
                    new Column("registry.register.col.receiver", 11),
                    new Column("registry.register.col.transferDate", 7),
                    new Column("registry.register.col.signature", 7),
                    new Column("registry.register.col.note", 7))),
    OUTGOING(
            "registry.register.title.OUTGOING",
            List.of(
                    new Column("registry.register.col.notation", 10),
                    new Column("registry.register.col.documentDate", 7),
                    new Column("registry.register.col.typeAndSubject", 23),
                    new Column("registry.register.col.signer", 11),
                    new Column("registry.register.col.recipients", 15),
                    new Column("registry.register.col.fileCopy", 10),
                    new Column("registry.register.col.copies", 5),
                    new Column("registry.register.col.transferDate", 7),
                    new Column("registry.register.col.signature", 6),
                    new Column("registry.register.col.note", 6)));

    private final String titleKey;
    private final List<Column> columns;

    RegisterLayout(String titleKey, List<Column> columns) {
        this.titleKey = titleKey;
        this.columns = columns;
    }

    String titleKey() {
        return titleKey;
    }

    List<Column> columns() {
        return columns;
    }

    static RegisterLayout of(Direction direction) {
        return direction == Direction.INCOMING ? INCOMING : OUTGOING;
    }

    /** A column: its heading's message key and its share of the page width. */
    record Column(String headingKey, int width) {}
}
