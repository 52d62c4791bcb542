package com.crossdock.portal.api;

import org.springframework.http.HttpStatus;

/** A call the API refuses with a problem of its own (not found, a bad cursor, a stale If-Match, ...). */
final class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    ApiProblemException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    static ApiProblemException notFound(String what) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "Not found", what + " does not exist for this brand");
    }
}
