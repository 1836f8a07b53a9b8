package vn.congvan.exchange.edxml;

/** The type of a document (loại văn bản) as edXML codes it: {@code Type}, {@code TypeDetail}, {@code TypeName}. */
public record DocumentKind(int type, int typeDetail, String typeName) {}
