package com.crossdock.portal.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any address under {@code /api/v1} that no endpoint serves: a 404 problem, so a client's typo gets an answer in the
 * API's own terms instead of the portal's pages. The most general mapping, so every endpoint wins over it.
 */
@RestController
@Hidden
class UnknownApiPaths {

    @RequestMapping("/api/v1/**")
    void unknown(HttpServletRequest request) {
        throw new ApiProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "Not found",
                "The API has no " + request.getMethod() + " " + request.getRequestURI() + "; see /api/docs");
    }
}
