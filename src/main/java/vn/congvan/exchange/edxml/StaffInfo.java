package vn.congvan.exchange.edxml;

/** The clerk (cán bộ) who handled a package: department, name, mobile phone and e-mail. */
public record StaffInfo(String department, String staff, String mobile, String email) {}
