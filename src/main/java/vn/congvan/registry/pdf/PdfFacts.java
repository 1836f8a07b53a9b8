package vn.congvan.registry.pdf;

/** What registration learns from a PDF: its page count and the text it carries (for search). */
public record PdfFacts(int pageCount, String text) {}
