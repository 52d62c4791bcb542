package com.crossdock.portal.api;

import com.crossdock.portal.catalog.CatalogValidationException;
import com.crossdock.portal.receiving.ReceivingValidationException;
import com.crossdock.portal.returns.ReturnsValidationException;
import com.crossdock.portal.sync.OrderValidationException;
import com.crossdock.portal.tenancy.NoSuchTenantException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API as an RFC 9457 problem ({@code application/problem+json}): field errors under
 * {@code errors} as {@code [{field, message}]}, a missing scope as 403, anything unexpected as 500 with nothing
 * internal in it. Spring's own refusals (malformed JSON, a wrong parameter type) come as problems too.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** One field that needs fixing, named as in the request body. */
    record FieldError(String field, String message) {
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ApiProblemException problem, HttpServletRequest request) {
        return answer(problem.status(), problem.title(), problem.getMessage(), request);
    }

    /** A write the tenant's source of truth gives to another system: 409, naming the owner. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> notTheOwner(com.crossdock.tenantconfig.truth.OwnershipConflictException conflict,
            HttpServletRequest request) {
        return answer(org.springframework.http.HttpStatus.CONFLICT, "Owned by " + conflict.check().owner().label(),
                conflict.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidOrder(OrderValidationException invalid, HttpServletRequest request) {
        return fieldErrors(invalid.fieldErrors(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidShipment(ReceivingValidationException invalid, HttpServletRequest request) {
        return fieldErrors(invalid.fieldErrors(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidReturn(ReturnsValidationException invalid, HttpServletRequest request) {
        return fieldErrors(invalid.fieldErrors(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidItem(CatalogValidationException invalid, HttpServletRequest request) {
        return fieldErrors(invalid.fieldErrors(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidArgument(IllegalArgumentException invalid, HttpServletRequest request) {
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, "Not accepted", invalid.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied, HttpServletRequest request) {
        return answer(HttpStatus.FORBIDDEN, "Not allowed", "This API client lacks the scope this call needs; a brand "
                + "admin can create a client with it in the portal's API view", request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownTenant(NoSuchTenantException unknown, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, "Not found", "No such brand", request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> failed(RuntimeException failure, HttpServletRequest request) {
        log.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), failure);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Failed", "The portal could not complete this call; try "
                + "again, and tell the 3PL if it keeps failing", request);
    }

    private static ResponseEntity<ProblemDetail> fieldErrors(Map<String, String> errors, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = answer(HttpStatus.UNPROCESSABLE_CONTENT, "Not accepted",
                String.join("; ", errors.values()), request);
        List<FieldError> fields = errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(error -> new FieldError(error.getKey(), error.getValue())).toList();
        java.util.Objects.requireNonNull(answer.getBody()).setProperty("errors", fields);
        return answer;
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String title, String detail,
            HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
