package vn.congvan.registry.pdf;

/**
 * What registration learns from a PDF: its page count and the text it carries (for search), and
 * whether that text could be read within the bounds ({@code textExtracted} false: none was kept).
 */
public record PdfFacts(int pageCount, String text, boolean textExtracted) {}
