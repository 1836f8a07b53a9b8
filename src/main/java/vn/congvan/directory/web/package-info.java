/** Reading and maintaining the directory: the REST API, the web pages and the administrator's changes. */
@NullMarked
package vn.congvan.directory.web;

import org.jspecify.annotations.NullMarked;
