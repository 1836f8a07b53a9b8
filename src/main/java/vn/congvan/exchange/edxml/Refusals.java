package vn.congvan.exchange.edxml;

import org.springframework.http.HttpStatus;
import vn.congvan.shared.DomainException;

/** The refusals of a package received from outside, each with its message key. */
final class Refusals {

    private Refusals() {}

    static DomainException malformed(String detail) {
        return DomainException.invalid("exchange.edxml.malformed", detail);
    }

    static DomainException doctype() {
        return DomainException.invalid("exchange.edxml.doctype");
    }

    static DomainException tooLarge(long limit) {
        return new DomainException(HttpStatus.CONTENT_TOO_LARGE, "exchange.edxml.too-large", limit);
    }

    static DomainException tooDeep(int limit) {
        return DomainException.invalid("exchange.edxml.too-deep", limit);
    }

    static DomainException tooManyElements(int limit) {
        return DomainException.invalid("exchange.edxml.too-many-elements", limit);
    }

    static DomainException tooLong(String field, int max) {
        return DomainException.invalid("exchange.edxml.too-long", field, max);
    }

    static DomainException controlCharacter(String field) {
        return DomainException.invalid("exchange.edxml.control-character", field);
    }

    static DomainException zipBomb(String name) {
        return DomainException.invalid("exchange.edxml.zip-bomb", name);
    }

    static DomainException statusCode(String code) {
        return DomainException.invalid("exchange.edxml.status-code", code);
    }

    static DomainException base64(String contentId) {
        return DomainException.invalid("exchange.edxml.base64", contentId);
    }
}
