package vn.congvan.directory.web;

import java.util.List;

/** One page of people, with the total the reader may see. */
record UserPage(List<UserJson> items, int page, int size, long total) {}
