/** Office documents (Word, OpenDocument) checked and rendered as PDF by LibreOffice in headless mode. */
@NullMarked
package vn.congvan.platform.office;

import org.jspecify.annotations.NullMarked;
