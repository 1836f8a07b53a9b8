package vn.congvan.exchange.edxml;

import java.util.List;

/**
 * The {@code OtherInfo} of a document: priority (độ khẩn), sphere of promulgation, typist's notation,
 * number of copies, number of pages and appendixes.
 */
public record OtherInfo(
        int priority,
        String sphereOfPromulgation,
        String typerNotation,
        int promulgationAmount,
        int pageAmount,
        List<String> appendixes) {

    public static final OtherInfo NONE = new OtherInfo(0, "", "", 0, 0, List.of());

    public OtherInfo {
        appendixes = List.copyOf(appendixes);
    }
}
