package vn.congvan.handling.incoming;

import java.time.LocalDate;
import java.util.UUID;

/**
 * How a unit handled the incoming documents that arrived in a period (báo cáo tình hình giải
 * quyết văn bản đến): how many arrived, where the open ones stand, how many were done and on time.
 */
public record HandlingReport(
        UUID unitId,
        LocalDate from,
        LocalDate to,
        long arrived,
        long waiting,
        long inHand,
        long done,
        long doneOnTime,
        long doneLate,
        long overdue,
        long refused) {}
