package vn.congvan.signing.web;

/** An image just kept: its size in pixels. */
record ImageJson(int width, int height) {}
